/**
 * Table 二 (主动公开): rows 规章, 行政规范性文件, 行政许可 … each with one to three cells. The rows
 * have no arithmetic, so a run of digits printed with no separator is split only when exactly
 * one split is possible; otherwise its cells stay null with an AMBIGUOUS_SPLIT issue.
 */
import type { TemplateId } from "../../metrics/dictionary";
import type { ReportIssue } from "../types";
import { labelView, regionSpan } from "./label-view";
import { activeRowSpecs, type ActiveRowSpec } from "./rows";
import { splitDigitRun } from "./solve";
import { cleanRowTokens, cutProse, scanNumbers, stripNotes, tabFieldTokens } from "./tokens";
import type { Span } from "./locate";
import type { BlockReading } from "./types";

interface Occurrence {
  spec: ActiveRowSpec;
  start: number;
  end: number;
}

// Longest digit string a table-二 count cell is taken to hold when splitting runs.
const MAX_CELL_DIGITS = 9;
// Punctuation of a sentence (a comma not inside a number like 1,234).
const SENTENCE_PUNCTUATION = /[。；;、！？]|,(?!\d{3})/;
// The amount column of 政府集中采购 printed in 万元 rather than 元.
const TEN_THOUSAND = /万\s*元/;

/**
 * A shorter form of a label some reports print: 规范性文件 for 行政规范性文件, 事业性收费 for
 * 行政事业性收费. Only tried when the full label is absent.
 */
function shortLabel(label: string): string | null {
  return label.startsWith("行政") && label.length >= 6 ? label.slice(2) : null;
}

/** Every occurrence of every row label, in text order, shorter labels inside longer ones dropped. */
function occurrencesOf(region: string, specs: ActiveRowSpec[]): Occurrence[] {
  const view = labelView(region);
  const found: Occurrence[] = [];
  for (const spec of specs) {
    const short = shortLabel(spec.label);
    const label = view.text.includes(spec.label) || short === null ? spec.label : short;
    for (let at = view.text.indexOf(label); at >= 0; at = view.text.indexOf(label, at + 1)) {
      found.push({ spec, ...regionSpan(view, at, at + label.length) });
    }
  }
  // Longer first at equal starts, so one sweep drops every occurrence inside an earlier one.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Occurrence[] = [];
  let reach = -1;
  for (const occurrence of found) {
    if (occurrence.end <= reach) continue;
    kept.push(occurrence);
    reach = occurrence.end;
  }
  return kept;
}

/** Reads table 二 of `template` from `text` within `span`. */
export function readActiveTable(text: string, span: Span, template: TemplateId): BlockReading {
  const region = text.slice(span.start, span.end);
  const specs = activeRowSpecs(template);
  const occurrences = occurrencesOf(region, specs);
  const values: Record<string, number | null> = {};
  const issues: ReportIssue[] = [];
  const signed = template === "2019";
  const stacked = stackedLabels(region, occurrences, signed, issues);

  for (const spec of specs) {
    if (stacked.unsettled.has(spec)) {
      spec.keys.forEach((key) => (values[key] = null));
      continue;
    }
    // Prose inside the section may name a row (本年度没有规章…, 制发规范性文件3件). The table's
    // row is followed by numbers and no sentence punctuation; among equals the last is taken,
    // since prose under a heading comes before its table.
    let picked: { tokens: string[]; segment: string; score: number } | null = null;
    for (let i = 0; i < occurrences.length; i++) {
      const occurrence = occurrences[i];
      if (occurrence.spec !== spec) continue;
      const next = occurrences[i + 1];
      // From the label's start: its words hold no numbers, and its numbers may sit inside them.
      const raw = region.slice(occurrence.start, next?.start ?? region.length);
      const segment = next ? raw : cutProse(raw);
      const clean = stripNotes(segment);
      const tokens = stacked.tokens.get(occurrence) ?? cleanRowTokens(clean, spec.keys.length, { signed });
      if (tokens.length === 0) continue;
      const score = SENTENCE_PUNCTUATION.test(clean) ? 0 : 1;
      if (picked === null || score >= picked.score) picked = { tokens, segment, score };
    }
    if (picked === null) {
      spec.keys.forEach((key) => (values[key] = null));
      issues.push({
        code: "CELL_UNREADABLE",
        severity: "error",
        keys: spec.keys,
        message: `table 二: row ${spec.label} not found or has no numbers`,
      });
      continue;
    }
    const cells = placeRow(spec, picked.tokens, issues);
    const scale = spec.amountInYuan && amountInTenThousands(region, picked.segment) ? 10_000 : 1;
    spec.keys.forEach((key, i) => {
      const value = cells[i];
      values[key] = value === null ? null : i === spec.keys.length - 1 && scale !== 1 ? round(value * scale) : value;
    });
  }
  return { values, issues };
}

