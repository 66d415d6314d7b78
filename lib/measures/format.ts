/**
 * The one way numbers are written on the dashboard: cards, data tables, chart tooltips and chart
 * labels all call these, so the same figure never reads "55" in one place and "54.9" in another.
 *
 * - Counts: thousands separators, at most two decimals ("1,234").
 * - Rates: percent with exactly one decimal, zero included ("0.0%", "54.9%").
 * - Unknown values: "—", never "0" or "NaN%", so a missing denominator cannot pass for a figure.
 *
 * Precision is a display matter only. Table rows and CSV files keep rates as percentages at full
 * precision (`ratePercent`), so a spreadsheet recomputes from the unrounded number.
 */
import type { MeasureKind } from "./index";

export const MISSING = "—";

/** Decimals of a rate in percent on screen. */
export const PERCENT_DECIMALS = 1;

/** Decimals of a rate in percent in data rows and CSV: beyond any report's precision, without float noise. */
const STORED_PERCENT_DECIMALS = 6;

const countFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

const known = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);

/** 1234 → "1,234"; null → "—". */
export function formatCount(value: number | null | undefined): string {
  return known(value) ? countFormat.format(value) : MISSING;
}

/** A number already in percent: 54.87 → "54.9%", 0 → "0.0%". */
export function formatPercent(percent: number | null | undefined): string {
  return known(percent) ? `${percent.toFixed(PERCENT_DECIMALS)}%` : MISSING;
}

/** A measure value: counts as counts, rates (fractions) as percent. 0.256 → "25.6%". */
export function formatValue(kind: MeasureKind, value: number | null | undefined): string {
  if (!known(value)) return MISSING;
  return kind === "rate" ? formatPercent(value * 100) : formatCount(value);
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
  if (!known(change)) return MISSING;
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  const size = Math.abs(change);
  if (kind === "rate") return `${sign}${(size * 100).toFixed(PERCENT_DECIMALS)} 个百分点`;
  return `${sign}${countFormat.format(size)}`;
}

/**
 * A rate (fraction) as a number of percent for data rows and CSV: 1/3 → 33.333333.
 * Not rounded for display; `formatPercent` does that when the number is shown.
 */
export function ratePercent(value: number | null): number | null {
  if (!known(value)) return null;
  const scale = 10 ** STORED_PERCENT_DECIMALS;
  return Math.round(value * 100 * scale) / scale;
}
