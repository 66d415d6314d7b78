/**
 * Finding tables 二, 三 and 四 in a normalised report. A table is found by its section heading
 * (二、主动公开政府信息情况 …) when the heading is followed by the table's own header words;
 * a mention of the same words in the prose (本报告包括总体情况、主动公开政府信息情况…) has no
 * numeral before it and no header after it, so it is never taken for the table.
 */

export interface Span {
  start: number;
  end: number;
}

export interface TableSpans {
  active: Span | null;
  apply: Span | null;
  review: Span | null;
}

// Fillers between a numeral and its title never cross a "、": a row label that the text joins
// to the next heading (四、结转下年度继续办理四、政府信息公开行政复议…) is not that heading.
// A section numeral as a heading: 二、 二. or the bare numeral before the title; not the
// enumerator of a sub-item "(二)" nor an ordinal "第二". Run-together crawler text may put any
// character right before it ("…52元三、收到和处理…").
const numeral = (n: string) => `(?<![(第十])${n}\\s*[、.,:]?\\s*`;

const ACTIVE_HEADING = new RegExp(`${numeral("二")}主动公开`, "g");
const APPLY_HEADING = new RegExp(`${numeral("三")}(?:收到和处理|收到|依申请)`, "g");
const REVIEW_HEADING = new RegExp(
  `${numeral("四")}(?:[^\\n\\d、]{0,12}?)(?:政府信息公开)?(?:申请)?(?:提起)?行政复议`,
  "g",
);
const END_HEADING = new RegExp(
  `${numeral("[五六]")}(?:[^\\n\\d、]{0,16}?)(?:存在的?主要问题|问题及|改进情况|其他需要报告)`,
  "g",
);

// Header words that only a table prints; one of them must follow the heading.
const ACTIVE_HEADER = /本年制发|本年新制作|现行有效|处理决定数量|信息内容|规章/;
const APPLY_HEADER = /自然人|申请人情况|新收/;
const REVIEW_HEADER = /结果维持|尚未审结|复议后起诉|直接起诉/;

// How far after its heading a table's header may start.
const HEADER_REACH = 1500;

// Without a heading (dropped by a converter, printed as an image), a table is still found by
// header words no prose uses, when its first row follows close behind.
const ACTIVE_ANCHOR = /信息内容|第二十条/g;
const ACTIVE_ANCHOR_ROW = /规章/;
const APPLY_ANCHOR = /申请人情况|自然人/g;
const APPLY_ANCHOR_ROW = /新收/;
const REVIEW_ANCHOR = /行政复议/g;
const REVIEW_ANCHOR_ROW = /结果维持/;
const ANCHOR_REACH = 400;

function headingsOf(text: string, pattern: RegExp): number[] {
  const found: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push(m.index);
  return found;
}

function firstWithHeader(
  text: string,
  headings: number[],
  header: RegExp,
  after: number,
): number | null {
  for (const at of headings) {
    if (at < after) continue;
    if (header.test(text.slice(at, at + HEADER_REACH))) return at;
  }
  return null;
}

function findTable(
  text: string,
  after: number,
  heading: RegExp,
  header: RegExp,
  anchor: RegExp,
  anchorRow: RegExp,
): number | null {
  const headed = firstWithHeader(text, headingsOf(text, heading), header, after);
  if (headed !== null) return headed;
  for (const at of headingsOf(text, anchor)) {
    if (at < after) continue;
    if (anchorRow.test(text.slice(at, at + ANCHOR_REACH))) return at;
  }
  return null;
}

/** Locates the three tables; a table not printed in the text is null. */
export function locateTables(text: string): TableSpans {
  const active = findTable(text, 0, ACTIVE_HEADING, ACTIVE_HEADER, ACTIVE_ANCHOR, ACTIVE_ANCHOR_ROW);
  const apply = findTable(text, active ?? 0, APPLY_HEADING, APPLY_HEADER, APPLY_ANCHOR, APPLY_ANCHOR_ROW);
  const review = findTable(
    text,
    apply ?? active ?? 0,
    REVIEW_HEADING,
    REVIEW_HEADER,
    REVIEW_ANCHOR,
    REVIEW_ANCHOR_ROW,
  );
  const ends = headingsOf(text, END_HEADING);
  const starts = [active, apply, review];
  const spanOf = (index: number): Span | null => {
    const start = starts[index];
    if (start === null) return null;
    const nextStart = starts.slice(index + 1).find((s): s is number => s !== null);
    const nextEnd = ends.find((e) => e > start);
    const end = Math.min(nextStart ?? text.length, nextEnd ?? text.length);
    return { start, end };
  };
  return { active: spanOf(0), apply: spanOf(1), review: spanOf(2) };
}
