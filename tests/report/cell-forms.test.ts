/**
 * The ways agencies print a cell: a count with its unit (5件), a zero as a dash, a slash, 无, 〇 or
 * a blank cell, full-width digits, padding spaces; and the ways a table's rows reach us: TAB rows,
 * markdown pipes, spaces, one cell per line, all on one line; and characters that print nothing
 * (zero-width spaces, soft hyphens, byte-order marks). Each seed report is rewritten in
 * each way and must read as the original, or, where the rewriting loses where a blank cell stood
 * (spaces, one cell per line), leave nothing wrong without an issue.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readReportText } from "@/lib/report";

const seeds = path.resolve(__dirname, "../fixtures/seeds");
const TAB_LAYOUTS = ["001_bc9952d119866064", "004_bd965010b2642c5a"];
const CELL_PER_LINE = "000_6524e2516c3e27b9";

const CELL_FORMS: Record<string, (cell: string) => string> = {
  "a unit after the count (5件)": (cell) => `${cell}件`,
  "a zero as a dash": (cell) => (cell === "0" ? "—" : cell),
  "a zero as a slash": (cell) => (cell === "0" ? "/" : cell),
  "a zero as 无": (cell) => (cell === "0" ? "无" : cell),
  "a zero as the numeral 〇": (cell) => (cell === "0" ? "〇" : cell),
  "a zero as a blank cell": (cell) => (cell === "0" ? "" : cell),
  "full-width digits": (cell) => cell.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  "padding spaces, ordinary and no-break": (cell) => ` \u00a0${cell} `,
};

/** The report with every field or line that is a number rewritten by `form`. */
function rewrite(seed: string, form: (cell: string) => string): string {
  const text = readFileSync(path.join(seeds, `${seed}.txt`), "utf8");
  const isNumber = (field: string) => /^\s*\d+(\.\d+)?\s*$/.test(field);
  return text
    .split("\n")
    .map((line) => line.split("\t").map((field) => (isNumber(field) ? form(field.trim()) : field)).join("\t"))
    .join("\n");
}

function compare(seed: string, form: (cell: string) => string) {
  return compareText(seed, rewrite(seed, form));
}

function compareText(seed: string, text: string) {
  const expected = JSON.parse(readFileSync(path.join(seeds, `${seed}.expected.json`), "utf8")) as { values: Record<string, number> };
  const report = readReportText(text);
  if ("error" in report) throw new Error(report.error.message);
  const named = new Set(report.issues.flatMap((issue) => issue.keys ?? []));
  const differing = Object.entries(expected.values).filter(([key, value]) => report.values[key] !== value);
  return { differing, silent: differing.filter(([key]) => report.values[key] !== null && !named.has(key)) };
}

describe("cells printed in other forms", () => {
  const cases = Object.keys(CELL_FORMS).flatMap((form) => TAB_LAYOUTS.map((seed) => [form, seed] as const));
  it.each(cases)("%s: %s reads as printed", (form, seed) => {
    expect(compare(seed, CELL_FORMS[form]).differing).toEqual([]);
  });

  it.each(Object.keys(CELL_FORMS).filter((form) => !form.includes("blank")))("%s: the one-cell-per-line seed reads as printed", (form) => {
    expect(compare(CELL_PER_LINE, CELL_FORMS[form]).differing).toEqual([]);
  });

  it("a zero as a blank cell, one cell per line: nothing wrong without an issue", () => {
    expect(compare(CELL_PER_LINE, CELL_FORMS["a zero as a blank cell"]).silent).toEqual([]);
  });
});

const SEPARATORS: Record<string, (text: string) => string> = {
  "markdown pipes": (text) => text.split("\n").map((line) => (line.includes("\t") ? `| ${line.replace(/\t/g, " | ")} |` : line)).join("\n"),
  "web text with ' |' after every cell": (text) => text.split("\n").map((line) => (line.includes("\t") ? `${line.replace(/\t/g, " | ")} |` : line)).join("\n"),
};
const LOSSY_SEPARATORS: Record<string, (text: string) => string> = {
  "single spaces": (text) => text.replace(/\t/g, " "),
  "one cell per line": (text) => text.replace(/\t/g, "\n"),
  "the whole text on one line": (text) => text.replace(/\n+/g, " "),
};

describe("rows printed with other separators", () => {
  const seedsWithTabs = [...TAB_LAYOUTS, "003_de8792f0dd23530d"];
  const original = (seed: string) => readFileSync(path.join(seeds, `${seed}.txt`), "utf8");

  it.each(Object.keys(SEPARATORS).flatMap((way) => seedsWithTabs.map((seed) => [way, seed] as const)))("%s: %s reads as printed", (way, seed) => {
    expect(compareText(seed, SEPARATORS[way](original(seed))).differing).toEqual([]);
  });

  it.each(Object.keys(LOSSY_SEPARATORS).flatMap((way) => seedsWithTabs.map((seed) => [way, seed] as const)))("%s: %s has nothing wrong without an issue", (way, seed) => {
    expect(compareText(seed, LOSSY_SEPARATORS[way](original(seed))).silent).toEqual([]);
  });
});

const INVISIBLES: Record<string, (text: string) => string> = {
  "a zero-width space after every character": (text) => text.replace(/(.)/gu, "$1\u200b"),
  "a soft hyphen after every Chinese character": (text) => text.replace(/([\u4e00-\u9fff])/g, "$1\u00ad"),
  "a byte-order mark at the start of every line": (text) => text.replace(/\n/g, "\n\ufeff"),
};

describe("characters that print nothing", () => {
  const all = [...TAB_LAYOUTS, CELL_PER_LINE];
  it.each(Object.keys(INVISIBLES).flatMap((way) => all.map((seed) => [way, seed] as const)))("%s: %s reads as printed, identity included", (way, seed) => {
    const text = INVISIBLES[way](readFileSync(path.join(seeds, `${seed}.txt`), "utf8"));
    expect(compareText(seed, text).differing).toEqual([]);
    const expected = JSON.parse(readFileSync(path.join(seeds, `${seed}.expected.json`), "utf8"));
    expect(readReportText(text)).toMatchObject({ agency: expected.agency, year: expected.year });
  });
});
