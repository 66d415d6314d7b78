/**
 * The arithmetic every report must satisfy (勾稽关系), defined once as data. The same rule list
 * drives the checks below and the cell placement in `tables/solve.ts`, so a rule can never be
 * checked one way and used for recovery another.
 */
import {
  APPLICANT_COLUMNS,
  APPLY_COLUMNS,
  REVIEW_BLOCKS,
  REVIEW_OUTCOMES,
  applyKey,
  applyRowsOf,
  metricLabel,
  reviewKey,
  type TemplateId,
} from "../metrics/dictionary";
import type { ReportIssue } from "./types";

export type RuleId = "ROW_TOTAL" | "OUTCOME_SUM" | "BALANCE" | "REVIEW_TOTAL";

/** One equality between two sums of cells: sum(left) = sum(right). Every cell is a count ≥ 0. */
export interface ArithmeticRule {
  id: RuleId;
  left: readonly string[];
  right: readonly string[];
}

/**
 * The rows of table 三 by their role. The template prints them in a fixed order: two intake rows
 * (本年新收, 上年结转), the outcome rows, then 总计 and 结转下年度. Taking the roles from the
 * dictionary's order keeps every row id spelt in one place only.
 */
export function applyRowRoles(template: TemplateId) {
  const rows = applyRowsOf(template);
  const [newReceived, carriedOver] = rows;
  const [handledTotal, carriedForward] = rows.slice(-2);
  return { newReceived, carriedOver, outcomes: rows.slice(2, -2), handledTotal, carriedForward };
}

const TOTAL_COLUMN = APPLY_COLUMNS[APPLY_COLUMNS.length - 1];
const REVIEW_TOTAL_OUTCOME = REVIEW_OUTCOMES[REVIEW_OUTCOMES.length - 1];
const REVIEW_PARTS = REVIEW_OUTCOMES.slice(0, -1);

/** ROW_TOTAL, OUTCOME_SUM and BALANCE over table 三 of a template. */
export function applyRules(template: TemplateId): ArithmeticRule[] {
  const roles = applyRowRoles(template);
  const rules: ArithmeticRule[] = applyRowsOf(template).map((row) => ({
    id: "ROW_TOTAL",
    left: [applyKey(row, TOTAL_COLUMN)],
    right: APPLICANT_COLUMNS.map((column) => applyKey(row, column)),
  }));
  for (const column of APPLY_COLUMNS) {
    rules.push({
      id: "OUTCOME_SUM",
      left: [applyKey(roles.handledTotal, column)],
      right: roles.outcomes.map((row) => applyKey(row, column)),
    });
  }
  for (const column of APPLY_COLUMNS) {
    rules.push({
      id: "BALANCE",
      left: [applyKey(roles.newReceived, column), applyKey(roles.carriedOver, column)],
      right: [applyKey(roles.handledTotal, column), applyKey(roles.carriedForward, column)],
    });
  }
  return rules;
}

/** REVIEW_TOTAL over table 四 (the same in both templates). */
export function reviewRules(): ArithmeticRule[] {
  return REVIEW_BLOCKS.map((block) => ({
    id: "REVIEW_TOTAL",
    left: [reviewKey(block, REVIEW_TOTAL_OUTCOME)],
    right: REVIEW_PARTS.map((outcome) => reviewKey(block, outcome)),
  }));
}

export function arithmeticRules(template: TemplateId): ArithmeticRule[] {
  return [...applyRules(template), ...reviewRules()];
}

export function ruleKeys(rule: ArithmeticRule): string[] {
  return [...rule.left, ...rule.right];
}

/** Every break of a rule whose cells are all known becomes an `error` issue with the numbers. */
export function checkArithmetic(
  template: TemplateId,
  values: Record<string, number | null>,
): ReportIssue[] {
  const issues: ReportIssue[] = [];
  for (const rule of arithmeticRules(template)) {
    const left = rule.left.map((key) => values[key]);
    const right = rule.right.map((key) => values[key]);
    if ([...left, ...right].some((v) => v === null || v === undefined)) continue;
    const leftSum = sum(left as number[]);
    const rightSum = sum(right as number[]);
    if (Math.abs(leftSum - rightSum) < 1e-9) continue;
    issues.push({
      code: rule.id,
      severity: "error",
      keys: ruleKeys(rule),
      message: `${rule.id}: ${describeSide(rule.left, values)} = ${leftSum} but ${describeSide(
        rule.right,
        values,
      )} = ${rightSum}`,
    });
  }
  return issues;
}

function describeSide(keys: readonly string[], values: Record<string, number | null>): string {
  if (keys.length === 1) return `${metricLabel(keys[0])} (${keys[0]})`;
  return `${keys.map((key) => values[key]).join(" + ")} (${keys[0]} … ${keys[keys.length - 1]})`;
}

function sum(numbers: readonly number[]): number {
  let total = 0;
  for (const n of numbers) total += n;
  return total;
}

/** Counts stated in the prose (申请 received, 行政处罚, 复议) against their table cells. */
export function checkNarrative(_text: string, _values: Record<string, number | null>): ReportIssue[] {
  return [];
}
