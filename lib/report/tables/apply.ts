/**
 * Table 三 (收到和处理政府信息公开申请): the fixed row labels are walked in template order and the
 * numbers between one label and the next become that row's tokens; the solver places them into
 * the applicant columns the header prints. A header that prints 法人或其他组织 as one column is read
 * as three columns (see merged.ts).
 */
import {
  APPLICANT_COLUMNS,
  APPLY_COLUMNS,
  applyKey,
  applyRowsOf,
  type ApplyColumn,
  type TemplateId,
} from "../../metrics/dictionary";
import type { ReportIssue } from "../types";
import type { BlockReading } from "./types";
import type { Span } from "./locate";
import { labelView, regionSpan } from "./label-view";
import { APPLY_COLUMN_PHRASES, applyRowSpecs, type ApplyRowSpec } from "./rows";
import { LEGAL_PERSON_COLUMNS, mergedReading } from "./merged";
import { solveApplyTable, solveMergedApplyTable, type RowTokens } from "./solve";
import { cellLineTokens, cleanRowTokens, cutEnumerator, cutProse, stripNotes } from "./tokens";

// The applicant header, repeated where a table crosses a page: its words would otherwise be
// taken for row labels (其他, 总计). A repeat starts with a header word only a header prints.
const REPEATED_HEADER =
  /(?:(?:申请人情况|自然人|法人或者?其他组织|商业企业|科研机构|社会公益组织|法律服务机构)[ \t\n]*(?:(?:总计|其他)(?![\u4e00-\u9fff])[ \t\n]*)*)+/g;

interface FoundRow {
  spec: ApplyRowSpec;
  /** Where the row's label begins (its enumerator when printed). */
  start: number;
  /** Where the words the label was found by end (the enumerator's end, see labelStarts). */
  end: number;
}

/**
 * Finds each row label after the previous one; a label not printed is skipped. Labels are searched
 * with the numbers taken out of the text, since a label wrapped in a narrow column has its row's
 * numbers beside its first line, between its words: "7.属于行 0 0 0 … 政执法案卷".
 */
function walkRows(region: string, specs: ApplyRowSpec[]): FoundRow[] {
  const view = labelView(region);
  const found: FoundRow[] = [];
  let cursor = 0;
  for (const spec of specs) {
    spec.pattern.lastIndex = cursor;
    const match = spec.pattern.exec(view.text);
    if (!match) continue;
    found.push({ spec, ...regionSpan(view, match.index, match.index + match[0].length) });
    cursor = match.index + match[0].length;
  }
  return labelStarts(region, recoverByEnumerator(region, specs, found));
}

/**
 * A label wrapped in a narrow column can print its row's numbers beside its first line, before the
 * words it was found by: "8.属于行 0 0 0 … 政查询事项", "一、本年 5 1 0 … 新收政府…". Where the
 * label's enumerator (8. 一、 (一)) stands before numbers that precede the found words, the row
 * starts at the enumerator and its numbers are read from there, so they are neither lost nor given
 * to the row above.
 */
function labelStarts(region: string, rows: FoundRow[]): FoundRow[] {
  return rows.map((row, i) => {
    const pattern = row.spec.headPattern;
    if (pattern === null) return row;
    const from = i > 0 ? rows[i - 1].end : 0;
    const gap = region.slice(from, row.start);
    pattern.lastIndex = 0;
    let last: RegExpExecArray | null = null;
    for (let m = pattern.exec(gap); m; m = pattern.exec(gap)) last = m;
    if (!last || !/\d/.test(gap.slice(last.index + last[0].length))) return row;
    const start = from + last.index;
    return { ...row, start, end: start + last[0].length };
  });
}

// A label's own text after its enumerator: up to the first digit or cell boundary.
const LABEL_TEXT = /[^\d\t\n]*/y;

/**
 * A label misprinted beyond its search phrases (4.保护第三者合法权益), or wrapped so that its
 * numbers cut its words apart (二、上年 1 0 0 … 结转政府…), is still found by its enumerator:
 * between the rows found before and after it, "4." (二、, (一)) followed by words (not a digit
 * before it, which would make it part of a run of cells).
 */
