/**
 * The full export's shapes, as pure functions over one report and its numbers:
 *  - wide: one row per report — identity, then one column per metric key in dictionary order,
 *    headed `label [key]` so a person reads the label and a program can map the key back;
 *  - long: one row per number — report, agency, place, year, key, label, value, origin.
 * The database side (db/queries/export.ts) only pages through reports and hands them here.
 */
import { METRICS, metricLabel, type TemplateId } from "../metrics/dictionary";
import type { CsvColumn, CsvRow } from "./index";

export type ValueOrigin = "read" | "recovered" | "corrected";

/** Chinese names of how a number was obtained, as the export shows them. */
export const VALUE_ORIGIN_LABELS: Record<ValueOrigin, string> = {
  read: "表内读取",
  recovered: "勾稽推算",
  corrected: "人工更正",
};

export interface ExportReport {
  reportId: number;
  agencyId: number;
  agency: string;
  /** An id of lib/agency-kind.ts. */
  kind: string;
  kindLabel: string;
  divisionCode: string | null;
  province: string | null;
  city: string | null;
  /** The agency's own division when below city level (a county or district). */
  county: string | null;
  year: number;
  template: TemplateId;
  status: string;
}

export interface ExportValue {
  key: string;
  value: number;
  origin: ValueOrigin;
}

export type ExportFormat = "wide" | "long";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["wide", "long"];

const IDENTITY_COLUMNS: CsvColumn[] = [
  { key: "reportId", label: "年报编号" },
  { key: "agencyId", label: "机关编号" },
  { key: "agency", label: "机关" },
  { key: "kindLabel", label: "机关类别" },
  { key: "province", label: "省" },
  { key: "city", label: "市" },
  { key: "county", label: "县（区）" },
  { key: "divisionCode", label: "区划代码" },
  { key: "year", label: "年度" },
  { key: "template", label: "模板" },
  { key: "status", label: "校验状态" },
];

/** Header of a metric column in the wide export. */
export function wideMetricHeader(key: string): string {
  return `${metricLabel(key)} [${key}]`;
}

/** The metric key of a wide header, or null for an identity column. */
export function metricKeyOfHeader(header: string): string | null {
  return header.match(/ \[([A-Za-z0-9.]+)\]$/)?.[1] ?? null;
}

/** Wide columns: identity, then every key of the given templates (default: all) in dictionary order. */
export function wideColumns(templates?: readonly TemplateId[]): CsvColumn[] {
  const metrics = METRICS.filter((m) => !templates || m.templates.some((t) => templates.includes(t)));
  return [...IDENTITY_COLUMNS, ...metrics.map((m) => ({ key: m.key, label: wideMetricHeader(m.key) }))];
}

export function wideRow(report: ExportReport, values: readonly ExportValue[]): CsvRow {
  const row: Record<string, unknown> = { ...report };
  for (const v of values) row[v.key] = v.value;
  return row;
}

export const LONG_COLUMNS: CsvColumn[] = [
  ...IDENTITY_COLUMNS.filter((c) => c.key !== "status"),
  { key: "key", label: "指标键" },
  { key: "label", label: "指标" },
  { key: "value", label: "数值" },
  { key: "origin", label: "来源" },
];

const dictionaryOrder = new Map(METRICS.map((m, i) => [m.key, i]));

/** One row per number of the report, in dictionary order. */
export function longRows(report: ExportReport, values: readonly ExportValue[]): CsvRow[] {
  return [...values]
    .sort((a, b) => (dictionaryOrder.get(a.key) ?? 0) - (dictionaryOrder.get(b.key) ?? 0))
    .map((v) => ({
      ...report,
      key: v.key,
      label: metricLabel(v.key),
      value: v.value,
      origin: VALUE_ORIGIN_LABELS[v.origin],
    }));
}

export function exportColumns(format: ExportFormat, templates?: readonly TemplateId[]): CsvColumn[] {
  return format === "wide" ? wideColumns(templates) : LONG_COLUMNS;
}

/** Rows of one report in the chosen shape. */
export function exportRows(format: ExportFormat, report: ExportReport, values: readonly ExportValue[]): CsvRow[] {
  return format === "wide" ? [wideRow(report, values)] : longRows(report, values);
}
