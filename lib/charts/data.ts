/**
 * The plain table behind every chart: the same rows draw the chart, fill its "查看数据" table and
 * make its CSV, so the three can never disagree.
 */
import { MISSING, formatCount, formatPercent } from "../measures/format";

/** `percent` values are already in percent (25.6 means 25.6%). */
export type ColumnKind = "text" | "count" | "percent";

export interface DataColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type DataValue = string | number | null;
export type DataRow = Record<string, DataValue>;

export interface ChartData {
  columns: DataColumn[];
  rows: DataRow[];
  /**
   * For tables that list measures of both kinds down the rows (指标 · 单位 · values): the key of
   * the text column holding each row's unit. Numbers in a row whose unit is PERCENT_UNIT are
   * percentages, whatever their column says.
   */
  unitColumn?: string;
}

/** The unit cell of a row of percentages. */
export const PERCENT_UNIT = "%";

/** Whether the numbers of this row are percentages (see ChartData.unitColumn). */
export function isPercentRow(data: ChartData, row: DataRow): boolean {
  return data.unitColumn !== undefined && row[data.unitColumn] === PERCENT_UNIT;
}

/** A cell as the data table shows it: "—" for unknown, percent with one decimal. */
export function formatCell(column: DataColumn, value: DataValue | undefined, percentRow = false): string {
  if (value === null || value === undefined || value === "") return MISSING;
  if (typeof value === "string") return value;
  if (column.kind === "percent" || percentRow) return formatPercent(value);
  return formatCount(value);
}

/**
 * CSV header labels carry the unit of percent columns, since CSV cells are bare numbers. A CSV
 * holds exactly the table's rows: rates as percentages at full precision (the table shows them
 * with one decimal), counts as they are, unknown as an empty cell.
 */
export function csvColumnsOf(columns: readonly DataColumn[]): { key: string; label: string }[] {
  return columns.map((c) => ({ key: c.key, label: c.kind === "percent" ? `${c.label}（%）` : c.label }));
}

export function columnByKey(data: ChartData, key: string): DataColumn {
  const column = data.columns.find((c) => c.key === key);
  if (!column) throw new Error(`chart column not in data: ${key}`);
  return column;
}

/** Numbers of one column, unknown as null (ECharts draws a gap). */
export function numbersOf(data: ChartData, key: string): (number | null)[] {
  return data.rows.map((row) => {
    const value = row[key];
    return typeof value === "number" && Number.isFinite(value) ? value : null;
  });
}

export function labelsOf(data: ChartData, key: string): string[] {
  return data.rows.map((row) => String(row[key] ?? MISSING));
}

/**
 * Every year from the first to the last, so a year without reports shows as a gap instead of
 * the axis silently joining its neighbours.
 */
export function yearSpan(years: Iterable<number>): number[] {
  const list = [...years];
  if (list.length === 0) return [];
  const first = Math.min(...list);
  const last = Math.max(...list);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Lines need three points to read as a trend; fewer years are clearer as bars. */
export const MIN_YEARS_FOR_LINE = 3;
