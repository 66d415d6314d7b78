/**
 * Cell placement for tables 三 and 四: the numbers a layout left in each row, placed into the
 * template's cells so that the arithmetic (ROW_TOTAL, OUTCOME_SUM, BALANCE, REVIEW_TOTAL) holds.
 * Handles rows that lost a cell or two, a missing 总计 column, blank cells, digits run together
 * with no separator and numbers printed with a space inside.
 *
 * How it works: each row gets its candidate placements (one when the tokens fill the row; else
 * every split of the digit runs, every position of the lost cells, or every join of adjacent
 * tokens that satisfies the row's own rule). Rows with one placement then bound the others through the column rules (a cell cannot
 * exceed what its column total leaves), and a bounded backtracking search keeps the combinations
 * that satisfy every rule. A cell is placed only when every surviving combination agrees on it;
 * otherwise it stays `null` with an issue. Printed numbers are never changed, even where they
 * break a rule: such a rule is left to `checkArithmetic` and not used as evidence.
 *
 * The rules come from `../arithmetic` (one definition for checking and recovery).
 */
import {
  APPLY_COLUMNS,
  REVIEW_BLOCKS,
  REVIEW_OUTCOMES,
  applyKey,
  applyRowsOf,
  metricLabel,
  reviewKey,
  type ApplyColumn,
  type ReviewBlock,
  type TemplateId,
} from "../../metrics/dictionary";
import { applyRules, reviewRules, ruleKeys, type ArithmeticRule } from "../arithmetic";
import type { ReportIssue } from "../types";
import { cellLabel, mergedApplyRules, mergedKey } from "./merged";

/** One row of table 三 as read: its template row id and the numeric strings printed in it. */
export interface RowTokens {
  row: string;
  /**
   * Numeric strings in printed order; `""` (or a dash, slash or 无) marks a cell printed blank at
   * its position, which reads as 0 except a blank total, which is the sum of its parts.
   */
  tokens: string[];
}

export interface SolvedBlock {
  values: Record<string, number | null>;
  issues: ReportIssue[];
}

/** Limits that keep the work bounded on hostile input. */
export interface SolveLimits {
  /** Longest digit string one cell of a count table may hold. */
  maxCellDigits: number;
  /** Most printed cells a row may have lost and still be placed. */
  maxLostCells: number;
  /** Search nodes per row (splits) and per table (combining rows). */
  rowBudget: number;
  tableBudget: number;
  /**
   * Complete placements checked against every rule per table search. Each costs a pass over all
   * rules, so the node budget alone let a table whose every reading breaks a rule run for seconds.
   */
  solutionBudget: number;
}

const DEFAULT_LIMITS: SolveLimits = {
  maxCellDigits: 7,
  maxLostCells: 2,
  rowBudget: 50_000,
  tableBudget: 50_000,
  solutionBudget: 300,
};

// ---------------------------------------------------------------------------------------------
// Splitting digit runs

const NUMBER_TEXT = /^(0|[1-9]\d*)(\.\d+)?$/;
const INTEGER_TEXT = /^(0|[1-9]\d*)$/;

/**
 * Every way to cut a digit run into `parts` non-negative numbers with no leading zeros
 * (`"270020130"` → … `[27, 0, 0, 2, 0, 1, 30]` …). A `.` stays inside one part, so decimals
 * survive (`"24252.311082"` can be one part, never `24252.` and `311082`).
 */
