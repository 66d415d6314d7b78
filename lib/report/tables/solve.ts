/**
 * Cell placement for tables 三 and 四: the numbers a layout left in each row, placed into the
 * template's cells so that the arithmetic (ROW_TOTAL, OUTCOME_SUM, BALANCE, REVIEW_TOTAL) holds.
 * Handles rows that lost cells, a missing 总计 column and digits run together with no separator.
 */
import {
  APPLY_COLUMNS,
  applyKey,
  type ApplyColumn,
  type TemplateId,
} from "../../metrics/dictionary";
import type { ReportIssue } from "../types";

/** One row of table 三 as read: its template row id and the numeric strings printed in it. */
export interface RowTokens {
  row: string;
  tokens: string[];
}

export interface SolvedBlock {
  values: Record<string, number | null>;
  issues: ReportIssue[];
}

// Placeholder until the solver lands: places tokens left to right when the count matches.
export function solveApplyTable(
  _template: TemplateId,
  rows: RowTokens[],
  columns: readonly ApplyColumn[] = APPLY_COLUMNS,
): SolvedBlock {
  const values: Record<string, number | null> = {};
  for (const { row, tokens } of rows) {
    APPLY_COLUMNS.forEach((column) => {
      const at = columns.indexOf(column);
      const token = at >= 0 && tokens.length === columns.length ? tokens[at] : undefined;
      values[applyKey(row, column)] = token === undefined ? null : Number(token);
    });
  }
  return { values, issues: [] };
}
