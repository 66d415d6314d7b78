/**
 * Rules across years of one agency (report-format 勾稽关系):
 * - CARRY_CHAIN: what year N carried over (上年结转) equals what year N−1 carried forward (结转下年度), per column;
 * - IN_FORCE_CHAIN: 现行有效件数 of N = that of N−1 + 本年制发 − 本年废止 (a warning: agencies recount).
 * Pure: values in, issues for the later report out. The store runs it whenever a neighbouring year arrives.
 */
import { APPLY_COLUMNS, METRICS, applyKey, isMetricKey, metricLabel } from "../../lib/metrics/dictionary";
import type { ReportIssue } from "../../lib/report/types";

export type YearValues = Readonly<Record<string, number | null | undefined>>;

export interface YearReading {
  year: number;
  values: YearValues;
}

/** Issue codes this module owns; the store replaces them when a neighbour changes. */
export const YEAR_CHAIN_CODES = ["CARRY_CHAIN", "IN_FORCE_CHAIN"] as const;

const CARRY_PAIRS = APPLY_COLUMNS.map((column) => ({
  carriedOver: applyKey("carriedOver", column),
  carriedForward: applyKey("carriedForward", column),
}));

/** Stocks with their flows, found in the dictionary: every `<x>.inForce` that has `<x>.issued` and `<x>.repealed`. */
const IN_FORCE_GROUPS = METRICS.filter((m) => m.key.endsWith(".inForce"))
  .map((m) => {
    const stem = m.key.slice(0, -".inForce".length);
    return { inForce: m.key, issued: `${stem}.issued`, repealed: `${stem}.repealed` };
  })
  .filter((g) => isMetricKey(g.issued) && isMetricKey(g.repealed));

/** Every metric key the chains read: the store loads only these for the neighbouring years. */
export const YEAR_CHAIN_KEYS: readonly string[] = [
  ...CARRY_PAIRS.flatMap((p) => [p.carriedOver, p.carriedForward]),
  ...IN_FORCE_GROUPS.flatMap((g) => [g.inForce, g.issued, g.repealed]),
];

const isNumber = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** The breaks between two consecutive years, as issues of the later one. Nothing when the years are not consecutive. */
export function yearChainIssues(earlier: YearReading, later: YearReading): ReportIssue[] {
  if (later.year !== earlier.year + 1) return [];
  return [...carryIssues(earlier, later), ...inForceIssues(earlier, later)];
}

function carryIssues(earlier: YearReading, later: YearReading): ReportIssue[] {
  const issues: ReportIssue[] = [];
  for (const { carriedOver, carriedForward } of CARRY_PAIRS) {
    const now = later.values[carriedOver];
    const before = earlier.values[carriedForward];
    if (!isNumber(now) || !isNumber(before) || now === before) continue;
    issues.push({
      code: "CARRY_CHAIN",
      severity: "warning",
      keys: [carriedOver],
      message: `${metricLabel(carriedOver)} of ${later.year} is ${now}, but ${metricLabel(carriedForward)} of ${earlier.year} was ${before}`,
    });
  }
  return issues;
}

function inForceIssues(earlier: YearReading, later: YearReading): ReportIssue[] {
  const issues: ReportIssue[] = [];
  for (const g of IN_FORCE_GROUPS) {
    const before = earlier.values[g.inForce];
    const now = later.values[g.inForce];
    const issued = later.values[g.issued];
    const repealed = later.values[g.repealed];
    if (![before, now, issued, repealed].every(isNumber)) continue;
    const expected = (before as number) + (issued as number) - (repealed as number);
    if (expected === now) continue;
    issues.push({
      code: "IN_FORCE_CHAIN",
      severity: "warning",
      keys: [g.inForce],
      message: `${metricLabel(g.inForce)} of ${later.year} is ${now}; ${earlier.year}'s ${before} + ${issued} issued − ${repealed} repealed gives ${expected}`,
    });
  }
  return issues;
}