export function splitDigitRun(run: string, parts: number, maxPartLength = Infinity): number[][] {
  const text = run.normalize("NFKC").replace(/\s+/g, "");
  const out: number[][] = [];
  const current: number[] = [];
  const walk = (offset: number, left: number) => {
    const rest = text.length - offset;
    if (left === 0) {
      if (rest === 0) out.push([...current]);
      return;
    }
    if (rest < left || rest > left * maxPartLength) return;
    for (let length = 1; length <= Math.min(rest - (left - 1), maxPartLength); length++) {
      const piece = text.slice(offset, offset + length);
      if (!NUMBER_TEXT.test(piece)) continue;
      current.push(Number(piece));
      walk(offset + length, left - 1);
      current.pop();
    }
  };
  if (parts > 0) walk(0, parts);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public entry points

/**
 * Places the rows of table 三. `rows` come in template order, each with the numeric strings the
 * layout left in it; `columnsPresent` lists the printed columns (a report may lack 总计).
 * Returns every table-三 key of the template: a number, or null with an issue naming it.
 */
export function solveApplyTable(
  template: TemplateId,
  rows: RowTokens[],
  columnsPresent: readonly ApplyColumn[] = APPLY_COLUMNS,
  limits: SolveLimits = DEFAULT_LIMITS,
): SolvedBlock {
  const shape = applyShape(template, columnsPresent);
  const tokensByRow = new Map(rows.map((r) => [r.row, r.tokens]));
  const tokens = APPLY_ROWS[template].map((row) => tokensByRow.get(row) ?? null);
  return solveTable(shape, tokens, limits);
}

/**
 * Places table 三 printed with 法人或其他组织 as one column: three cells a row (自然人, the merged
 * column under `mergedKey(row)`, 总计), under the template's rules with the five legal-person
 * columns summed. The caller maps the merged column back to canonical keys (`mergedReading`).
 */
export function solveMergedApplyTable(
  template: TemplateId,
  rows: RowTokens[],
  limits: SolveLimits = DEFAULT_LIMITS,
): SolvedBlock {
  const tokensByRow = new Map(rows.map((r) => [r.row, r.tokens]));
  const tokens = APPLY_ROWS[template].map((row) => tokensByRow.get(row) ?? null);
  return solveTable(mergedApplyShape(template), tokens, limits);
}

/**
 * Places table 四 printed sideways: one row per outcome (结果维持, 结果纠正, 其他结果, 尚未审结,
 * 总计, in that order; null for a row not found), each with its cells for 行政复议, 未经复议直接起诉
 * and 复议后起诉 in `blocks` order. REVIEW_TOTAL then runs down the columns.
 */
export function solveSidewaysReviewTable(
  rows: (string[] | null)[],
  blocks: readonly ReviewBlock[] = REVIEW_BLOCKS,
  limits: SolveLimits = DEFAULT_LIMITS,
): SolvedBlock {
  return solveTable(sidewaysReviewShape(blocks), rows, limits);
}

/**
 * Places table 四: 15 cells (行政复议, 未经复议直接起诉, 复议后起诉 × 结果维持, 结果纠正, 其他结果,
 * 尚未审结, 总计) from the numeric strings printed in it, in order; `""` marks a blank cell.
 */
export function solveReviewTable(tokens: string[], limits: SolveLimits = DEFAULT_LIMITS): SolvedBlock {
  return solveTable(reviewShape(), [tokens.length > 0 ? tokens : null], limits);
}

// ---------------------------------------------------------------------------------------------
// Table shapes: rows, cells and rules, built once per template and set of printed columns

interface RowShape {
  /** Chinese row label for messages. */
  label: string;
  /** Every cell key of the row, in printed order. */
  keys: string[];
  /** Whether each cell's column is printed; absent cells can only be recovered. */
  present: boolean[];
  /** Positions of the printed cells, in order (computed once with the shape). */
  slots: number[];
}

interface TableShape {
  rows: RowShape[];
  rules: ArithmeticRule[];
  /** Per row, the rules whose cells all lie in that row. */
  locals: LocalRule[][];
  tableRules: TableRule[];
  columnAbsent: boolean;
}

const shapes = new Map<string, TableShape>();
const APPLY_ROWS: Record<TemplateId, string[]> = { "2021": applyRowsOf("2021"), "2019": applyRowsOf("2019") };

function applyShape(template: TemplateId, columnsPresent: readonly ApplyColumn[]): TableShape {
  return cachedShape(`apply|${template}|${columnsPresent.join(",")}`, () => {
    const present = APPLY_COLUMNS.map((column) => columnsPresent.includes(column));
    const rows = applyRowsOf(template).map((row) =>
      rowShape(rowLabel(applyKey(row, APPLY_COLUMNS[0])), APPLY_COLUMNS.map((column) => applyKey(row, column)), present),
    );
    return buildShape(rows, applyRules(template), present.includes(false));
  });
}

function reviewShape(): TableShape {
  return cachedShape("review", () => {
    const keys = REVIEW_BLOCKS.flatMap((block) => REVIEW_OUTCOMES.map((o) => reviewKey(block, o)));
    return buildShape([rowShape("行政复议、行政诉讼", keys)], reviewRules(), false);
  });
}

function mergedApplyShape(template: TemplateId): TableShape {
  return cachedShape(`apply-merged|${template}`, () => {
    const rows = applyRowsOf(template).map((row) => {
      const keys = [applyKey(row, "naturalPerson"), mergedKey(row), applyKey(row, "total")];
      return rowShape(rowLabel(keys[0]), keys);
    });
    return buildShape(rows, mergedApplyRules(template), false);
  });
}

function sidewaysReviewShape(blocks: readonly ReviewBlock[]): TableShape {
  return cachedShape(`review-sideways|${blocks.join(",")}`, () => {
    const rows = REVIEW_OUTCOMES.map((outcome) => {
      const keys = blocks.map((block) => reviewKey(block, outcome));
      return rowShape(metricLabel(keys[0]).split("·").pop()!, keys);
    });
    return buildShape(rows, reviewRules(), false);
  });
}

/** A shape is built once per layout and kept. */
function cachedShape(id: string, build: () => TableShape): TableShape {
  let shape = shapes.get(id);
  if (!shape) shapes.set(id, (shape = build()));
  return shape;
}

/** A row of cells; every column printed unless `present` says otherwise. */
function rowShape(label: string, keys: string[], present: boolean[] = keys.map(() => true)): RowShape {
  const slots: number[] = [];
  present.forEach((isPresent, i) => isPresent && slots.push(i));
  return { label, keys, present, slots };
}

function buildShape(rows: RowShape[], rules: ArithmeticRule[], columnAbsent: boolean): TableShape {
  return {
    rows,
    rules,
    locals: rows.map((row) => localRulesOf(row, rules)),
    tableRules: indexRules(rows, rules),
    columnAbsent,
  };
}

// ---------------------------------------------------------------------------------------------
// Rows and their candidate placements

/** A row's shape with the tokens the layout left in it (null when the row was not found). */
interface RowSpec extends RowShape {
  tokens: string[] | null;
}

/** One way to place a row's tokens. */
interface Candidate {
  values: (number | null)[];
  /** Cells computed by a rule rather than read. */
  recovered: boolean[];
  /** The placement cut a digit run into several cells. */
  split: boolean;
  /** A printed cell was lost: positions shifted around a recovered one. */
  lostCell: boolean;
  /** A number printed with a space inside was joined back into one cell. */
  joined: boolean;
}

/** A rule restricted to one row, as cell positions. */
interface LocalRule {
  left: number[];
  right: number[];
  /** left then right. */
  cells: number[];
}

type Token = { kind: "number"; text: string } | { kind: "blank" } | { kind: "unreadable" };

/** A cell some tables fill with a dash, slash or 无 instead of leaving it blank. */
const EMPTY_MARK = /^(?:[-—–~/]+|无)$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;

// A token as the tokenizer usually leaves it: ASCII digits, already normal.
const PLAIN_NUMBER = /^\d+(\.\d+)?$/;

function readToken(raw: string): Token {
  if (PLAIN_NUMBER.test(raw)) return { kind: "number", text: raw };
  const text = raw.normalize("NFKC").replace(/\s+/g, "");
  if (text === "" || EMPTY_MARK.test(text)) return { kind: "blank" };
  if (/^\d+(\.\d+)?$/.test(text)) return { kind: "number", text };
  if (THOUSANDS.test(text)) return { kind: "number", text: text.replace(/,/g, "") };
  return { kind: "unreadable" };
}

function localRulesOf(spec: RowShape, rules: readonly ArithmeticRule[]): LocalRule[] {
  const at = new Map(spec.keys.map((key, i) => [key, i]));
  return rules
    .filter((rule) => ruleKeys(rule).every((key) => at.has(key)))
    .map((rule) => {
      const left = rule.left.map((key) => at.get(key)!);
      const right = rule.right.map((key) => at.get(key)!);
      return { left, right, cells: [...left, ...right] };
    });
}

/** The placements of one row that its own rules allow (printed numbers are always allowed). */
function rowCandidates(spec: RowSpec, local: LocalRule[], limits: SolveLimits): Candidate[] {
  if (spec.tokens === null) return [];
  const tokens = spec.tokens.map(readToken);
  const slots = spec.slots;
  if (tokens.length === slots.length) {
    return [placeDirect(spec, tokens, slots, local)];
  }
  if (tokens.length > slots.length) return joinCandidates(spec, tokens, slots, local, limits);
  // Lost zeros often leave the same values wherever they sat: one placement, not seven.
  return mergeIdentical([
    ...splitCandidates(spec, tokens, slots, local, limits),
    ...lostCellCandidates(spec, tokens, slots, local, limits),
  ]);
}

/** As many tokens as printed columns: read them as printed, recover only absent cells. */
function placeDirect(spec: RowSpec, tokens: Token[], slots: number[], local: LocalRule[]): Candidate {
  const values: (number | null)[] = spec.keys.map(() => null);
  const blank = spec.keys.map(() => false);
  tokens.forEach((token, i) => {
    if (token.kind === "number") values[slots[i]] = Number(token.text);
    if (token.kind === "blank") blank[slots[i]] = true;
  });
  const recovered = completeRow(values, blank, local, false);
  return {
    values,
    recovered: recovered ?? spec.keys.map(() => false),
    split: false,
    lostCell: false,
    joined: false,
  };
}

/**
 * Fills unknown cells from the row's rules (a rule with one unknown cell decides it) and, when
 * `strict`, rejects the placement if a rule breaks or a recovered count would be negative.
 * A blank cell reads as 0, except a blank total (a rule's single left cell), which is the sum of
 * its parts. Returns which cells were recovered, or null when a strict placement is rejected.
 */
function completeRow(
  values: (number | null)[],
  blank: boolean[],
  local: LocalRule[],
  strict: boolean,
): boolean[] | null {
  const recovered = values.map(() => false);
  blank.forEach((isBlank, i) => {
    if (isBlank && !local.some((rule) => rule.left.length === 1 && rule.left[0] === i)) values[i] = 0;
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const rule of local) {
      const unknown = rule.cells.filter((i) => values[i] === null);
      if (unknown.length !== 1) continue;
      const cell = unknown[0];
      const onLeft = rule.left.includes(cell);
      const value = sumKnown(values, onLeft ? rule.right : rule.left) - sumKnown(values, onLeft ? rule.left : rule.right);
      if (value < 0) {
        if (strict) return null;
        continue;
      }
      values[cell] = value;
      // A blank total that comes to 0 was read correctly as blank; anything else was recovered.
      recovered[cell] = !(blank[cell] && value === 0);
      changed = true;
    }
  }
  blank.forEach((isBlank, i) => {
    if (isBlank && values[i] === null) values[i] = 0;
  });
  if (strict && local.some((rule) => !ruleHolds(values, rule))) return null;
  return recovered;
}

function sumKnown(values: (number | null)[], cells: number[]): number {
  let total = 0;
  for (const i of cells) total += values[i] ?? 0;
  return total;
}

/** True when the rule holds or still has an unknown cell. */
function ruleHolds(values: (number | null)[], rule: LocalRule): boolean {
  if (rule.cells.some((i) => values[i] === null)) return true;
  return sumKnown(values, rule.left) === sumKnown(values, rule.right);
}

/**
 * Fewer tokens than columns because digits ran together: every cut of the runs into exactly one
 * part per printed column whose row rules hold. Rules are checked as soon as their cells are
 * placed, so hopeless cuts are dropped early; the node budget bounds the rest.
 */
function splitCandidates(
  spec: RowSpec,
  tokens: Token[],
  slots: number[],
  local: LocalRule[],
  limits: SolveLimits,
): Candidate[] {
  if (tokens.some((t) => t.kind === "unreadable")) return [];
  const texts = tokens.map((t) => (t.kind === "number" ? t.text : ""));
  if (texts.some((t) => t.includes("."))) return [];
  const digits = texts.reduce((n, t) => n + Math.max(t.length, 1), 0);
  if (digits < slots.length) return [];

  // Rules whose cells are all printed can be checked once their last cell is placed.
  const checkAfter = new Map<number, LocalRule[]>();
  for (const rule of local) {
    if (!rule.cells.every((i) => spec.present[i])) continue;
    const last = Math.max(...rule.cells.map((i) => slots.indexOf(i)));
    checkAfter.set(last, [...(checkAfter.get(last) ?? []), rule]);
  }

  // A total printed after all its parts (总计 at the row's end) is their sum: its digits are
  // known when it is reached, so only that cut is tried.
  const totalAt = new Map<number, LocalRule>();
  for (const rule of local) {
    if (rule.left.length !== 1 || !rule.cells.every((i) => spec.present[i])) continue;
    const at = slots.indexOf(rule.left[0]);
    if (rule.right.every((i) => slots.indexOf(i) < at)) totalAt.set(at, rule);
  }

  const out: Candidate[] = [];
  const values: (number | null)[] = spec.keys.map(() => null);
  const blank = spec.keys.map(() => false);
  // Digits and blank cells still to place from each token on, to drop cuts that cannot fit.
  const digitsFrom = texts.map((_, t) => texts.slice(t).reduce((n, text) => n + text.length, 0));
  const blanksFrom = texts.map((_, t) => texts.slice(t).filter((text) => text === "").length);
  const fits = (slot: number, token: number, offset: number): boolean => {
    const digitsLeft = digitsFrom[token] - offset;
    const cellsLeft = slots.length - slot - blanksFrom[token];
    return digitsLeft >= cellsLeft && digitsLeft <= cellsLeft * limits.maxCellDigits;
  };
  let nodes = 0;
  // Walks token by token; `offset` is the position inside the current token's digits.
  const walk = (slot: number, token: number, offset: number): void => {
    if (++nodes > limits.rowBudget) return;
    if (token === texts.length) {
      if (slot === slots.length) keepCandidate();
      return;
    }
    if (slot === slots.length || !fits(slot, token, offset)) return;
    const text = texts[token];
    if (text === "") {
      blank[slots[slot]] = true;
      if (placed(slot)) walk(slot + 1, token + 1, 0);
      blank[slots[slot]] = false;
      return;
    }
    const rest = text.length - offset;
    const total = totalAt.get(slot);
    const expected = total ? String(sumKnown(values, total.right)) : null;
    for (let length = 1; length <= Math.min(rest, limits.maxCellDigits); length++) {
      if (expected !== null && length !== expected.length) continue;
      const piece = text.slice(offset, offset + length);
      if (!INTEGER_TEXT.test(piece) || (expected !== null && piece !== expected)) continue;
      values[slots[slot]] = Number(piece);
      if (placed(slot)) {
        if (length === rest) walk(slot + 1, token + 1, 0);
        else walk(slot + 1, token, offset + length);
      }
      values[slots[slot]] = null;
    }
  };
  // Blank cells read as 0 for the early check; completeRow settles blank totals at the end.
  const placed = (slot: number): boolean =>
    (checkAfter.get(slot) ?? []).every((rule) => {
      const view = values.map((v, i) => (blank[i] ? 0 : v));
      return ruleHolds(view, rule) || [...rule.left].some((i) => blank[i]);
    });
  const keepCandidate = () => {
    const filled = [...values];
    const recovered = completeRow(filled, [...blank], local, true);
    if (recovered === null) return;
    const split = texts.length < slots.length;
    out.push({ values: filled, recovered, split, lostCell: false, joined: false });
  };
  walk(0, 0, 0);
  // An unfinished enumeration may have missed the true cut: better no candidate than a wrong one.
  return nodes > limits.rowBudget ? [] : out;
}

/**
 * A token or two too many: a number printed with a space inside (OCR and PDF text layers write
 * 1 2 for 12). Every way to join adjacent tokens back into one cell whose row rules hold is a
 * candidate; the joined cells count as recovered.
 */
function joinCandidates(
  spec: RowSpec,
  tokens: Token[],
  slots: number[],
  local: LocalRule[],
  limits: SolveLimits,
): Candidate[] {
  const extra = tokens.length - slots.length;
  if (extra > limits.maxLostCells) return [];
  // A join is only believed when a rule over printed cells confirms it: without a printed 总计,
  // an extra token more likely means the columns were misread than a number was spaced out.
  if (!local.some((rule) => rule.cells.every((i) => spec.present[i]))) return [];
  if (tokens.some((t) => t.kind !== "number" || !INTEGER_TEXT.test(t.text))) return [];
  const texts = tokens.map((t) => (t as { text: string }).text);
  const out: Candidate[] = [];
  // A join at gap g glues token g+1 onto token g.
  for (const gaps of choose(texts.length - 1, extra)) {
    const cells: string[] = [];
    const joinedAt: boolean[] = [];
    texts.forEach((text, t) => {
      if (t > 0 && gaps.includes(t - 1)) {
        cells[cells.length - 1] += text;
        joinedAt[cells.length - 1] = true;
      } else {
        cells.push(text);
        joinedAt.push(false);
      }
    });
    if (cells.some((cell) => !INTEGER_TEXT.test(cell) || cell.length > limits.maxCellDigits)) continue;
    const values: (number | null)[] = spec.keys.map(() => null);
    const recovered = spec.keys.map(() => false);
    slots.forEach((cell, slot) => {
      values[cell] = Number(cells[slot]);
      recovered[cell] = joinedAt[slot];
    });
    const filled = completeRow(values, spec.keys.map(() => false), local, true);
    if (filled === null || local.some((rule) => !ruleHolds(values, rule))) continue;
    out.push({ values, recovered: recovered.map((x, i) => x || filled[i]), split: false, lostCell: false, joined: true });
  }
  return mergeIdentical(out);
}

/**
 * A token or two short and no run to split: printed cells were lost. Every choice of positions
 * for the lost cells is a candidate; the row rule decides a lone lost cell, and the column rules
 * (in the search) decide the rest or leave them unknown.
 */
function lostCellCandidates(
  spec: RowSpec,
  tokens: Token[],
  slots: number[],
  local: LocalRule[],
  limits: SolveLimits,
): Candidate[] {
  const lost = slots.length - tokens.length;
  if (lost < 1 || lost > limits.maxLostCells) return [];
  if (tokens.some((t) => t.kind !== "number" || !INTEGER_TEXT.test(t.text))) return [];
  const numbers = tokens.map((t) => Number((t as { text: string }).text));
  const out: Candidate[] = [];
  for (const gaps of choose(slots.length, lost)) {
    const values: (number | null)[] = spec.keys.map(() => null);
    let next = 0;
    slots.forEach((cell, slot) => {
      if (!gaps.includes(slot)) values[cell] = numbers[next++];
    });
    const recovered = completeRow(values, spec.keys.map(() => false), local, true);
    if (recovered === null) continue;
    // Cells still unknown are recovered if the search settles them; mark them so.
    const marked = recovered.map((was, i) => was || values[i] === null);
    out.push({ values, recovered: marked, split: false, lostCell: true, joined: false });
  }
  return out;
}

const choices = new Map<string, number[][]>();

/** Every way to pick `k` of `n` positions, in increasing order (kept: rows ask for the same few). */
function choose(n: number, k: number): number[][] {
  const id = `${n}/${k}`;
  let out = choices.get(id);
  if (!out) {
    out = [];
    if (k === 0) out.push([]);
    for (let first = 0; k > 0 && first <= n - k; first++) {
      for (const rest of choose(n - first - 1, k - 1)) out.push([first, ...rest.map((i) => i + first + 1)]);
    }
    choices.set(id, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Combining rows: bounds from the fixed rows, then bounded backtracking over the candidates

type CellRef = [row: number, cell: number];

/** A rule as cell references into the table's rows. */
interface TableRule {
  id: string;
  left: CellRef[];
  right: CellRef[];
  /** left then right, for the loops that treat both sides alike. */
  cells: CellRef[];
  rows: number[];
}

interface Consensus {
  value: (number | null)[][];
  ambiguous: boolean[][];
  /**
   * Every value a cell took across the surviving combinations (for messages); made at the first
   * merge, so the usual single combination allocates none.
   */
  seen: (Set<number | null> | null)[][];
  recovered: boolean[][];
  split: boolean[];
  lostCell: boolean[];
  joined: boolean[];
}

type SearchOutcome = { kind: "solved"; consensus: Consensus } | { kind: "none" } | { kind: "bounded" };

function solveTable(shape: TableShape, tokens: (string[] | null)[], limits: SolveLimits): SolvedBlock {
  const specs: RowSpec[] = shape.rows.map((row, r) => ({
    label: row.label,
    keys: row.keys,
    present: row.present,
    slots: row.slots,
    tokens: tokens[r],
  }));
  const { locals, rules, columnAbsent } = shape;
  const candidates = specs.map((spec, r) => rowCandidates(spec, locals[r], limits));
  const placements = candidates.map((list) => list.length);
  const { outcome, abandoned } = combineRows(shape, specs, candidates, limits);
  const consensus =
    outcome.kind === "solved" ? outcome.consensus : rowByRowConsensus(specs, candidates);

  const values: Record<string, number | null> = {};
  const issues: ReportIssue[] = [];
  for (let r = 0; r < specs.length; r++) {
    const keys = specs[r].keys;
    for (let i = 0; i < keys.length; i++) values[keys[i]] = consensus.value[r][i];
  }
  for (const r of abandoned) {
    const unsettled = specs[r].keys.filter((key) => values[key] === null);
    if (unsettled.length === 0) continue;
    issues.push({
      code: "AMBIGUOUS_SPLIT",
      severity: "error",
      keys: unsettled,
      message: `row ${specs[r].label}: its numbers (${specs[r].tokens!.join(" ")}) can be placed ${placements[r]} ways, too many to settle with the rest of the table; left empty where the arithmetic does not force a value`,
    });
  }
  if (outcome.kind !== "solved" && candidates.some((c) => c.length > 1)) {
    // The table's arithmetic could not vouch for any placement, so every value placed is unchecked.
    const unchecked = Object.keys(values).filter((key) => values[key] !== null);
    issues.push({
      code: "AMBIGUOUS_SPLIT",
      severity: "warning",
      keys: unchecked,
      message:
        outcome.kind === "bounded"
          ? "too many ways to place the numbers of this table; each row was placed on its own"
          : "no placement of this table's numbers satisfies every rule; each row was placed on its own",
    });
  }
  issues.push(...placementIssues(specs, placements, consensus, columnAbsent));
  const ambiguousKeys = new Set(
    specs.flatMap((spec, r) => spec.keys.filter((_, i) => consensus.ambiguous[r][i])),
  );
  issues.push(...recoverByRules(values, rules, ambiguousKeys));
  if (specs.some((spec) => spec.tokens !== null)) issues.push(...unexplainedNulls(specs, values, issues));
  return { values, issues };
}

/**
 * Settles the rows together. When the search runs out of budget, the row with the most
 * placements is given up (its cells become unknown, still recoverable when the arithmetic forces
 * them) and the search runs again, so one hopeless row does not cost the whole table.
 */
function combineRows(
  shape: TableShape,
  specs: RowSpec[],
  candidates: Candidate[][],
  limits: SolveLimits,
): { outcome: SearchOutcome; abandoned: number[] } {
  if (candidates.every((list) => list.length === 1 && !list[0].values.includes(null))) {
    // Every cell read as printed: nothing to choose or recover (the usual report).
    return { outcome: { kind: "solved", consensus: consensusOfOnly(specs, candidates) }, abandoned: [] };
  }
  const active = tighten(candidates, shape.locals, shape.tableRules);
  const abandoned: number[] = [];
  let outcome = searchRows(specs, candidates, active, limits);
  while (outcome.kind === "bounded" && abandoned.length < MAX_ABANDONED_ROWS) {
    const widest = candidates.reduce((best, list, r) => (list.length > candidates[best].length ? r : best), 0);
    if (candidates[widest].length <= 1) break;
    candidates[widest] = [];
    abandoned.push(widest);
    outcome = searchRows(specs, candidates, active, limits);
  }
  return { outcome, abandoned };
}

/** Rows given up before falling back to placing each row on its own. */
const MAX_ABANDONED_ROWS = 4;

function indexRules(specs: RowShape[], rules: ArithmeticRule[]): TableRule[] {
  const cellIndex = new Map<string, CellRef>();
  specs.forEach((spec, r) => spec.keys.forEach((key, i) => cellIndex.set(key, [r, i])));
  return rules.map((rule) => {
    const left = rule.left.map((k) => cellIndex.get(k)!);
    const right = rule.right.map((k) => cellIndex.get(k)!);
    const cells = [...left, ...right];
    return { id: rule.id, left, right, cells, rows: [...new Set(cells.map(([r]) => r))] };
  });
}

/** Per row and cell, the value every candidate of the row agrees on, or NaN. */
function agreedValues(candidates: Candidate[][]): number[][] {
  return candidates.map((list) => {
    if (list.length === 0) return [];
    return list[0].values.map((v, i) =>
      v !== null && list.every((c) => c.values[i] === v) ? v : NaN,
    );
  });
}

/**
 * Narrows the candidates before the search. A rule with one side settled bounds every unsettled
 * cell on the other side (all cells are counts ≥ 0): a candidate above a bound is dropped, and an
 * unknown cell bounded by 0 is 0 (a row that lost a cell under a column summing to 0). Identical
 * candidates are then merged. Rules the settled numbers already break are printed breaks: they are
 * left to the checks and not used as evidence. Returns the rules still usable.
 */
function tighten(candidates: Candidate[][], locals: LocalRule[][], rules: TableRule[]): TableRule[] {
  let active = rules;
  // Each round only narrows; a few rounds reach the fixed point on real tables.
  for (let round = 0; round < 10; round++) {
    const agreed = agreedValues(candidates);
    active = active.filter(
      (rule) => hasUnknown(agreed, rule.cells) || knownSum(agreed, rule.left) === knownSum(agreed, rule.right),
    );
    const bound = candidates.map((list) => (list[0]?.values ?? []).map(() => Infinity));
    for (const rule of active) {
      boundOtherSide(agreed, rule.left, rule.right, bound);
      boundOtherSide(agreed, rule.right, rule.left, bound);
    }
    let changed = false;
    candidates.forEach((list, r) => {
      const narrowed = list
        .map((candidate) => applyBounds(candidate, bound[r], locals[r]))
        .filter((c): c is Candidate => c !== null);
      const merged = mergeIdentical(narrowed.length > 0 ? narrowed : list);
      if (merged.length !== list.length || merged.some((c, k) => c !== list[k])) changed = true;
      candidates[r] = merged;
    });
    if (!changed) break;
  }
  return active;
}

// The helpers below index cell references rather than destructure them: this code runs
// interpreted on a reader's first reports, where iterator destructuring is costly.

/** The value every candidate of the cell's row agrees on, or NaN. */
function agreedAt(agreed: number[][], cell: CellRef): number {
  return agreed[cell[0]]?.[cell[1]] ?? NaN;
}

function hasUnknown(agreed: number[][], cells: CellRef[]): boolean {
  for (let k = 0; k < cells.length; k++) if (Number.isNaN(agreedAt(agreed, cells[k]))) return true;
  return false;
}

/** Sum of the side's agreed values, in order, unknown cells left out. */
function knownSum(agreed: number[][], side: CellRef[]): number {
  let total = 0;
  for (let k = 0; k < side.length; k++) {
    const v = agreedAt(agreed, side[k]);
    if (!Number.isNaN(v)) total += v;
  }
  return total;
}

/** With `settled` fully agreed, each unknown cell of `other` is at most what `settled` leaves. */
function boundOtherSide(agreed: number[][], settled: CellRef[], other: CellRef[], bound: number[][]): void {
  if (hasUnknown(agreed, settled)) return;
  const slack = knownSum(agreed, settled) - knownSum(agreed, other);
  // Already exceeded by settled numbers: a printed break, no evidence about the rest.
  if (slack < 0) return;
  for (let k = 0; k < other.length; k++) {
    const cell = other[k];
    if (Number.isNaN(agreedAt(agreed, cell))) bound[cell[0]][cell[1]] = Math.min(bound[cell[0]][cell[1]], slack);
  }
}

/** The candidate within the bounds (unknown cells bounded by 0 become 0), or null if it exceeds one. */
function applyBounds(candidate: Candidate, bound: number[], local: LocalRule[]): Candidate | null {
  if (candidate.values.some((v, i) => v !== null && v > bound[i])) return null;
  if (!candidate.values.some((v, i) => v === null && bound[i] === 0)) return candidate;
  const values = candidate.values.map((v, i) => (v === null && bound[i] === 0 ? 0 : v));
  // Printed rows keep their numbers even where they break a rule; inferred placements may not.
  const strict = candidate.split || candidate.lostCell || candidate.joined;
  const filled = completeRow(values, values.map(() => false), local, strict);
  if (filled === null) return null;
  const recovered = candidate.recovered.map((was, i) => was || filled[i] || candidate.values[i] === null);
  return { ...candidate, values, recovered: recovered.map((x, i) => x && values[i] !== null) };
}

/** Candidates with the same values are one placement; remember every cell any of them recovered. */
function mergeIdentical(list: Candidate[]): Candidate[] {
  const byValues = new Map<string, Candidate>();
  for (const candidate of list) {
    const id = candidate.values.join(",");
    const seen = byValues.get(id);
    if (!seen) {
      byValues.set(id, candidate);
      continue;
    }
    byValues.set(id, {
      values: seen.values,
      recovered: seen.recovered.map((x, i) => x || candidate.recovered[i]),
      split: seen.split || candidate.split,
      lostCell: seen.lostCell || candidate.lostCell,
      joined: seen.joined || candidate.joined,
    });
  }
  const merged = [...byValues.values()];
  return merged.length === list.length ? list : merged;
}


function searchRows(
  specs: RowSpec[],
  candidates: Candidate[][],
  rules: TableRule[],
  limits: SolveLimits,
): SearchOutcome {
  const value = specs.map((spec) => spec.keys.map(() => NaN));
  const rulesOfRow = specs.map((_, r) => rules.filter((rule) => rule.rows.includes(r)));
  // Fixed rows first, then the most constrained, so the bounds prune early.
  const order = specs
    .map((_, r) => r)
    .filter((r) => candidates[r].length > 0)
    .sort((a, b) => candidates[a].length - candidates[b].length);
  const varying = candidates.map((list, r) => varyingCells(list, specs[r].keys.length));

  let consensus: Consensus | null = null;
  const chosen = specs.map(() => -1);
  let nodes = 0;
  let solutions = 0;
  let exhausted = false;
  let settled = false;

  const walk = (depth: number): void => {
    if (depth === order.length) {
      if (++solutions > limits.solutionBudget) {
        exhausted = true;
        return;
      }
      const solution = completeSolution(value, rules);
      if (solution === null) return;
      consensus = mergeSolution(consensus, specs, candidates, chosen, solution);
      settled = everyVaryingCellAmbiguous(consensus, varying);
      return;
    }
    const r = order[depth];
    for (let c = 0; c < candidates[r].length; c++) {
      if (++nodes > limits.tableBudget) {
        exhausted = true;
        break;
      }
      candidates[r][c].values.forEach((v, i) => (value[r][i] = v ?? NaN));
      chosen[r] = c;
      if (rulesOfRow[r].every((rule) => partialHolds(value, rule))) walk(depth + 1);
      if (settled || exhausted) break;
    }
    value[r].fill(NaN);
    chosen[r] = -1;
  };
  walk(0);
  if (exhausted) return { kind: "bounded" };
  if (consensus === null) return { kind: "none" };
  return { kind: "solved", consensus };
}

/**
 * Whether sum(left) = sum(right) can still hold: with every cell a count ≥ 0, a fully known side
 * bounds the known part of the other side. Unknown cells are NaN.
 */
function partialHolds(value: number[][], rule: TableRule): boolean {
  let leftKnown = 0;
  let rightKnown = 0;
  let leftOpen = false;
  let rightOpen = false;
  for (let k = 0; k < rule.left.length; k++) {
    const v = value[rule.left[k][0]][rule.left[k][1]];
    if (Number.isNaN(v)) leftOpen = true;
    else leftKnown += v;
  }
  for (let k = 0; k < rule.right.length; k++) {
    const v = value[rule.right[k][0]][rule.right[k][1]];
    if (Number.isNaN(v)) rightOpen = true;
    else rightKnown += v;
  }
  if (!leftOpen && !rightOpen) return leftKnown === rightKnown;
  if (!leftOpen) return rightKnown <= leftKnown;
  if (!rightOpen) return leftKnown <= rightKnown;
  return true;
}

/**
 * One full combination, with the cells it leaves unknown filled where the rules force them: a
 * rule with one unknown cell decides it; a settled side whose other side already adds up makes
 * the remaining cells 0. Returns the values (NaN where still unknown) and which cells were
 * filled, or null when a forced value would be negative (the combination is impossible).
 */
function completeSolution(
  placed: number[][],
  rules: TableRule[],
): { value: number[][]; filled: boolean[][] | null } | null {
  const isOpen = (cell: CellRef) => Number.isNaN(value[cell[0]][cell[1]]);
  let value = placed;
  let pending = rules.filter((rule) => rule.cells.some(isOpen));
  // Nothing unknown (the usual leaf): the placed values are the solution as they stand.
  if (pending.length === 0) return { value, filled: null };
  value = placed.map((row) => [...row]);
  const filled = placed.map((row) => row.map(() => false));
  const set = (cell: CellRef, v: number) => {
    value[cell[0]][cell[1]] = v;
    filled[cell[0]][cell[1]] = true;
  };
  const known = (side: CellRef[]) => {
    let total = 0;
    for (let k = 0; k < side.length; k++) {
      const v = value[side[k][0]][side[k][1]];
      if (!Number.isNaN(v)) total += v;
    }
    return total;
  };
  // A settled side whose other side already adds up: that side's open cells are 0.
  const zeroRest = (side: CellRef[], other: CellRef[]): boolean => {
    const otherOpen = other.filter(isOpen);
    if (side.some(isOpen) || otherOpen.length === 0 || known(side) !== known(other)) return false;
    otherOpen.forEach((cell) => set(cell, 0));
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const rule of pending) {
      const open = rule.cells.filter(isOpen);
      if (open.length === 0) continue;
      if (open.length === 1) {
        const onLeft = rule.left.includes(open[0]);
        const v = onLeft ? known(rule.right) - known(rule.left) : known(rule.left) - known(rule.right);
        if (v < 0) return null;
        set(open[0], v);
        changed = true;
        continue;
      }
      if (zeroRest(rule.left, rule.right)) changed = true;
      if (zeroRest(rule.right, rule.left)) changed = true;
    }
    pending = pending.filter((rule) => rule.cells.some(isOpen));
  }
  return { value, filled };
}

function varyingCells(list: Candidate[], width: number): boolean[] {
  if (list.length === 0) return Array.from({ length: width }, () => true);
  return list[0].values.map((v, i) => v === null || list.some((c) => c.values[i] !== v));
}

function everyVaryingCellAmbiguous(consensus: Consensus, varying: boolean[][]): boolean {
  return varying.every((cells, r) => cells.every((varies, i) => !varies || consensus.ambiguous[r][i]));
}

/** Folds one complete combination (with its forced cells) into the running consensus. */
function mergeSolution(
  into: Consensus | null,
  specs: RowSpec[],
  candidates: Candidate[][],
  chosen: number[],
  solution: { value: number[][]; filled: boolean[][] | null },
): Consensus {
  const pick = (r: number) => (chosen[r] >= 0 ? candidates[r][chosen[r]] : undefined);
  const valueAt = (r: number, i: number) => {
    const v = solution.value[r][i];
    return Number.isNaN(v) ? null : v;
  };
  const recoveredAt = (r: number, i: number) =>
    (pick(r)?.recovered[i] ?? false) || ((solution.filled?.[r][i] ?? false) && valueAt(r, i) !== null);
  if (into === null) {
    return {
      value: specs.map((spec, r) => spec.keys.map((_, i) => valueAt(r, i))),
      ambiguous: specs.map((spec) => spec.keys.map(() => false)),
      seen: specs.map((spec) => spec.keys.map(() => null)),
      recovered: specs.map((spec, r) => spec.keys.map((_, i) => recoveredAt(r, i))),
      split: specs.map((_, r) => pick(r)?.split ?? false),
      lostCell: specs.map((_, r) => pick(r)?.lostCell ?? false),
      joined: specs.map((_, r) => pick(r)?.joined ?? false),
    };
  }
  specs.forEach((spec, r) => {
    const candidate = pick(r);
    into.split[r] ||= candidate?.split ?? false;
    into.lostCell[r] ||= candidate?.lostCell ?? false;
    into.joined[r] ||= candidate?.joined ?? false;
    spec.keys.forEach((_, i) => {
      const v = valueAt(r, i);
      // Until a cell is ambiguous its consensus value is the first combination's.
      const seen = (into.seen[r][i] ??= new Set([into.value[r][i]]));
      seen.add(v);
      into.recovered[r][i] ||= recoveredAt(r, i);
      if (v !== into.value[r][i] || into.ambiguous[r][i]) {
        into.ambiguous[r][i] = true;
        into.value[r][i] = null;
      }
    });
  });
  return into;
}

/** The consensus of the one combination there is: every row's only candidate, all cells known. */
function consensusOfOnly(specs: RowSpec[], candidates: Candidate[][]): Consensus {
  const only = candidates.map((list) => list[0]);
  return {
    value: only.map((candidate) => candidate.values.slice()),
    ambiguous: specs.map((spec) => spec.keys.map(() => false)),
    seen: specs.map((spec) => spec.keys.map(() => null)),
    recovered: only.map((candidate) => candidate.recovered.slice()),
    split: only.map((candidate) => candidate.split),
    lostCell: only.map((candidate) => candidate.lostCell),
    joined: only.map((candidate) => candidate.joined),
  };
}

/** Without a combination that satisfies the rules, each row keeps what its own candidates agree on. */
function rowByRowConsensus(specs: RowSpec[], candidates: Candidate[][]): Consensus {
  let consensus: Consensus | null = null;
  const most = Math.max(1, ...candidates.map((c) => c.length));
  for (let k = 0; k < most; k++) {
    const chosen = candidates.map((list) => (list.length === 0 ? -1 : Math.min(k, list.length - 1)));
    const value = specs.map((spec, r) =>
      spec.keys.map((_, i) => (chosen[r] >= 0 ? candidates[r][chosen[r]].values[i] ?? NaN : NaN)),
    );
    const filled = value.map((row) => row.map(() => false));
    consensus = mergeSolution(consensus, specs, candidates, chosen, { value, filled });
  }
  return consensus!;
}

// ---------------------------------------------------------------------------------------------
// Issues

/** Issues for what the placement did per row; `placements` counts each row's candidates. */
function placementIssues(
  specs: RowSpec[],
  placements: number[],
  consensus: Consensus,
  columnAbsent: boolean,
): ReportIssue[] {
  const issues: ReportIssue[] = [];
  const absentTotals: string[] = [];
  const splitKeys: string[] = [];
  specs.forEach((spec, r) => {
    const keysWhere = (test: (i: number) => boolean) => spec.keys.filter((_, i) => test(i));
    const ambiguous = keysWhere((i) => consensus.ambiguous[r][i]);
    if (ambiguous.length > 0) {
      const options = ambiguous.map((key) => {
        const i = spec.keys.indexOf(key);
        return `${key} could be ${[...consensus.seen[r][i]!].map((v) => v ?? "unknown").join(" or ")}`;
      });
      issues.push({
        code: "AMBIGUOUS_SPLIT",
        severity: "error",
        keys: ambiguous,
        message: `row ${spec.label}: the numbers fit the arithmetic in more than one way (${options.join("; ")}); left empty`,
      });
    }
    const recovered = keysWhere((i) => consensus.recovered[r][i] && consensus.value[r][i] !== null);
    absentTotals.push(...recovered.filter((key) => !spec.present[spec.keys.indexOf(key)]));
    const fromRow = recovered.filter((key) => spec.present[spec.keys.indexOf(key)]);
    if (consensus.lostCell[r]) {
      // Lost cells left unsettled are named by the ambiguity issue above.
      if (fromRow.length > 0 || recovered.length > 0) issues.push(lostCellIssue(spec, consensus, r));
    } else if (consensus.joined[r] && fromRow.length > 0) {
      issues.push({
        code: "VALUE_RECOVERED",
        severity: "warning",
        keys: fromRow,
        message: `row ${spec.label} has ${spec.tokens!.length} numbers for ${spec.present.filter(Boolean).length} columns; adjacent numbers were joined where the arithmetic requires (${describeCells(spec, consensus, r, fromRow)})`,
      });
    } else if (fromRow.length > 0) {
      const unplaced = spec.tokens !== null && placements[r] === 0;
      issues.push({
        code: "VALUE_RECOVERED",
        severity: "warning",
        keys: fromRow,
        message: `row ${spec.label}: ${unplaced ? `its numbers (${spec.tokens!.join(" ")}) could not be placed; ` : ""}${describeCells(spec, consensus, r, fromRow)} not printed or not readable, recovered from the arithmetic`,
      });
    }
    // A run with only one possible cut was read, not chosen; name only rows the rules settled.
    if (consensus.split[r] && placements[r] > 1) {
      splitKeys.push(...keysWhere((i) => consensus.value[r][i] !== null));
    }
    const unread = keysWhere((i) => consensus.value[r][i] === null);
    if (spec.tokens !== null && placements[r] === 0 && unread.length > 0) {
      issues.push({
        code: "CELL_UNREADABLE",
        severity: "error",
        keys: unread,
        message: `row ${spec.label}: ${spec.tokens.length} numbers (${spec.tokens.join(" ")}) cannot be placed in ${spec.present.filter(Boolean).length} columns`,
      });
    }
  });
  if (columnAbsent && absentTotals.length > 0) {
    const columns = [...new Set(absentTotals.map((key) => metricLabel(key).split("·").pop()))];
    issues.push({
      code: "VALUE_RECOVERED",
      severity: "warning",
      keys: absentTotals,
      message: `column ${columns.join(", ")} is not printed; ${absentTotals.length} of its cells were recovered from each row's arithmetic (ROW_TOTAL)`,
    });
  }
  if (splitKeys.length > 0) {
    issues.push({
      code: "VALUE_RECOVERED",
      severity: "warning",
      keys: splitKeys,
      message: `digits were printed with no separator between cells; the cell boundaries of ${splitKeys.length} cells were chosen by the arithmetic`,
    });
  }
  return issues;
}

/**
 * A row that lost a printed cell. The issue names every cell that was not read as printed: the
 * lost cell, or every cell whose value depended on where the lost cell sat.
 */
function lostCellIssue(spec: RowSpec, consensus: Consensus, r: number): ReportIssue {
  const count = (spec.tokens ?? []).length;
  const columns = spec.present.filter(Boolean).length;
  const keys = spec.keys.filter((_, i) => consensus.recovered[r][i] && consensus.value[r][i] !== null);
  return {
    code: "ROW_INCOMPLETE",
    severity: "warning",
    keys,
    message: `row ${spec.label} has ${count} numbers for ${columns} columns; the lost cell was placed by the table's arithmetic (${describeCells(spec, consensus, r, keys)})`,
  };
}

function describeCells(spec: RowSpec, consensus: Consensus, r: number, keys: string[]): string {
  return keys.map((key) => `${key} = ${consensus.value[r][spec.keys.indexOf(key)]}`).join(", ");
}

/**
 * Cells still unknown but decided by a rule whose other cells are all known (a lost row, an
 * absent cell): recovered with an issue. Cells left ambiguous by the placement are not touched.
 */
function recoverByRules(
  values: Record<string, number | null>,
  rules: ArithmeticRule[],
  keep: Set<string>,
): ReportIssue[] {
  const issues: ReportIssue[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const rule of rules) {
      const unknown = ruleKeys(rule).filter((key) => values[key] === null);
      if (unknown.length !== 1 || keep.has(unknown[0])) continue;
      const key = unknown[0];
      const onLeft = rule.left.includes(key);
      const known = (keys: readonly string[]) => keys.reduce((n, k) => n + (values[k] ?? 0), 0);
      const value = onLeft ? known(rule.right) - known(rule.left) : known(rule.left) - known(rule.right);
      if (value < 0 || !Number.isInteger(value)) continue;
      values[key] = value;
      changed = true;
      issues.push({
        code: "VALUE_RECOVERED",
        severity: "warning",
        keys: [key],
        message: `${key} (${cellLabel(key)}) not read; recovered as ${value} from ${rule.id}`,
      });
    }
  }
  return issues;
}

/** A null cell must never be silent: name any the issues above do not already cover. */
function unexplainedNulls(
  specs: RowSpec[],
  values: Record<string, number | null>,
  issues: ReportIssue[],
): ReportIssue[] {
  const named = new Set(issues.flatMap((issue) => issue.keys ?? []));
  const out: ReportIssue[] = [];
  for (const spec of specs) {
    const silent = spec.keys.filter((key) => values[key] === null && !named.has(key));
    if (silent.length === 0) continue;
    out.push({
      code: "CELL_UNREADABLE",
      severity: "error",
      keys: silent,
      message:
        spec.tokens === null
          ? `row ${spec.label} was not found in the table`
          : `row ${spec.label}: ${silent.join(", ")} could not be read or recovered`,
    });
  }
  return out;
}

/** "（一）予以公开·自然人" → "（一）予以公开": the row part of a cell label. */
function rowLabel(firstCellKey: string): string {
  const parts = metricLabel(firstCellKey).split("·");
  return parts.slice(0, -1).join("·") || parts[0];
}
