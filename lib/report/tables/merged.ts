/**
 * Table 三 printed with the five 法人或其他组织 columns merged into one: 自然人 | 法人或其他组织 |
 * 总计, three numbers a row. The merged column is placed like any other (its own key, rules
 * derived from the template's by summing the five columns), then mapped back: 自然人 and 总计 are
 * read; the five legal-person cells are not given, except where the merged count is 0, which
 * forces each of them to 0 (counts are never negative).
 */
import {
  APPLICANT_COLUMNS,
  applyKey,
  applyRowsOf,
  isMetricKey,
  metricLabel,
  type TemplateId,
} from "../../metrics/dictionary";
import { applyRules, ruleKeys, type ArithmeticRule } from "../arithmetic";
import type { ReportIssue } from "../types";
import type { BlockReading } from "./types";

/** The five applicant columns printed under 法人或其他组织. */
export const LEGAL_PERSON_COLUMNS = APPLICANT_COLUMNS.filter((column) => column !== "naturalPerson");

const MERGED_COLUMN = "legalPersons";
const MERGED_LABEL = "法人或其他组织";

/** The key the merged cell of `row` is placed under while solving; not a canonical key. */
export function mergedKey(row: string): string {
  return `apply.${row}.${MERGED_COLUMN}`;
}

const MERGED_KEY_IN_TEXT = new RegExp(`apply\\.[\\w.]+?\\.${MERGED_COLUMN}\\b`, "g");

const rowOfMergedKey = (key: string): string | null =>
  key.startsWith("apply.") && key.endsWith(`.${MERGED_COLUMN}`)
    ? key.slice("apply.".length, -MERGED_COLUMN.length - 1)
    : null;

/** A cell's label for messages: the dictionary's, or the merged column's. */
export function cellLabel(key: string): string {
  if (isMetricKey(key)) return metricLabel(key);
  const row = rowOfMergedKey(key);
  if (row === null) return key;
  const parts = metricLabel(applyKey(row, "total")).split("·");
  return [...parts.slice(0, -1), MERGED_LABEL].join("·");
}

/** The five canonical keys a merged key stands for; any other key as itself. */
function canonicalKeys(key: string): string[] {
  const row = rowOfMergedKey(key);
  return row === null ? [key] : LEGAL_PERSON_COLUMNS.map((column) => applyKey(row, column));
}

/** The template's rules with the five legal-person columns summed into the merged one. */
function deriveMergedRules(template: TemplateId): ArithmeticRule[] {
  const toMerged = new Map<string, string>();
  for (const row of applyRowsOf(template)) {
    for (const column of LEGAL_PERSON_COLUMNS) toMerged.set(applyKey(row, column), mergedKey(row));
  }
  const side = (keys: readonly string[]) => [...new Set(keys.map((key) => toMerged.get(key) ?? key))];
  const seen = new Set<string>();
  const rules: ArithmeticRule[] = [];
  for (const rule of applyRules(template)) {
    // The five columns' OUTCOME_SUM (or BALANCE) rules all become the merged column's one rule.
    const merged = { id: rule.id, left: side(rule.left), right: side(rule.right) };
    const id = `${merged.id}|${merged.left.join(",")}|${merged.right.join(",")}`;
    if (seen.has(id)) continue;
    seen.add(id);
    rules.push(merged);
  }
  return rules;
}

const MERGED_RULES = new Map<TemplateId, ArithmeticRule[]>();

export function mergedApplyRules(template: TemplateId): ArithmeticRule[] {
  let rules = MERGED_RULES.get(template);
  if (!rules) {
    rules = deriveMergedRules(template);
    MERGED_RULES.set(template, rules);
  }
  return rules;
}

/**
 * The canonical reading of a merged table from the solver's values over (自然人, merged, 总计):
 * every table-三 key of the template, the solver's issues with merged keys named as their five
 * cells, an issue naming the cells not given, one naming those forced to 0, and the breaks of
 * the merged rules that the canonical check cannot see (it skips rules with an empty cell).
 */