interface Stacked {
  /** Each stacked row's numbers, from the line handed to it. */
  tokens: Map<Occurrence, string[]>;
  /** Rows of a stack whose numbers could not be handed out: left null. */
  unsettled: Set<ActiveRowSpec>;
}

/**
 * Row labels printed one right after another with no numbers between them ("行政处罚行政强制",
 * then "2648 0 430" and "126 0 25" on the lines below): a label column laid out apart from its
 * numbers, as a PDF's text can come out when a narrow label column wraps. All the numbers then
 * follow the last label, and reading them as its row would give it the first row's numbers and
 * leave the others empty. Instead the number lines are handed out in order, one per label, when
 * there are exactly as many lines as labels and each line holds its row's number of cells;
 * otherwise the rows are left null with an issue, since which numbers are whose is unknown.
 */
function stackedLabels(region: string, occurrences: Occurrence[], signed: boolean, issues: ReportIssue[]): Stacked {
  const out: Stacked = { tokens: new Map(), unsettled: new Set() };
  const segmentOf = (i: number) => stripNotes(region.slice(occurrences[i].start, occurrences[i + 1]?.start ?? region.length));
  let i = 0;
  while (i < occurrences.length) {
    let last = i;
    while (
      last + 1 < occurrences.length &&
      region.slice(occurrences[last].end, occurrences[last + 1].start).trim() === "" &&
      !/\d/.test(region.slice(occurrences[last].start, occurrences[last + 1].start))
    ) {
      last++;
    }
    if (last === i) {
      i++;
      continue;
    }
    const run = occurrences.slice(i, last + 1);
    const segment = occurrences[last + 1] ? segmentOf(last) : cutProse(segmentOf(last));
    const lines = numberLines(segment, run[run.length - 1].spec.keys.length, signed);
    const total = lines.reduce((n, line) => n + line.length, 0);
    const labels = run.map((o) => o.spec.label).join("、");
    if (lines.length === run.length && run.every((o, k) => lines[k].length === o.spec.keys.length)) {
      run.forEach((o, k) => out.tokens.set(o, lines[k]));
      issues.push({
        code: "VALUE_RECOVERED",
        severity: "info",
        keys: run.flatMap((o) => o.spec.keys),
        message: `table 二: rows ${labels} print their labels together and their numbers on the ${run.length} lines after them; read one line per row, in order`,
      });
    } else if (total > run[run.length - 1].spec.keys.length) {
      run.forEach((o) => out.unsettled.add(o.spec));
      issues.push({
        code: "CELL_UNREADABLE",
        severity: "error",
        keys: run.flatMap((o) => o.spec.keys),
        message: `table 二: rows ${labels} print their labels together and ${total} numbers on ${lines.length} lines after them; which row each belongs to is unknown, left empty`,
      });
    }
    i = last + 1;
  }
  return out;
}

