/** What each table's reader returns: its keys' values and what it noticed on the way. */
import type { ReportIssue } from "../types";

export interface BlockReading {
  values: Record<string, number | null>;
  issues: ReportIssue[];
}
