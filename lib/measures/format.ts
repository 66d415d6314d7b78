/**
 * How measure values and year-on-year changes are written. Unknown values are "—", never
 * "0" or "NaN%", so a missing denominator cannot pass for a real figure.
 */
import type { MeasureKind } from "./index";

export const MISSING = "—";

const countFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

/** 1234 → "1,234"; 0.256 (rate) → "25.6%"; null → "—". */
export function formatValue(kind: MeasureKind, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  if (kind === "rate") return `${(value * 100).toFixed(1)}%`;
  return countFormat.format(value);
}

/**
 * The change from the previous year: counts as a difference, rates in percentage points
 * (a rate going from 20% to 25% is "+5.0 个百分点", not "+25%").
 */
export function changeOf(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return current - previous;
}

export function formatChange(kind: MeasureKind, change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return MISSING;
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  const size = Math.abs(change);
  if (kind === "rate") return `${sign}${(size * 100).toFixed(1)} 个百分点`;
  return `${sign}${countFormat.format(size)}`;
}

/** A rate as a number of percent with one decimal, for CSV columns and chart axes. */
export function ratePercent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 10;
}
