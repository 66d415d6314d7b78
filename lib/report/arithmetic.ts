/** The arithmetic every report must satisfy (勾稽关系): checks that turn each break into an issue. */
import type { TemplateId } from "../metrics/dictionary";
import type { ReportIssue } from "./types";

// Placeholder until the rules land.
export function checkArithmetic(
  _template: TemplateId,
  _values: Record<string, number | null>,
): ReportIssue[] {
  return [];
}

/** Counts stated in the prose (申请 received, 行政处罚, 复议) against their table cells. */
export function checkNarrative(_text: string, _values: Record<string, number | null>): ReportIssue[] {
  return [];
}
