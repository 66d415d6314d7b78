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
  metricKeysOf,
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

const rulesByTemplate = new Map<TemplateId, readonly ArithmeticRule[]>();

/** Every rule of a template's tables 三 and 四, built once per template. */
export function arithmeticRules(template: TemplateId): readonly ArithmeticRule[] {
  let rules = rulesByTemplate.get(template);
  if (!rules) {
    rules = Object.freeze([...applyRules(template), ...reviewRules()]);
    rulesByTemplate.set(template, rules);
  }
  return rules;
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
    // Checked on every report: no arrays are copied for a rule with an unknown cell.
    if (!allKnown(rule.left, values) || !allKnown(rule.right, values)) continue;
    const leftSum = sumOfKeys(rule.left, values);
    const rightSum = sumOfKeys(rule.right, values);
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

function allKnown(keys: readonly string[], values: Record<string, number | null>): boolean {
  for (const key of keys) {
    const v = values[key];
    if (v === null || v === undefined) return false;
  }
  return true;
}

function sumOfKeys(keys: readonly string[], values: Record<string, number | null>): number {
  let total = 0;
  for (const key of keys) total += values[key]!;
  return total;
}

// ---------------------------------------------------------------------------------------------
// The prose against the tables (NARRATIVE)

/** A kind of count the prose states, how to recognise a clause stating it, and its table cell. */
interface NarrativeClaim {
  what: string;
  /** Each pattern captures the stated count in group 1. */
  patterns: RegExp[];
  /** The cell a disagreement is reported on. */
  key: string;
  /** Table values the stated count may equal. */
  readings: (values: Record<string, number | null>) => (number | null)[];
  /** The sentence must mention this, or the count may be about something else. */
  context?: RegExp;
  /** Clauses that mention the thing without stating this count of it. */
  exclude?: RegExp;
}

const COUNT = String.raw`\s*(?:共|共计|合计|总计)?\s*(\d[\d,]*)\s*(?:件|条|宗|起|个)`;
const RECEIVED = String.raw`(?:收到|受理|接收|接到|新收)[^，。；,;：:]{0,12}?`;

const INTAKE = applyRowRoles("2021");
const RECEIVED_KEY = applyKey(INTAKE.newReceived, TOTAL_COLUMN);
const CARRIED_KEY = applyKey(INTAKE.carriedOver, TOTAL_COLUMN);
const REVIEWS_KEY = reviewKey(REVIEW_BLOCKS[0], REVIEW_TOTAL_OUTCOME);
const PENALTY_KEY = metricKeysOf("2021").find((key) => key.startsWith("active.penalty."))!;

const NARRATIVE_CLAIMS: NarrativeClaim[] = [
  {
    what: "applications received",
    patterns: [
      new RegExp(String.raw`${RECEIVED}(?:政府)?信息公开申请${COUNT}`),
      new RegExp(String.raw`${RECEIVED}依申请公开(?:申请)?${COUNT}`),
    ],
    key: RECEIVED_KEY,
    // Prose says 受理 both for the new applications and for new plus carried over.
    readings: (values) => {
      const received = values[RECEIVED_KEY] ?? null;
      const carried = values[CARRIED_KEY] ?? null;
      return [received, received !== null && carried !== null ? received + carried : null];
    },
  },
  {
    what: "administrative reviews",
    patterns: [new RegExp(String.raw`行政复议(?:案件|申请)?${COUNT}`)],
    key: REVIEWS_KEY,
    readings: (values) => [values[REVIEWS_KEY] ?? null],
    // A 司法局 reports the reviews it decides as well; only reviews about disclosure count here.
    context: /信息公开|依申请/,
  },
  {
    what: "administrative penalty decisions",
    patterns: [
      new RegExp(String.raw`(?:作出|办理|查处|实施)了?行政处罚(?:决定|案件)?${COUNT}`),
      new RegExp(String.raw`行政处罚(?:决定|案件)${COUNT}`),
    ],
    key: PENALTY_KEY,
    readings: (values) => [values[PENALTY_KEY] ?? null],
    // Agencies count published penalty notices (行政处罚信息69条); the table counts decisions.
    exclude: /公开|公示|发布|信息|通报|推送/,
  },
];

/** Clauses that are not a plain count for the year: comparisons with other years, running totals. */
const NOT_A_YEAR_COUNT = /同比|较上年|比上年|较去年|上一年|去年|增长|下降|减少|增加|累计|历年/;

/**
 * Counts stated in the prose (申请 received, 行政处罚, 复议) against their table cells. Conservative:
 * only a clause that plainly states the count is read, and a thing is reported only when no
 * stated count of it agrees with the table. The table's value is kept; the issue is a warning.
 */
export function checkNarrative(text: string, values: Record<string, number | null>): ReportIssue[] {
  const sentences = proseSentences(text);
  const issues: ReportIssue[] = [];
  for (const claim of NARRATIVE_CLAIMS) {
    const readings = [...new Set(claim.readings(values).filter((v): v is number => v !== null))];
    if (readings.length === 0) continue;
    const stated = statedCounts(sentences, claim);
    if (stated.length === 0 || stated.some(({ count }) => readings.includes(count))) continue;
    const [first] = stated;
    issues.push({
      code: "NARRATIVE",
      severity: "warning",
      keys: [claim.key],
      message: `the prose states ${claim.what}: ${first.count} ("${first.clause}"), the table ${readings.join(" or ")}; the table's value is kept`,
    });
  }
  return issues;
}

function statedCounts(sentences: string[][], claim: NarrativeClaim): { count: number; clause: string }[] {
  const out: { count: number; clause: string }[] = [];
  for (const clauses of sentences) {
    if (claim.context && !claim.context.test(clauses.join("，"))) continue;
    for (const clause of clauses) {
      if (NOT_A_YEAR_COUNT.test(clause) || claim.exclude?.test(clause)) continue;
      const match = claim.patterns.map((pattern) => pattern.exec(clause)).find(Boolean);
      if (match) out.push({ count: Number(match[1].replace(/,/g, "")), clause });
    }
  }
  return out;
}

/**
 * The text as sentences of clauses: line breaks (a PDF wraps mid-sentence) and spaces between
 * Chinese characters removed, sentences cut at 。；！？, clauses at commas. Only sentences that
 * state a count (a number before 件, 条…) of something a claim counts are kept; the count test
 * runs first, on the raw sentence, so the tables (long "sentences" of numbers without units) cost
 * one scan.
 */
function proseSentences(text: string): string[][] {
  const sentences: string[][] = [];
  for (const raw of text.split(/[。；;！？!?]/)) {
    if (!STATED_COUNT.test(raw)) continue;
    const joined = raw.includes("\n") ? raw.replace(/[^\S\n]*\n\s*/g, "") : raw;
    if (!CLAIM_WORDS.test(joined)) continue;
    const sentence = joined.normalize("NFKC").replace(/(?<=[\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff])/g, "");
    // A comma between digits is a thousands separator, not the end of a clause.
    sentences.push(sentence.split(/，|(?<!\d),|,(?!\d{3}(?!\d))/));
  }
  return sentences;
}

/** A number (ASCII or full-width digits) before a unit of count: what every claim's COUNT ends in. */
const STATED_COUNT = /[\d\uff10-\uff19][\d\uff10-\uff19,\uff0c]*\s*(?:件|条|宗|起|个)/;

/** Words every claim's patterns contain; a sentence without any states none of them. */
const CLAIM_WORDS = /申请|复议|处罚/;
