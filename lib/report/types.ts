/** The reader's output, as fixed by the parse command's interface (see README, "parse"). */
import type { TemplateId } from "../metrics/dictionary";

export type Severity = "error" | "warning" | "info";

/** Rule and finding codes. Rule ids come from the report format's 勾稽关系. */
export type IssueCode =
  | "ROW_TOTAL"
  | "OUTCOME_SUM"
  | "BALANCE"
  | "REVIEW_TOTAL"
  | "NARRATIVE"
  | "CARRY_CHAIN"
  | "IN_FORCE_CHAIN"
  | "ROW_INCOMPLETE"
  | "VALUE_RECOVERED"
  | "TABLE_MISSING"
  | "CELL_UNREADABLE"
  | "COLUMNS_MERGED"
  | "AMBIGUOUS_SPLIT"
  | "TEMPLATE_GUESSED"
  | "YEAR_MISSING"
  | "AGENCY_MISSING"
  | "REGION_AMBIGUOUS"
  | "REGION_UNKNOWN"
  | (string & {});

export interface ReportIssue {
  code: IssueCode;
  severity: Severity;
  keys?: string[];
  message: string;
}

export interface Region {
  code: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
}

export interface ParsedReport {
  file?: string;
  agency: string | null;
  year: number | null;
  template: TemplateId;
  region: Region;
  /** Every key of the template: a number, or null when not given and not recoverable. */
  values: Record<string, number | null>;
  issues: ReportIssue[];
}

export type ReadErrorCode =
  | "EMPTY_FILE"
  | "FILE_TOO_LARGE"
  | "UNSUPPORTED_FORMAT"
  | "BINARY_FILE"
  | "UNREADABLE_DOCUMENT"
  | "NOT_A_REPORT"
  | "TIMEOUT"
  | "IO_ERROR";

export interface ReadError {
  file?: string;
  error: { code: ReadErrorCode; message: string };
}

export type ReadOutcome = ParsedReport | ReadError;

export function isReadError(outcome: ReadOutcome): outcome is ReadError {
  return "error" in outcome;
}
