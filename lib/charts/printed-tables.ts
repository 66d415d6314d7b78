/**
 * The three tables of an annual report (二 主动公开, 三 依申请, 四 复议诉讼) laid out as printed,
 * built from the metric dictionary: row and column labels are the dictionary's, never typed here.
 */
import {
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

export interface PrintedTable {
  title: string;
  /** Column headings after the row heading. */
  columns: string[];
  /** Each row: its heading and one metric key per column (null where the table has no cell). */
  rows: { label: string; keys: (string | null)[] }[];
}

const lastPart = (label: string) => label.split("·").at(-1)!;
const withoutLastPart = (label: string) => label.split("·").slice(0, -1).join("·");

/**
 * Table 二 has several header blocks (规章 / 规范性文件 with their counts, then 许可 / 处罚 / 强制
 * with decisions, then fees…). Consecutive items with the same columns form one block.
 */
function activeTables(template: TemplateId): PrintedTable[] {
  const keys = metricKeysOf(template).filter((k) => k.startsWith("active"));
  const items: { label: string; cells: Map<string, string> }[] = [];
  for (const key of keys) {
    const label = metricLabel(key);
    const item = withoutLastPart(label);
    let entry = items.find((i) => i.label === item);
    if (!entry) {
      entry = { label: item, cells: new Map() };
      items.push(entry);
    }
    entry.cells.set(lastPart(label), key);
  }
  const tables: PrintedTable[] = [];
  for (const item of items) {
    const columns = [...item.cells.keys()];
    const last = tables.at(-1);
    const sameColumns = last && last.columns.join("|") === columns.join("|");
    const row = { label: item.label, keys: columns.map((c) => item.cells.get(c) ?? null) };
    if (sameColumns) last.rows.push(row);
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