export function mergedReading(template: TemplateId, solved: BlockReading): BlockReading {
  const values: Record<string, number | null> = {};
  const unknown: string[] = [];
  const zeroed: string[] = [];
  const nonzero: string[] = [];
  for (const row of applyRowsOf(template)) {
    values[applyKey(row, "naturalPerson")] = solved.values[applyKey(row, "naturalPerson")] ?? null;
    values[applyKey(row, "total")] = solved.values[applyKey(row, "total")] ?? null;
    const merged = solved.values[mergedKey(row)] ?? null;
    const cells = canonicalKeys(mergedKey(row));
    for (const key of cells) values[key] = merged === 0 ? 0 : null;
    if (merged === 0) {
      zeroed.push(...cells);
    } else {
      unknown.push(...cells);
      if (merged !== null) nonzero.push(`${cellLabel(mergedKey(row))} = ${merged}`);
    }
  }

  // The solver names merged cells by their internal key: name them by label and their five cells.
  const issues: ReportIssue[] = solved.issues.map((issue) => ({
    ...issue,
    ...(issue.keys ? { keys: [...new Set(issue.keys.flatMap(canonicalKeys))] } : {}),
    message: issue.message.replace(MERGED_KEY_IN_TEXT, (key) => cellLabel(key)),
  }));
  const sublabels = LEGAL_PERSON_COLUMNS.map((column) => metricLabel(applyKey("newReceived", column)).split("·").pop());
  if (unknown.length > 0) {
    issues.push({
      code: "COLUMNS_MERGED",
      severity: "error",
      keys: unknown,
      message: `table 三 prints ${MERGED_LABEL} as one column, without ${sublabels.join("/")} under it; the report does not say how its counts divide (${nonzero.join("; ") || "none readable"}), so those ${unknown.length} cells are left empty`,
    });
  }
  if (zeroed.length > 0) {
    issues.push({
      code: "VALUE_RECOVERED",
      severity: "warning",
      keys: zeroed,
      message: `table 三 prints ${MERGED_LABEL} as one column; where it is 0, each of its five columns is 0 (counts are never negative): ${zeroed.length} cells recovered from the merged column`,
    });
  }
  issues.push(...mergedBreaks(template, solved.values, new Set(zeroed)));
  return { values, issues };
}

/**
 * Breaks of the merged rules over the cells as read. A break whose merged cells were all mapped
 * back (all 0) is one the canonical check reports itself, so it is left to it.
 */
function mergedBreaks(
  template: TemplateId,
  solved: Record<string, number | null>,
  mappedBack: Set<string>,
): ReportIssue[] {
  const issues: ReportIssue[] = [];
  for (const rule of mergedApplyRules(template)) {
    const keys = ruleKeys(rule);
    if (keys.some((key) => solved[key] === null || solved[key] === undefined)) continue;
    if (keys.every((key) => rowOfMergedKey(key) === null || mappedBack.has(canonicalKeys(key)[0]))) continue;
    const sum = (side: readonly string[]) => side.reduce((n, key) => n + solved[key]!, 0);
    if (sum(rule.left) === sum(rule.right)) continue;
    const describe = (side: readonly string[]) =>
      side.length === 1
        ? `${cellLabel(side[0])} = ${solved[side[0]]}`
        : `${side.map((key) => solved[key]).join(" + ")} (${cellLabel(side[0])} … ${cellLabel(side[side.length - 1])}) = ${sum(side)}`;
    issues.push({
      code: rule.id,
      severity: "error",
      keys: [...new Set(keys.flatMap(canonicalKeys))],
      message: `${rule.id} (${MERGED_LABEL} printed as one column): ${describe(rule.left)} but ${describe(rule.right)}`,
    });
  }
  return issues;
}
