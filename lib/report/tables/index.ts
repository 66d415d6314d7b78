/** Tables 二, 三 and 四: located by their labels, read cell by cell, checked by the arithmetic. */
import {
  REVIEW_BLOCKS,
  REVIEW_OUTCOMES,
  metricKeysOf,
  reviewKey,
  type TemplateId,
} from "../../metrics/dictionary";
import { checkArithmetic, checkNarrative } from "../arithmetic";
import type { ReportIssue } from "../types";
import { readActiveTable } from "./active";
import type { BlockReading } from "./types";
import { readApplyTable } from "./apply";
import { locateTables, type Span } from "./locate";
import { normalizeText } from "./normalize";
import { readReviewTable } from "./review";
import { detectTemplate } from "./template";

export interface TableReading {
  template: TemplateId;
  values: Record<string, number | null>;
  issues: ReportIssue[];
}

interface TableDefinition {
  name: string;
  span: Span | null;
  keys: string[];
  read: (span: Span) => BlockReading;
}

interface TemplateKeys {
  all: string[];
  active: string[];
  apply: string[];
  review: string[];
}

function keysOf(template: TemplateId): TemplateKeys {
  const all = metricKeysOf(template);
  const review = new Set<string>(REVIEW_BLOCKS.flatMap((b) => REVIEW_OUTCOMES.map((o) => reviewKey(b, o))));
  return {
    all,
    active: all.filter((k) => k.startsWith("active")),
    apply: all.filter((k) => k.startsWith("apply.")),
    review: all.filter((k) => review.has(k)),
  };
}

const TEMPLATE_KEYS: Record<TemplateId, TemplateKeys> = { "2021": keysOf("2021"), "2019": keysOf("2019") };

/** One table's values, or null (with a TABLE_MISSING issue) when it is not printed or holds no row. */
function readTable(table: TableDefinition, issues: ReportIssue[]): Record<string, number | null> | null {
  if (table.span === null) {
    issues.push({
      code: "TABLE_MISSING",
      severity: "error",
      keys: table.keys,
      message: `table ${table.name} is not in the text; its ${table.keys.length} values are unknown`,
    });
    return null;
  }
  const reading = table.read(table.span);
  if (table.keys.every((key) => reading.values[key] === null || reading.values[key] === undefined)) {
    // A heading with no readable row under it: the text stops there (a page cut off).
    issues.push({
      code: "TABLE_MISSING",
      severity: "error",
      keys: table.keys,
      message: `table ${table.name} has a heading but no readable rows; its ${table.keys.length} values are unknown`,
    });
    issues.push(...reading.issues.filter((issue) => issue.code !== "CELL_UNREADABLE"));
    return null;
  }
  issues.push(...reading.issues);
  return reading.values;
}

/**
 * Reads tables 二, 三 and 四 of a report's text. `values` holds every key of the template: a
 * number, or null with an issue naming it. A table the text does not print gives nulls and a
 * TABLE_MISSING issue, never numbers taken from the prose.
 */
export function readTables(text: string, year: number | null): TableReading {
  const normalized = normalizeText(text);
  const spans = locateTables(normalized);
  const tablesText = [spans.active, spans.apply, spans.review]
    .map((span) => (span ? normalized.slice(span.start, span.end) : ""))
    .join("\n");
  const decision = detectTemplate(tablesText, year);
  const template = decision.template;
  const keys = TEMPLATE_KEYS[template];
  const issues: ReportIssue[] = decision.issue ? [decision.issue] : [];

  const tables: TableDefinition[] = [
    { name: "二、主动公开政府信息情况", span: spans.active, keys: keys.active, read: (s) => readActiveTable(normalized, s, template) },
    { name: "三、收到和处理政府信息公开申请情况", span: spans.apply, keys: keys.apply, read: (s) => readApplyTable(normalized, s, template) },
    { name: "四、政府信息公开行政复议、行政诉讼情况", span: spans.review, keys: keys.review, read: (s) => readReviewTable(normalized, s) },
  ];
  // Built once, key by key in the template's order (the tables' order): a 200-key object costs
  // as much again for every pass that rewrites it.
  const values: Record<string, number | null> = {};
  for (const table of tables) {
    const reading = readTable(table, issues);
    for (const key of table.keys) values[key] = reading?.[key] ?? null;
  }

  issues.push(...checkArithmetic(template, values), ...checkNarrative(text, values));
  return { template, values, issues };
}
