/**
 * The groups of table 三's outcome rows (不予公开 / 无法提供 / 不予处理 / 其他处理) with their
 * reasons, and the blocks of table 四, all derived from the metric dictionary so that no key or
 * label is spelled here.
 */
import {
  REVIEW_BLOCKS,
  REVIEW_OUTCOMES,
  applyKey,
  applyRowsOf,
  metricLabel,
  reviewKey,
  type ReviewBlock,
  type ReviewOutcome,
} from "../metrics/dictionary";

/** Outcome rows split by reason: `<group>.<reason>`. */
export const REASON_GROUPS = ["withheld", "unavailable", "notProcessed", "otherHandling"] as const;
export type ReasonGroup = (typeof REASON_GROUPS)[number];

export interface Reason {
  /** The table 三 row, e.g. `withheld.thirdParty`. */
  row: string;
  /** The `total` column key of that row. */
  key: string;
  /** The reason alone, without its enumerator, e.g. 保护第三方合法权益. */
  label: string;
}

export interface ReasonGroupInfo {
  id: ReasonGroup;
  label: string;
  reasons: Reason[];
}

/** The template with every row (2021 is a superset of 2019's table 三). */
const ALL_ROWS = applyRowsOf("2021");

/** Drops a leading enumerator such as `（三）`, `三（一）`, `一、` or `1.`. */
export function stripEnumerator(label: string): string {
  return label
    .replace(/^[一二三四五六七八九十]*[（(][一二三四五六七八九十]+[）)]/, "")
    .replace(/^[一二三四五六七八九十]+、/, "")
    .replace(/^\d+[.．、]/, "")
    .trim();
}

/** Drops a trailing note in brackets, e.g. 其他（2019模板：（六）其他处理） → 其他. */
function stripNote(label: string): string {
  const at = label.indexOf("（");
  return at > 0 ? label.slice(0, at) : label;
}

/** The label parts of a table 三 row: the dictionary label without its column part. */
function rowLabelParts(row: string): string[] {
  return metricLabel(applyKey(row, "total")).split("·").slice(0, -1);
}

/** Short Chinese label of a table 三 row, e.g. 予以公开, 不予公开, 本年新收政府信息公开申请数量. */
export function applyRowLabel(row: string): string {
  return stripEnumerator(rowLabelParts(row)[0]);
}

function reasonsOf(group: ReasonGroup): Reason[] {
  return ALL_ROWS.filter((row) => row.startsWith(`${group}.`)).map((row) => ({
    row,
    key: applyKey(row, "total"),
    label: stripNote(stripEnumerator(rowLabelParts(row)[1] ?? row)),
  }));
}

export const REASON_GROUP_INFO: readonly ReasonGroupInfo[] = REASON_GROUPS.map((id) => {
  const reasons = reasonsOf(id);
  return { id, label: applyRowLabel(reasons[0].row), reasons };
});

export function reasonGroupInfo(id: ReasonGroup): ReasonGroupInfo {
  return REASON_GROUP_INFO.find((g) => g.id === id)!;
}

/** `total` keys of every reason row of a group. */
export function reasonKeysOf(group: ReasonGroup): string[] {
  return reasonGroupInfo(group).reasons.map((r) => r.key);
}

/** 行政复议 / 行政诉讼·未经复议直接起诉 / 行政诉讼·复议后起诉, from the dictionary. */
export function reviewBlockLabel(block: ReviewBlock): string {
  return metricLabel(reviewKey(block, "total")).split("·").slice(0, -1).join("·");
}

/** 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计, from the dictionary. */
export function reviewOutcomeLabel(outcome: ReviewOutcome): string {
  return metricLabel(reviewKey("review", outcome)).split("·").at(-1)!;
}

export { REVIEW_BLOCKS, REVIEW_OUTCOMES };
export type { ReviewBlock, ReviewOutcome };
