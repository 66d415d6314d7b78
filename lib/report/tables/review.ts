/**
 * Table 四 (行政复议、行政诉讼): 15 cells in one printed row (复议, 直接起诉, 复议后起诉 × 结果维持,
 * 结果纠正, 其他结果, 尚未审结, 总计), whatever the layout splits them into. The numbers after the
 * table's header are read in order and placed by the solver. Some agencies print it sideways (the
 * outcomes as rows, the blocks as columns); that layout is read row by row.
 */
import { REVIEW_BLOCKS, REVIEW_OUTCOMES, reviewKey, type ReviewBlock } from "../../metrics/dictionary";
import type { BlockReading } from "./types";
import type { Span } from "./locate";
import { solveReviewTable, solveSidewaysReviewTable } from "./solve";
import { cellLineTokens, cutProse, isCell, rowTokens, scanNumbers, stripNotes, tabFieldTokens } from "./tokens";

const CELL_COUNT = REVIEW_BLOCKS.length * REVIEW_OUTCOMES.length;
// The first header word of the outcome columns (结果维持 …, abbreviated 维持 …): numbers before it
// belong to prose.
const HEADER_START = /结果维持|结果纠正|尚未审结|维持|纠正|审结/;

/** The numeric tokens of table 四 in printed order; blank cells of a tab row are `""`. */
export function reviewTokens(region: string): string[] {
  const header = region.search(HEADER_START);
  const body = cutProse(stripNotes(header >= 0 ? region.slice(header) : region));
  const lines = body.split("\n");
  // One cell per line (or no tabs at all): blank cells are tab-only lines between numbers.
  const tokens = lines.some((line) => line.split("\t").length >= 3 && holdsCells(line)) ? gridTokens(lines) : cellLineTokens(body);
  // Nothing printed in any cell, but a full row of the grid under the header: every cell blank.
  if (tokens.length === 0 && lines.some((line) => line.split("\t").length === CELL_COUNT && line.trim() === "")) {
    return Array.from({ length: CELL_COUNT }, () => "");
  }
  return tokens;
}

/** Tokens of a table printed as TAB rows. */
function gridTokens(lines: readonly string[]): string[] {
  const tokens: string[] = [];
  for (const line of lines) {
    if (!line.includes("\t")) {
      tokens.push(...scanNumbers(line));
      continue;
    }
    const fields = line.split("\t").map((f) => f.trim());
    const printed = fields.length;
    while (fields.length > 0 && fields[fields.length - 1] === "") fields.pop();
    // A full row of the grid: its leading (and trailing) blanks are blank cells, not merged labels.
    if ((fields.length === CELL_COUNT || printed === CELL_COUNT) && holdsCells(line)) {
      while (fields.length < CELL_COUNT) fields.push("");
      tokens.push(...fields.map((f) => scanNumbers(f).find((t) => t !== "") ?? ""));
    } else {
      tokens.push(...tabFieldTokens(fields, 0));
    }
  }
  return tokens;
}

/** A line with a cell in one of its TAB fields: a number, or a dash, slash or 无 printed for none. */
function holdsCells(line: string): boolean {
  return /\d/.test(line) || line.split("\t").some((field) => isCell(field.trim()));
}

/** Reads table 四 from `text` within `span`. */
export function readReviewTable(text: string, span: Span): BlockReading {
  const region = text.slice(span.start, span.end);
  const sideways = sidewaysRows(region);
  if (sideways && sideways.blocks === null) return unorderedColumns();
  const solved = sideways
    ? solveSidewaysReviewTable(sideways.rows, sideways.blocks!)
    : solveReviewTable(reviewTokens(region));
  return { values: solved.values, issues: solved.issues };
}

/** A sideways table whose header does not show which column is which block: nothing is placed. */
function unorderedColumns(): BlockReading {
  const keys = REVIEW_BLOCKS.flatMap((block) => REVIEW_OUTCOMES.map((outcome) => reviewKey(block, outcome)));
  return {
    values: Object.fromEntries(keys.map((key) => [key, null])),
    issues: [
      {
        code: "AMBIGUOUS_SPLIT",
        severity: "error",
        keys,
        message:
          "table 四 is printed sideways (outcomes as rows) and its header does not show which column is 行政复议, 直接起诉 or 复议后起诉; left empty",
      },
    ],
  };
}

