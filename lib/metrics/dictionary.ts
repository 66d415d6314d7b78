/**
 * The metric dictionary: the one source of truth for the canonical key and Chinese label of
 * every number in an annual report. The reader, the database, the charts and the CSV all use it.
 */
import metricKeys from "./metric-keys.json";

export type TemplateId = "2021" | "2019";
export const TEMPLATE_IDS: readonly TemplateId[] = ["2021", "2019"];

export interface MetricDefinition {
  key: string;
  label: string;
  templates: TemplateId[];
}

export const METRICS: readonly MetricDefinition[] = (metricKeys.keys as MetricDefinition[]).map(
  (m) => Object.freeze({ ...m, templates: [...m.templates] }),
);

const byKey = new Map(METRICS.map((m) => [m.key, m]));

export function isMetricKey(key: string): boolean {
  return byKey.has(key);
}

export function metricLabel(key: string): string {
  const metric = byKey.get(key);
  if (!metric) throw new Error(`unknown metric key: ${key}`);
  return metric.label;
}

/** Every key of a template, in the dictionary's (printed-table) order. */
export function metricKeysOf(template: TemplateId): string[] {
  return METRICS.filter((m) => m.templates.includes(template)).map((m) => m.key);
}

/** Applicant columns of table 三, in printed order. */
export const APPLICANT_COLUMNS = [
  "naturalPerson",
  "commercial",
  "research",
  "publicInterest",
  "legalService",
  "other",
] as const;
export const APPLY_COLUMNS = [...APPLICANT_COLUMNS, "total"] as const;
export type ApplyColumn = (typeof APPLY_COLUMNS)[number];

/** Rows of table 三, in printed order, per template. */
export function applyRowsOf(template: TemplateId): string[] {
  const rows: string[] = [];
  for (const key of metricKeysOf(template)) {
    if (!key.startsWith("apply.") || !key.endsWith(".total")) continue;
    rows.push(key.slice("apply.".length, -".total".length));
  }
  return rows;
}

export function applyKey(row: string, column: ApplyColumn): string {
  return `apply.${row}.${column}`;
}

/** Blocks of table 四 and their outcome columns, in printed order. */
export const REVIEW_BLOCKS = ["review", "litigation.direct", "litigation.afterReview"] as const;
export const REVIEW_OUTCOMES = ["upheld", "corrected", "other", "pending", "total"] as const;
export type ReviewBlock = (typeof REVIEW_BLOCKS)[number];
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export function reviewKey(block: ReviewBlock, outcome: ReviewOutcome): string {
  return `${block}.${outcome}`;
}
