/** Turning measures over totals into the plain columns and cells of a chart's table. */
import type { DataColumn, DataValue } from "@/lib/charts";
import { ratePercent, type Measure, type MetricValues } from "@/lib/measures";

export function measureColumn(measure: Measure, key: string = measure.id): DataColumn {
  return { key, label: measure.label, kind: measure.kind === "rate" ? "percent" : "count" };
}

/** The cell of a measure: counts as they are, rates in percent with one decimal. */
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
