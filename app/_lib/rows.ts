/** Turning measures over totals into the plain columns and cells of a chart's table. */
import { PERCENT_UNIT, type DataColumn, type DataValue } from "@/lib/charts";
import { ratePercent, type Measure, type MetricValues } from "@/lib/measures";

export function measureColumn(measure: Measure, key: string = measure.id): DataColumn {
  return { key, label: measure.label, kind: measure.kind === "rate" ? "percent" : "count" };
}

/** The cell of a measure: counts as they are, rates as percentages (unrounded; shown with one decimal). */
export function measureCell(measure: Measure, values: MetricValues): DataValue {
  const value = measure.compute(values);
  return measure.kind === "rate" ? ratePercent(value) : value;
}

/** Every metric key some of the measures read. */
export function keysOf(measures: readonly Measure[]): string[] {
  return [...new Set(measures.flatMap((m) => m.keys))];
}

export const textColumn = (key: string, label: string): DataColumn => ({ key, label, kind: "text" });
export const countColumn = (key: string, label: string): DataColumn => ({ key, label, kind: "count" });

/**
 * Tables listing measures down the rows (指标 · 单位 · one column per year or item) mix counts
 * and rates in one column; the unit cell tells the table how to write each row's numbers.
 */
export const UNIT_KEY = "unit";
export const unitColumn = (): DataColumn => textColumn(UNIT_KEY, "单位");
export const unitOf = (measure: Measure): string => (measure.kind === "rate" ? PERCENT_UNIT : "件");
