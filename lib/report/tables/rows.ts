/**
 * The fixed rows of tables 二 and 三 as the reader searches for them. Keys, row order and
 * enumerators come from the metric dictionary; this file only adds the short phrases that find
 * a row label in a text where labels are wrapped, abbreviated or misprinted.
 */
import {
  APPLY_COLUMNS,
  applyKey,
  applyRowsOf,
  metricKeysOf,
  metricLabel,
  type ApplyColumn,
  type TemplateId,
} from "../../metrics/dictionary";

/**
 * Search phrases for the rows of table 三, most specific first. A row takes the first phrase
 * its dictionary label contains; the alternatives after "|" also find misprinted labels
 * (2.其他法律行政止公开) and labels wrapped over several lines.
 */
const APPLY_ROW_PHRASES = [
  "新收",
  "上年结转",
  "予以公开",
  "部分公开",
  "国家秘密",
  "禁止公开|其他法律",
  "三安全一稳定|危及",
  "第三方合法权益|保护第三方",
  "三类内部事务|属于三类",
  "四类过程性|属于四类",
  "行政执法案卷|执法案卷",
  "行政查询|查询事项",
  "不掌握",
  "另行制作|没有现成",
  "仍不明确|补正后",
  "信访举报投诉|信访",
  "重复申请",
  "公开出版物|出版物",
  "大量反复|无正当理由大量",
  "确认或重新出具|确认或重新",
  "逾期不补正|无正当理由逾期",
  "缴纳费用|收费通知",
  "其他处理|其他",
  "总计",
  "结转下年度",
];

export interface ApplyRowSpec {
  /** Row id as used in the dictionary's apply keys. */
  row: string;
  /** Finds the row label. */
  pattern: RegExp;
  /** The arabic enumerator printed before the label (1.属于国家秘密), if any. */
  enumerator: number | null;
  /**
   * Finds the label's enumerator of any kind (1. 一、 (一)) before words — never after a digit,
   * which would make it part of a run of cells.
   */
  headPattern: RegExp | null;
}

/** The enumerator a row label starts with, as a pattern on normalised text: 1. or 1、, 一、, (一). */
function headPatternOf(label: string): RegExp | null {
  const head = /^(?:(\d+)\s*[.、]|([一二三四五六七八九十]+)、|\(([一二三四五六七八九十]+)\))/.exec(label.normalize("NFKC"));
  if (!head) return null;
  const [, arabic, chinese, bracketed] = head;
  const source =
    arabic !== undefined
      ? `(?<![\\d.])${arabic}\\s*[.、]`
      : chinese !== undefined
        ? `(?<![一二三四五六七八九十])${chinese}、`
        : `\\(\\s*${bracketed}\\s*\\)`;
  return new RegExp(`${source}(?=\\s*[\\u3400-\\u9fff])`, "g");
}

function rowLabel(row: string): string {
  const label = metricLabel(applyKey(row, "total"));
  const parts = label.split("·");
  return parts[parts.length - 2] ?? label;
}

function buildApplyRows(template: TemplateId): ApplyRowSpec[] {
  return applyRowsOf(template).map((row) => {
    const label = rowLabel(row);
    const phrase = APPLY_ROW_PHRASES.find((p) => label.includes(p.split("|")[0]));
    if (!phrase) throw new Error(`no search phrase for table 三 row ${row}`);
    const enumerator = /^(\d+)\./.exec(label.normalize("NFKC"));
    return {
      row,
      pattern: new RegExp(phrase, "g"),
      enumerator: enumerator ? Number(enumerator[1]) : null,
      headPattern: headPatternOf(label),
    };
  });
}

const APPLY_ROWS: Record<TemplateId, ApplyRowSpec[]> = {
  "2021": buildApplyRows("2021"),
  "2019": buildApplyRows("2019"),
};

export function applyRowSpecs(template: TemplateId): ApplyRowSpec[] {
  return APPLY_ROWS[template];
}

/**
 * Header phrases of table 三's columns: the first characters of each column's label, which
 * survive abbreviation (社会公益 for 社会公益组织).
 */
export const APPLY_COLUMN_PHRASES: ReadonlyArray<[ApplyColumn, string]> = APPLY_COLUMNS.map(
  (column) => {
    const label = metricLabel(applyKey(applyRowsOf("2021")[0], column)).split("·").pop()!;
    return [column, label.slice(0, 4)];
  },
);

/** One row of table 二: its label and its keys in printed column order. */
export interface ActiveRowSpec {
  label: string;
  keys: string[];
  /** True where a value may carry a decimal part (fee and procurement amounts). */
  decimal: boolean;
  /** True where the last cell is an amount kept in 元 (an amount printed in 万元 is scaled). */
  amountInYuan: boolean;
}

// Printed column order of table 二 in both templates, by the start of each column's header.
const ACTIVE_COLUMN_ORDER = [
  "本年制发",
  "本年废止",
  "现行有效",
  "本年新制作",
  "本年新公开",
  "对外公开总",
  "上一年项目",
  "本年增",
  "处理决定",
  "本年收费",
  "采购项目",
  "采购总金额",
];

function columnRank(columnLabel: string): number {
  const rank = ACTIVE_COLUMN_ORDER.findIndex((c) => columnLabel.startsWith(c));
  return rank < 0 ? ACTIVE_COLUMN_ORDER.length : rank;
}

function buildActiveRows(template: TemplateId): ActiveRowSpec[] {
  const rows = new Map<string, { key: string; column: string }[]>();
  for (const key of metricKeysOf(template)) {
    if (key.startsWith("apply.") || !key.startsWith("active")) continue;
    const [label, column] = metricLabel(key).split("·");
    if (!rows.has(label)) rows.set(label, []);
    rows.get(label)!.push({ key, column });
  }
  return [...rows].map(([label, cells]) => {
    const ordered = cells.sort((a, b) => columnRank(a.column) - columnRank(b.column));
    return {
      label,
      keys: ordered.map((c) => c.key),
      decimal: ordered.some((c) => c.column.includes("金额")),
      amountInYuan: ordered.some((c) => c.column.normalize("NFKC").includes("(元)")),
    };
  });
}

const ACTIVE_ROWS: Record<TemplateId, ActiveRowSpec[]> = {
  "2021": buildActiveRows("2021"),
  "2019": buildActiveRows("2019"),
};

export function activeRowSpecs(template: TemplateId): ActiveRowSpec[] {
  return ACTIVE_ROWS[template];
}
