/**
 * How each number of a reading was obtained, and the reading's overall status, from the issues
 * the reader raised. The reader names the keys it recovered in its issues; everything else it
 * printed was read.
 */
import type { ParsedReport, ReportIssue } from "../../lib/report/types";
import type { ReportStatus, ValueMethod } from "../schema";

/** Issues that mean "this value was not printed: the arithmetic supplied it". */
const RECOVERY_CODES = new Set(["VALUE_RECOVERED", "ROW_INCOMPLETE", "AMBIGUOUS_SPLIT", "CELL_UNREADABLE"]);

/** A code saying a printed value was replaced by a better one (e.g. VALUE_CORRECTED). */
const isCorrection = (code: string) => code.includes("CORRECTED");

export interface StoredValue {
  metricKey: string;
  value: number;
  method: ValueMethod;
}

/** The values worth a row: every key with a number (a missing key reads back as null). */
export function storedValues(report: Pick<ParsedReport, "values" | "issues">): StoredValue[] {
  const methods = methodsByKey(report.issues);
  const rows: StoredValue[] = [];
  for (const [metricKey, value] of Object.entries(report.values)) {
    if (typeof value !== "number") continue;
    rows.push({ metricKey, value, method: methods.get(metricKey) ?? "read" });
  }
  return rows;
}

function methodsByKey(issues: readonly ReportIssue[]): Map<string, ValueMethod> {
  const methods = new Map<string, ValueMethod>();
  for (const issue of issues) {
    const method: ValueMethod | null = isCorrection(issue.code)
      ? "corrected"
      : RECOVERY_CODES.has(issue.code)
        ? "recovered"
        : null;
    if (!method) continue;
    for (const key of issue.keys ?? []) {
      // A correction outranks a recovery when both name one key.
      if (methods.get(key) !== "corrected") methods.set(key, method);
    }
  }
  return methods;
}

export function reportStatusOf(issues: readonly Pick<ReportIssue, "severity">[]): ReportStatus {
  if (issues.some((i) => i.severity === "error")) return "errors";
  if (issues.some((i) => i.severity === "warning")) return "warnings";
  return "clean";
}
