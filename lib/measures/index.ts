/**
 * Every measure the dashboard shows, defined once: its id (used in URLs), Chinese name, the
 * formula in words, the metric keys it reads and how it is computed. Charts, tables and CSV
 * downloads all go through `computeMeasure`, so a number means the same thing everywhere.
 *
 * Rates are fractions (0.25 = 25%). A zero or unknown denominator gives `null`, shown as "—".
 */
import { applyKey, isMetricKey, metricLabel, reviewKey, type ReviewBlock } from "../metrics/dictionary";
import { REASON_GROUPS, applyRowLabel, reasonGroupInfo, reasonKeysOf } from "./groups";
import { difference, ratio, sumOf, type MetricValues } from "./values";

export type MeasureKind = "count" | "rate";

export interface Measure {
  id: string;
  label: string;
  kind: MeasureKind;
  /** The formula in words, shown beside charts and in the measure glossary. */
  formula: string;
  /** Metric keys the measure reads. */
  keys: readonly string[];
  compute(values: MetricValues): number | null;
}

/** A key of table 二 (主动公开); checked against the dictionary when the module loads. */
function activeKey(item: string, column: string): string {
  const key = `active.${item}.${column}`;
  if (!isMetricKey(key)) throw new Error(`not a metric key: ${key}`);
  return key;
}

const applyTotal = (row: string) => applyKey(row, "total");

/** A count: the sum of some cells. The formula defaults to the cells' dictionary labels. */
function countOf(id: string, label: string, keys: string[], formula?: string): Measure {
  const words = formula ?? keys.map(metricLabel).join(" + ");
  return { id, label, kind: "count", formula: words, keys, compute: (v) => sumOf(v, keys) };
}

function rateOf(
  id: string,
  label: string,
  formula: string,
  numerator: Measure,
  denominator: Measure,
): Measure {
  return {
    id,
    label,
    kind: "rate",
    formula,
    keys: [...new Set([...numerator.keys, ...denominator.keys])],
    compute: (v) => ratio(numerator.compute(v), denominator.compute(v)),
  };
}

/** Cases decided (total − pending) of some blocks of table 四. */
function decidedOf(id: string, label: string, blocks: ReviewBlock[]): Measure {
  const totals = blocks.map((b) => reviewKey(b, "total"));
  const pending = blocks.map((b) => reviewKey(b, "pending"));
  return {
    id,
    label,
    kind: "count",
    formula: "总计 − 尚未审结",
    keys: [...totals, ...pending],
    compute: (v) => difference(sumOf(v, totals), sumOf(v, pending)),
  };
}

const LITIGATION: ReviewBlock[] = ["litigation.direct", "litigation.afterReview"];

const received = countOf("received", "新收申请", [applyTotal("newReceived")]);
const carriedOver = countOf("carriedOver", "上年结转", [applyTotal("carriedOver")]);
const handled = countOf("handled", "办理总数", [applyTotal("handledTotal")]);
const granted = countOf("granted", applyRowLabel("granted"), [applyTotal("granted")]);
const partiallyGranted = countOf("partiallyGranted", applyRowLabel("partiallyGranted"), [
  applyTotal("partiallyGranted"),
]);
const disclosed = countOf("disclosed", "公开（含部分公开）", [
  applyTotal("granted"),
  applyTotal("partiallyGranted"),
]);
const groupCounts = Object.fromEntries(
  REASON_GROUPS.map((group) => {
    const info = reasonGroupInfo(group);
    const formula = `${info.label}各项理由之和`;
    return [group, countOf(group, info.label, reasonKeysOf(group), formula)];
  }),
) as Record<(typeof REASON_GROUPS)[number], Measure>;
const carriedForward = countOf("carriedForward", "结转下年度", [applyTotal("carriedForward")]);
const penalties = countOf("penalties", "行政处罚决定", [activeKey("penalty", "decisions")]);
const licensing = countOf("licensing", "行政许可决定", [activeKey("licensing", "decisions")]);
const coercion = countOf("coercion", "行政强制决定", [activeKey("coercion", "decisions")]);
const reviews = countOf("reviews", "行政复议", [reviewKey("review", "total")]);
const reviewCorrected = countOf("reviewCorrected", "复议纠正", [reviewKey("review", "corrected")]);
const reviewsDecided = decidedOf("reviewsDecided", "复议已审结", ["review"]);
const litigations = countOf(
  "litigations",
  "行政诉讼",
  LITIGATION.map((b) => reviewKey(b, "total")),
);
const litigationCorrected = countOf(
  "litigationCorrected",
  "诉讼纠正",
  LITIGATION.map((b) => reviewKey(b, "corrected")),
);
const litigationsDecided = decidedOf("litigationsDecided", "诉讼已审结", LITIGATION);
const intake = countOf("intake", "应办申请", [
  applyTotal("newReceived"),
  applyTotal("carriedOver"),
]);

const rates: Measure[] = [
  rateOf("disclosureRate", "公开率", "（予以公开 + 部分公开）÷ 办理总数", disclosed, handled),
  rateOf("withheldRate", "不予公开率", "不予公开 ÷ 办理总数", groupCounts.withheld, handled),
  rateOf("unavailableRate", "无法提供率", "无法提供 ÷ 办理总数", groupCounts.unavailable, handled),
  rateOf("notProcessedRate", "不予处理率", "不予处理 ÷ 办理总数", groupCounts.notProcessed, handled),
  rateOf("completionRate", "办结率", "办理总数 ÷（新收 + 上年结转）", handled, intake),
  rateOf("reviewCorrectionRate", "复议纠正率", "结果纠正 ÷（复议总计 − 尚未审结）", reviewCorrected, reviewsDecided),
  rateOf(
    "litigationCorrectionRate",
    "诉讼纠正率",
    "结果纠正 ÷（诉讼总计 − 尚未审结）",
    litigationCorrected,
    litigationsDecided,
  ),
];

/** Every measure, in the order tables list them. */
export const MEASURES: readonly Measure[] = [
  received,
  carriedOver,
  handled,
  granted,
  partiallyGranted,
  ...REASON_GROUPS.map((g) => groupCounts[g]),
  carriedForward,
  penalties,
  licensing,
  coercion,
  reviews,
  reviewCorrected,
  litigations,
  litigationCorrected,
  ...rates,
];

const byId = new Map(MEASURES.map((m) => [m.id, m]));

export const MEASURE_IDS = MEASURES.map((m) => m.id) as [string, ...string[]];

export function measureById(id: string): Measure {
  const measure = byId.get(id);
  if (!measure) throw new Error(`unknown measure: ${id}`);
  return measure;
}

export function computeMeasure(id: string, values: MetricValues): number | null {
  return measureById(id).compute(values);
}

/** How the six ways an application can end are shown on the overview (in printed order). */
export const OUTCOME_MEASURE_IDS = [
  "granted",
  "partiallyGranted",
  ...REASON_GROUPS,
] as const;

/** Measures on the overview's headline cards. */
export const HEADLINE_MEASURE_IDS = [
  "received",
  "handled",
  "disclosureRate",
  "penalties",
  "reviews",
  "litigations",
] as const;

export { aggregateValues, ratio, sumOf, difference } from "./values";
export type { MetricValues } from "./values";
export * from "./groups";
export * from "./format";