/** The numbers of each line of a segment that holds any, a tab line read field by field. */
function numberLines(segment: string, columns: number, signed: boolean): string[][] {
  return segment
    .split("\n")
    .map((line, k) => {
      // The first line starts with the label: its first field is no cell.
      if (line.includes("\t")) return tabFieldTokens(k === 0 ? line.split("\t").slice(1) : line.split("\t"), columns, { signed });
      return scanNumbers(line, { signed });
    })
    .filter((tokens) => tokens.length > 0);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Whether 政府集中采购's amount is printed in 万元 (in its header or its cell). */
function amountInTenThousands(region: string, segment: string): boolean {
  const header = region.search(/采购总金额|采购项目/);
  const headerText = header >= 0 ? region.slice(header, header + 40) : "";
  return TEN_THOUSAND.test(headerText) || TEN_THOUSAND.test(segment.slice(0, 60));
}

/** The row's cells from its tokens: as printed, or from the one possible split of a run. */
function placeRow(spec: ActiveRowSpec, tokens: string[], issues: ReportIssue[]): (number | null)[] {
  const width = spec.keys.length;
  const cells = tokens.map((t) => (t === "" ? "0" : t));
  if (cells.length >= width) {
    if (cells.length > width) {
      issues.push({
        code: "CELL_UNREADABLE",
        severity: "info",
        keys: spec.keys,
        message: `table 二: row ${spec.label} has ${cells.length} numbers for ${width} cells; the first ${width} were read`,
      });
    }
    return cells.slice(0, width).map(Number);
  }
  const splits = splitRuns(cells, width, spec.decimal);
  if (splits.length === 1) return splits[0];
  issues.push({
    code: splits.length > 1 ? "AMBIGUOUS_SPLIT" : "CELL_UNREADABLE",
    severity: "warning",
    keys: spec.keys,
    message:
      splits.length > 1
        ? `table 二: row ${spec.label} prints ${cells.join(" ")} with no separator between its ${width} cells; it splits ${splits.length} ways, left empty`
        : `table 二: row ${spec.label} has ${cells.length} numbers for ${width} cells`,
  });
  return spec.keys.map(() => null);
}

/**
 * A token that cannot be one printed number: a leading zero (003), or more digits than a count
 * cell holds. Beside other numbers, only such a token is cut into cells: a row of plain numbers
 * (2 10) one cell short is as likely a row that lost a cell, and table 二 has no arithmetic to tell
 * which. A row's only token (2110, cells run together) may be cut any way that is unique.
 */
function isRunOfCells(token: string): boolean {
  const digits = token.split(".")[0];
  return digits.length > 1 && (digits.startsWith("0") || digits.length > MAX_CELL_DIGITS);
}

/**
 * Every way to cut the tokens into `width` cells in order, each token giving one or more cells.
 * A decimal part stays with the last cell of its token (the amount column is the row's last).
 */
function splitRuns(tokens: string[], width: number, decimal: boolean): number[][] {
  const perToken = (token: string, parts: number): number[][] => {
    if (parts > 1 && tokens.length > 1 && !isRunOfCells(token)) return [];
    const dot = token.indexOf(".");
    if (dot < 0 || !decimal) return splitDigitRun(token, parts, MAX_CELL_DIGITS);
    const fraction = token.slice(dot);
    return splitDigitRun(token.slice(0, dot), parts, MAX_CELL_DIGITS).map((cut) => {
      const last = cut.length - 1;
      return cut.map((v, i) => (i === last ? Number(`${v}${fraction}`) : v));
    });
  };
  const out: number[][] = [];
  const walk = (index: number, left: number, acc: number[]) => {
    if (out.length > 64) return;
    if (index === tokens.length) {
      if (left === 0) out.push(acc);
      return;
    }
    const remainingTokens = tokens.length - index - 1;
    for (let parts = 1; parts <= left - remainingTokens; parts++) {
      for (const cut of perToken(tokens[index], parts)) walk(index + 1, left - parts, [...acc, ...cut]);
    }
  };
  walk(0, width, []);
  return out;
}