function recoverByEnumerator(region: string, specs: ApplyRowSpec[], found: FoundRow[]): FoundRow[] {
  const rows = [...found];
  for (const spec of specs) {
    if (spec.headPattern === null || rows.some((r) => r.spec === spec)) continue;
    const order = specs.indexOf(spec);
    const previous = rows.filter((r) => specs.indexOf(r.spec) < order).pop();
    const next = rows.find((r) => specs.indexOf(r.spec) > order);
    if (!previous) continue;
    const gap = region.slice(previous.end, next?.start ?? region.length);
    spec.headPattern.lastIndex = 0;
    const enumerator = spec.headPattern.exec(gap);
    if (!enumerator) continue;
    const start = previous.end + enumerator.index;
    LABEL_TEXT.lastIndex = start + enumerator[0].length;
    LABEL_TEXT.exec(region);
    rows.splice(rows.indexOf(previous) + 1, 0, { spec, start, end: LABEL_TEXT.lastIndex });
  }
  return rows;
}

/**
 * The applicant columns the header prints. 法人或其他组织 names a group, not the 其他 column;
 * OCR headers 数据1…数据6 stand for the six applicant columns. Only 总计 is ever left out of a
 * printed table: a header that shows fewer applicant columns was broken on its way to text (a
 * PDF's header lines interleaved), and is taken to print them all — trusting it would place a
 * row's numbers under the few columns it happened to name.
 */
export function columnsPresent(header: string): ApplyColumn[] {
  const text = header.replace(/法人或者?其他组织/g, "");
  const numbered = new Set(text.match(/数据\s*\d+/g) ?? []).size;
  const present = APPLY_COLUMN_PHRASES.filter(
    ([column, phrase]) => text.includes(phrase) || (numbered >= APPLICANT_COLUMNS.length && column !== "total"),
  ).map(([column]) => column);
  const applicants = present.filter((c) => c !== "total").length;
  if (applicants < APPLICANT_COLUMNS.length) return [...APPLY_COLUMNS];
  return present;
}

/** Reads table 三 of `template` from `text` within `span`. */
export function readApplyTable(text: string, span: Span, template: TemplateId): BlockReading {
  const whole = text.slice(span.start, span.end);
  const bodyStart = applyRowSpecs(template)[0].pattern;
  bodyStart.lastIndex = 0;
  const firstRow = bodyStart.exec(whole)?.index ?? 0;
  const header = whole.slice(0, firstRow);
  const region = header + whole.slice(firstRow).replace(REPEATED_HEADER, (h) => " ".repeat(h.length));
  const found = walkRows(region, applyRowSpecs(template));
  const segments = found.map((row, i) => {
    const next = found[i + 1];
    // From the label's start: its words hold no numbers, and its numbers may sit inside them.
    const raw = region.slice(row.start, next?.start ?? region.length);
    return next ? cutEnumerator(raw, next.spec.enumerator) : cutProse(raw);
  });
  // Notes are stripped once: the tokens may be read at more than one width.
  const clean = segments.map(stripNotes);
  const tokensOf = (width: number) => clean.map((segment) => cleanRowTokens(segment, width));
  if (found.length > 0 && mergesLegalPersons(header)) {
    const merged = readMerged(template, found, header, tokensOf(MERGED_WIDTH));
    if (merged) return merged;
  }
  let columns = found.length > 0 ? columnsPresent(header) : [...APPLY_COLUMNS];
  let after = tokensOf(columns.length);
  if (columns.length < APPLY_COLUMNS.length && rowsPrintEveryColumn(after)) {
    columns = [...APPLY_COLUMNS];
    after = tokensOf(columns.length);
  }
  const issues: ReportIssue[] = [];
  const before = found.length > 0 ? numbersBeforeLabels(header, after, columns.length) : null;
  if (before) {
    issues.push({
      code: "ROW_INCOMPLETE",
      severity: "info",
      message: "table 三 prints each row's numbers before its label; every row was read from the numbers above it",
    });
  }
  const rows: RowTokens[] = found.map((row, i) => ({ row: row.spec.row, tokens: (before ?? after)[i] }));
  rows.push(...otherHandlingAsOneRow(template, rows, columns.length, issues));
  const solved = solveApplyTable(template, rows, columns);
  return { values: solved.values, issues: [...issues, ...solved.issues] };
}

// 自然人 | 法人或其他组织 | 总计.
const MERGED_WIDTH = 3;
const LEGAL_PERSON_GROUP = /法人或者?其他组织/;