// Outcome labels as a sideways table prints them at the start of its rows, after 结果维持.
const UPHELD_LABEL = /(?:结果)?维持/g;
const LATER_OUTCOME_LABELS = [/(?:结果)?纠正/y, /其他(?:结果)?/y, /(?:尚未)?审结/y, /总计|合计/y];
const BLOCK_LABELS: [ReviewBlock, RegExp][] = [
  ["review", /行政复议/g],
  ["litigation.direct", /直接起诉/g],
  ["litigation.afterReview", /复议后起诉/g],
];

interface SidewaysRows {
  rows: string[][];
  /** The blocks in printed column order; null when the header does not show it. */
  blocks: ReviewBlock[] | null;
}

/**
 * Table 四 printed sideways: the outcomes are rows and 行政复议 / 直接起诉 / 复议后起诉 columns.
 * Told from the usual layout by where the labels sit: each outcome label starts a line and is
 * followed by numbers before the next one (in the usual layout the outcome labels follow one
 * another in the header, the numbers after them all). 结果维持 may not start its line: the text
 * joins it to a header cell that ends in words. Returns each outcome row's tokens and the blocks
 * in the order the header prints them, or null for any other layout.
 */
export function sidewaysRows(region: string): SidewaysRows | null {
  const lineStarts: number[] = [];
  for (let at = 0; at < region.length; at = region.indexOf("\n", at) + 1 || region.length) {
    let start = at;
    while (region[start] === " " || region[start] === "\t") start++;
    lineStarts.push(start);
  }
  const labels: { start: number; end: number }[] = [];
  let lineIndex = 0;
  for (const label of LATER_OUTCOME_LABELS) {
    let hit: { start: number; end: number } | null = null;
    for (; lineIndex < lineStarts.length && !hit; lineIndex++) {
      label.lastIndex = lineStarts[lineIndex];
      if (label.test(region)) hit = { start: lineStarts[lineIndex], end: label.lastIndex };
    }
    if (!hit) return null;
    labels.push(hit);
  }
  const upheld = [...region.slice(0, labels[0].start).matchAll(UPHELD_LABEL)].pop();
  if (!upheld) return null;
  labels.unshift({ start: upheld.index, end: upheld.index + upheld[0].length });
  const rows = labels.map((label, i) => {
    const segment = region.slice(label.end, labels[i + 1]?.start ?? region.length);
    return rowTokens(i + 1 < labels.length ? segment : cutProse(segment), REVIEW_BLOCKS.length);
  });
  if (rows.some((tokens) => !tokens.some((t) => t !== ""))) return null;
  return { rows, blocks: blockOrder(region.slice(0, labels[0].start)) };
}

/**
 * The blocks in the order of the header's columns: each block's column is the field (tab-separated,
 * spans expanded as blank fields) where the header last names it; the heading above the header
 * names 行政复议 too. A header that does not place the three in distinct fields (one cell per line)
 * is read in the template's order when it names them in that order (行政复议 before 行政诉讼, 直接起诉
 * before 复议后起诉); otherwise the order is unknown (null).
 */
function blockOrder(header: string): ReviewBlock[] | null {
  const column = new Map<ReviewBlock, number>();
  const last = new Map<ReviewBlock, number>();
  for (const [block, label] of BLOCK_LABELS) {
    const mention = [...header.matchAll(label)].pop();
    if (!mention) return [...REVIEW_BLOCKS];
    const lineStart = header.lastIndexOf("\n", mention.index) + 1;
    column.set(block, header.slice(lineStart, mention.index).split("\t").length - 1);
    last.set(block, mention.index);
  }
  if (new Set(column.values()).size === REVIEW_BLOCKS.length) {
    return [...REVIEW_BLOCKS].sort((a, b) => column.get(a)! - column.get(b)!);
  }
  const litigation = header.lastIndexOf("行政诉讼");
  const review = last.get("review")!;
  const inOrder =
    (litigation < 0 || review < litigation) &&
    review < last.get("litigation.direct")! &&
    last.get("litigation.direct")! < last.get("litigation.afterReview")!;
  return inOrder ? [...REVIEW_BLOCKS] : null;
}
