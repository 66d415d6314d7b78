/**
 * The reader's promise on damaged text: a cell lost from a table never turns into a wrong value
 * that no issue names. Each text fixture loses one printed cell of its tables — the number with
 * its separator, so no blank cell is left in its place (a blank cell reads as 0) — and every
 * expected value must then come out right, come out null, or be named by an issue. Every cell of
 * every table is lost in turn.
 */
import { describe, expect, it } from "vitest";
import { readReportText } from "@/lib/report";
import { fixtureBytes, fixturesIn, type TableExpected } from "./support/fixtures";

/** Integer numbers printed in the tables (from table 二's heading to section 五), not decimals. */
function tableNumbers(text: string): { start: number; end: number }[] {
  const from = text.search(/二、\s*主动公开政府信息情况/);
  const to = text.search(/五、\s*(?:存在的主要问题|政府信息公开工作存在)/);
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/(?<![\d.])\d+(?![\d.])/g)) {
    if (m.index > from && (to < 0 || m.index < to)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** The number's span widened over the separator before it (spaces, one tab or pipe), and its line if it was alone there. */
function withSeparator(text: string, { start, end }: { start: number; end: number }): { start: number; end: number } {
  let from = start;
  while (from > 0 && /[ \t]/.test(text[from - 1])) from--;
  if (from < start && text[start - 1] === "\t") from = start - 1;
  else if (text[from - 1] === "|") from--;
  if (text[from - 1] === "\n" && (end === text.length || text[end] === "\n")) from--;
  return { start: from, end };
}

describe("a lost cell is never a silent wrong value", () => {
  const texts = fixturesIn<TableExpected>(["seeds", "real"]).filter(
    (f) => f.file.endsWith(".txt") && Object.keys(f.expected.values).length > 0,
  );

  it.each(texts.map((f) => [`${f.dir}/${f.file}`, f] as const))("%s", (_name, fixture) => {
    const text = fixtureBytes(fixture.dir, fixture.file).toString("utf8");
    const spans = tableNumbers(text);
    expect(spans.length).toBeGreaterThan(10);
    const silent: string[] = [];
    for (const span of spans) {
      const { start, end } = withSeparator(text, span);
      const damaged = text.slice(0, start) + text.slice(end);
      const reading = readReportText(damaged);
      if ("error" in reading) throw new Error(reading.error.message);
      const named = new Set(reading.issues.flatMap((issue) => issue.keys ?? []));
      for (const [key, value] of Object.entries(fixture.expected.values)) {
        const got = reading.values[key];
        if (value !== null && got !== value && got !== null && !named.has(key)) {
          silent.push(`without ${text.slice(span.start, span.end)} at ${span.start}: ${key} = ${got}, printed ${value}`);
        }
      }
    }
    expect(silent).toEqual([]);
  });
});

/** Single-digit cells of tables 三 and 四: changing one keeps it one cell. */
function ruledDigits(text: string): { start: number; end: number }[] {
  const from = text.search(/三、\s*收到和处理政府信息公开申请情况/);
  return tableNumbers(text).filter((span) => span.start > from && span.end - span.start === 1);
}

describe("a misprinted cell of a table with arithmetic is never a silent wrong value", () => {
  // Tables 三 and 四 check every cell by a rule, so a misprint is always noticed; table 二 has no
  // arithmetic and reads a misprint as printed.
  const ruled = /^(?:apply|review|litigation)\./;
  const texts = fixturesIn<TableExpected>(["seeds", "real"]).filter(
    (f) => f.file.endsWith(".txt") && Object.keys(f.expected.values).length > 0,
  );

  it.each(texts.map((f) => [`${f.dir}/${f.file}`, f] as const))("%s", (_name, fixture) => {
    const text = fixtureBytes(fixture.dir, fixture.file).toString("utf8");
    const silent: string[] = [];
    for (const { start } of ruledDigits(text)) {
      const misprint = String((Number(text[start]) + 3) % 10);
      const reading = readReportText(text.slice(0, start) + misprint + text.slice(start + 1));
      if ("error" in reading) throw new Error(reading.error.message);
      const named = new Set(reading.issues.flatMap((issue) => issue.keys ?? []));
      for (const [key, value] of Object.entries(fixture.expected.values)) {
        const got = reading.values[key];
        if (ruled.test(key) && value !== null && got !== value && got !== null && !named.has(key)) {
          silent.push(`${text[start]} → ${misprint} at ${start}: ${key} = ${got}, printed ${value}`);
        }
      }
    }
    expect(silent).toEqual([]);
  });
});
