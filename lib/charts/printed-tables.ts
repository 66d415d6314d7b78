/**
 * The three tables of an annual report (二 主动公开, 三 依申请, 四 复议诉讼) laid out as printed,
 * built from the metric dictionary: row and column labels are the dictionary's, never typed here.
 */
import {
  APPLY_COLUMNS,
  METRICS,
  REVIEW_BLOCKS,
  REVIEW_OUTCOMES,
  applyKey,
  applyRowsOf,
  metricKeysOf,
  metricLabel,
  reviewKey,
  type TemplateId,
} from "../metrics/dictionary";

export interface PrintedTable {
  title: string;
  /** Column headings after the row heading. */
  columns: string[];
  /** Each row: its heading and one metric key per column (null where the table has no cell). */
  rows: { label: string; keys: (string | null)[] }[];
}

const lastPart = (label: string) => label.split("·").at(-1)!;
const withoutLastPart = (label: string) => label.split("·").slice(0, -1).join("·");

/** Keys of one template only (2019's 上一年项目数量…), as opposed to keys both templates share. */
const templatesOfKey = new Map(METRICS.map((m) => [m.key, m.templates.length]));
const isOwnKey = (key: string) => templatesOfKey.get(key) === 1;

/**
 * Table 二 has several header blocks (规章 / 规范性文件 with their counts, then 许可 / 处罚 / 强制
 * with decisions, then fees…). Consecutive items with the same columns form one block.
 * An item takes its place and column order from the template's own keys: the 处理决定数量 that
 * both templates share comes after 2019's 上一年项目数量 and 本年增/减, as printed.
 */
function activeTables(template: TemplateId): PrintedTable[] {
  const keys = metricKeysOf(template).filter((k) => k.startsWith("active"));
  const items = new Map<string, { position: number; own: string[]; shared: string[] }>();
  keys.forEach((key, position) => {
    const label = withoutLastPart(metricLabel(key));
    const item = items.get(label) ?? { position, own: [], shared: [] };
    if (isOwnKey(key) && item.own.length === 0) item.position = position;
    (isOwnKey(key) ? item.own : item.shared).push(key);
    items.set(label, item);
  });
  const ordered = [...items].sort(([, a], [, b]) => a.position - b.position);
  const tables: PrintedTable[] = [];
  for (const [label, item] of ordered) {
    const cells = [...item.own, ...item.shared];
    const columns = cells.map((key) => lastPart(metricLabel(key)));
    const last = tables.at(-1);
    const row = { label, keys: cells };
    if (last && last.columns.join("|") === columns.join("|")) last.rows.push(row);
    else tables.push({ title: "二、主动公开政府信息情况", columns, rows: [row] });
  }
  return tables;
}

function applyTable(template: TemplateId): PrintedTable {
  const columns = APPLY_COLUMNS.map((c) => lastPart(metricLabel(applyKey("newReceived", c))));
  return {
    title: "三、收到和处理政府信息公开申请情况",
    columns,
    rows: applyRowsOf(template).map((row) => ({
      label: withoutLastPart(metricLabel(applyKey(row, "total"))),
      keys: APPLY_COLUMNS.map((c) => applyKey(row, c)),
    })),
  };
}

function reviewTable(): PrintedTable {
  return {
    title: "四、政府信息公开行政复议、行政诉讼情况",
    columns: REVIEW_OUTCOMES.map((o) => lastPart(metricLabel(reviewKey("review", o)))),
    rows: REVIEW_BLOCKS.map((block) => ({
      label: withoutLastPart(metricLabel(reviewKey(block, "total"))),
      keys: REVIEW_OUTCOMES.map((o) => reviewKey(block, o)),
    })),
  };
}

/** The printed tables of a template, in report order; table 二 may come in several blocks. */
export function printedTablesOf(template: TemplateId): PrintedTable[] {
  return [...activeTables(template), applyTable(template), reviewTable()];
}
