/** Tables 二, 三 and 四: located by their labels, read cell by cell, checked by the arithmetic. */
import { metricKeysOf, type TemplateId } from "../../metrics/dictionary";
import type { ReportIssue } from "../types";

export interface TableReading {
  template: TemplateId;
  values: Record<string, number | null>;
  issues: ReportIssue[];
}

// Placeholder until the table reader lands.
export function readTables(_text: string, year: number | null): TableReading {
  const template: TemplateId = year !== null && year < 2021 ? "2019" : "2021";
  const values = Object.fromEntries(metricKeysOf(template).map((k) => [k, null]));
  return { template, values, issues: [] };
}
