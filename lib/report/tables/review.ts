/**
 * Table 四 (行政复议、行政诉讼): 15 cells in one printed row (复议, 直接起诉, 复议后起诉 × 结果维持,
 * 结果纠正, 其他结果, 尚未审结, 总计), whatever the layout splits them into. The numbers after the
 * table's header are read in order and placed by the solver.
 */
import { REVIEW_BLOCKS, REVIEW_OUTCOMES } from "../../metrics/dictionary";
import type { BlockReading } from "./types";
import type { Span } from "./locate";
import { solveReviewTable } from "./solve";
import { cellLineTokens, cutProse, scanNumbers, stripNotes, tabFieldTokens } from "./tokens";

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
  if (!lines.some((line) => line.split("\t").length >= 3 && /\d/.test(line))) return cellLineTokens(body);
  const tokens: string[] = [];
  for (const line of lines) {
    if (!line.includes("\t")) {
      tokens.push(...scanNumbers(line));
      continue;
    }
    const fields = line.split("\t").map((f) => f.trim());
    while (fields.length > 0 && fields[fields.length - 1] === "") fields.pop();
    // A full row of the grid: its leading blanks are blank cells, not merged labels.
    if (fields.length === CELL_COUNT && /\d/.test(line)) {
      tokens.push(...fields.map((f) => scanNumbers(f).find((t) => t !== "") ?? ""));
    } else {
      tokens.push(...tabFieldTokens(fields, 0));
    }
  }
  return tokens;
}

/** Reads table 四 from `text` within `span`. */
export function readReviewTable(text: string, span: Span): BlockReading {
  const solved = solveReviewTable(reviewTokens(text.slice(span.start, span.end)));
  return { values: solved.values, issues: solved.issues };
}