/**
 * A header that prints 法人或其他组织 with none of its five columns under it (商业企业, 科研机构,
 * 社会公益组织, 法律服务机构; 其他 is left out, a word prose and notes use too).
 */
function mergesLegalPersons(header: string): boolean {
  if (!LEGAL_PERSON_GROUP.test(header)) return false;
  const rest = header.replace(/法人或者?其他组织/g, "");
  if (/数据\s*\d/.test(rest)) return false;
  return !SUB_COLUMN_PHRASES.some((phrase) => rest.includes(phrase));
}

const SUB_COLUMN_PHRASES = APPLY_COLUMN_PHRASES.filter(
  ([column]) => column !== "other" && (LEGAL_PERSON_COLUMNS as readonly string[]).includes(column),
).map(([, phrase]) => phrase);

/**
 * Table 三 read as three columns, when its rows bear the header out: no row has more than three
 * numbers and most have exactly three. Otherwise null, and the table is read as printed in full.
 */
function readMerged(
  template: TemplateId,
  found: FoundRow[],
  header: string,
  after: string[][],
): BlockReading | null {
  const before = numbersBeforeLabels(header, after, MERGED_WIDTH);
  const tokens = before ?? after;
  const full = tokens.filter((t) => t.length === MERGED_WIDTH).length;
  if (tokens.some((t) => t.length > MERGED_WIDTH) || full * 2 < tokens.length) return null;
  const issues: ReportIssue[] = [];
  const rows: RowTokens[] = found.map((row, i) => ({ row: row.spec.row, tokens: tokens[i] }));
  rows.push(...otherHandlingAsOneRow(template, rows, MERGED_WIDTH, issues));
  const reading = mergedReading(template, solveMergedApplyTable(template, rows));
  return { values: reading.values, issues: [...issues, ...reading.issues] };
}

/**
 * Most rows carry exactly one number per applicant column and 总计: the table prints every column,
 * whatever its header was read to say (a header laid out in spaced columns, its words interleaved
 * across lines, names fewer).
 */
function rowsPrintEveryColumn(rows: readonly string[][]): boolean {
  const printed = rows.filter((tokens) => tokens.some((t) => t !== ""));
  const full = printed.filter((tokens) => tokens.length === APPLY_COLUMNS.length).length;
  return printed.length > 0 && full >= printed.length / 2;
}

/**
 * A layout (some PDF exports) that sets each row's numbers just above its label, so the text
 * puts them before it: numbers between the header and the first label, none after the last.
 * Then each row's tokens are the ones before its label; otherwise null.
 */
function numbersBeforeLabels(header: string, after: string[][], width: number): string[][] | null {
  const lead = cellLineTokens(stripNotes(header));
  const last = after[after.length - 1];
  if (lead.length < Math.min(2, width) || last.some((t) => t !== "")) return null;
  return after.map((_, i) => (i === 0 ? lead : after[i - 1]));
}

/**
 * Some template-2021 reports print （六）其他处理 as one row, as template 2019 does, without its
 * sub-rows 1 and 2. Its numbers are then read as 3.其他 (the row both templates share) and the two
 * sub-rows as 0, so the outcome sum still holds.
 */
function otherHandlingAsOneRow(
  template: TemplateId,
  rows: RowTokens[],
  width: number,
  issues: ReportIssue[],
): RowTokens[] {
  if (template !== "2021") return [];
  const { subRows, wholeRow } = OTHER_HANDLING;
  const printed = new Set(rows.map((r) => r.row));
  if (!printed.has(wholeRow) || subRows.some((row) => printed.has(row))) return [];
  issues.push({
    code: "ROW_INCOMPLETE",
    severity: "info",
    keys: subRows.flatMap((row) => APPLY_COLUMNS.map((column) => applyKey(row, column))),
    message: "（六）其他处理 is printed as one row; its numbers are read as 3.其他 and sub-rows 1 and 2 as 0",
  });
  return subRows.map((row) => ({ row, tokens: Array.from({ length: width }, () => "0") }));
}

/** The sub-rows only template 2021 prints, and the row both templates share after them. */
const OTHER_HANDLING = (() => {
  const rows2021 = applyRowsOf("2021");
  const rows2019 = new Set(applyRowsOf("2019"));
  const subRows = rows2021.filter((row) => !rows2019.has(row));
  return { subRows, wholeRow: rows2021[rows2021.indexOf(subRows[subRows.length - 1]) + 1] };
})();
