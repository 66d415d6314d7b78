/**
 * Metric values as measures see them, and the arithmetic on them that keeps "unknown" apart
 * from "zero".
 *
 * A key can be in three states for one report:
 *   - a number: read or recovered;
 *   - `null`: the template has the cell but its value is not known;
 *   - absent (`undefined`): the report's template has no such cell (e.g. the 2021-only
 *     其他处理 rows in a 2019 report). An absent part adds nothing to a sum; an unknown one makes
 *     the sum unknown, because a partial sum would look like a real figure.
 */

export type MetricValues = Readonly<Record<string, number | null | undefined>>;

/** The sum of the given keys; `null` when any present part is unknown or no part is present. */
export function sumOf(values: MetricValues, keys: readonly string[]): number | null {
  let sum = 0;
  let present = 0;
  for (const key of keys) {
    const value = values[key];
    if (value === undefined) continue;
    if (value === null) return null;
    sum += value;
    present += 1;
  }
  return present === 0 ? null : sum;
}

/** numerator / denominator, or `null` when either is unknown or the denominator is zero. */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

/** a − b, or `null` when either is unknown. */
export function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/**
 * Values of many reports added key by key, so that a region's rate is computed from its totals
 * (Σ granted / Σ handled), not as an average of the agencies' rates. A key known in no report
 * stays `null`; reports where a key is unknown simply do not contribute to it.
 */
export function aggregateValues(reports: Iterable<MetricValues>): Record<string, number | null> {
  const totals: Record<string, number | null> = {};
  for (const values of reports) {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const previous = totals[key];
      if (value === null) {
        if (previous === undefined) totals[key] = null;
        continue;
      }
      totals[key] = (previous ?? 0) + value;
    }
  }
  return totals;
}
