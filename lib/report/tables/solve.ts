/**
 * Cell placement for tables 三 and 四: the numbers a layout left in each row, placed into the
 * template's cells so that the arithmetic (ROW_TOTAL, OUTCOME_SUM, BALANCE, REVIEW_TOTAL) holds.
 * Handles rows that lost a cell, a missing 总计 column, blank cells and digits run together with
 * no separator.
 *
 * How it works: each row gets its candidate placements (one when the tokens fill the row; else
 * every split of the digit runs, or every position of one lost cell, that satisfies the row's own
 * rule). A bounded backtracking search then keeps the combinations that satisfy the rules across
 * rows. A cell is placed only when every surviving combination agrees on it; otherwise it stays
 * `null` with an issue. Printed numbers are never changed, even where they break a rule.
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
  type TemplateId,
} from "../../metrics/dictionary";
import { applyRules, reviewRules, ruleKeys, type ArithmeticRule } from "../arithmetic";
import type { ReportIssue } from "../types";

/** One row of table 三 as read: its template row id and the numeric strings printed in it. */
export interface RowTokens {
  row: string;
  /** Numeric strings in printed order; `""` marks a cell printed blank at its position. */
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
  /** Search nodes per row (splits) and per table (combining rows). */
  rowBudget: number;
  tableBudget: number;
}

const DEFAULT_LIMITS: SolveLimits = { maxCellDigits: 7, rowBudget: 50_000, tableBudget: 200_000 };

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
  const tokensByRow = new Map(rows.map((r) => [r.row, r.tokens]));
  const specs: RowSpec[] = applyRowsOf(template).map((row) => ({
    label: rowLabel(applyKey(row, APPLY_COLUMNS[0])),
    keys: APPLY_COLUMNS.map((column) => applyKey(row, column)),
    present: APPLY_COLUMNS.map((column) => columnsPresent.includes(column)),
    tokens: tokensByRow.get(row) ?? null,
  }));
  const absent = APPLY_COLUMNS.filter((column) => !columnsPresent.includes(column));
  return solveTable(specs, applyRules(template), limits, absent.length > 0);
}

/**
 * Places table 四: 15 cells (行政复议, 未经复议直接起诉, 复议后起诉 × 结果维持, 结果纠正, 其他结果,
 * 尚未审结, 总计) from the numeric strings printed in it, in order.
 */
export function solveReviewTable(tokens: string[], limits: SolveLimits = DEFAULT_LIMITS): SolvedBlock {
  const keys = REVIEW_BLOCKS.flatMap((block) => REVIEW_OUTCOMES.map((o) => reviewKey(block, o)));
  const spec: RowSpec = {
    label: "行政复议、行政诉讼",
    keys,
    present: keys.map(() => true),
    tokens: tokens.length > 0 ? tokens : null,
  };
  return solveTable([spec], reviewRules(), limits, false);
}

// ---------------------------------------------------------------------------------------------
// Rows and their candidate placements

interface RowSpec {
  /** Chinese row label for messages. */
  label: string;
  /** Every cell key of the row, in printed order. */
  keys: string[];
  /** Whether each cell's column is printed; absent cells can only be recovered. */
  present: boolean[];
  /** Tokens printed in the row, or null when the row was not found. */
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
}

/** A rule restricted to one row, as cell positions. */
interface LocalRule {
  left: number[];
  right: number[];
}

type Token = { kind: "number"; text: string } | { kind: "blank" } | { kind: "unreadable" };

function readToken(raw: string): Token {
  const text = raw.normalize("NFKC").replace(/\s+/g, "");
  if (text === "") return { kind: "blank" };
  if (/^\d+(\.\d+)?$/.test(text)) return { kind: "number", text };
  return { kind: "unreadable" };
}

function localRulesOf(spec: RowSpec, rules: readonly ArithmeticRule[]): LocalRule[] {
  const at = new Map(spec.keys.map((key, i) => [key, i]));
  return rules
    .filter((rule) => ruleKeys(rule).every((key) => at.has(key)))
    .map((rule) => ({
      left: rule.left.map((key) => at.get(key)!),
      right: rule.right.map((key) => at.get(key)!),
    }));
}

/** The placements of one row that its own rules allow (printed numbers are always allowed). */
function rowCandidates(spec: RowSpec, local: LocalRule[], limits: SolveLimits): Candidate[] {
  if (spec.tokens === null) return [];
  const tokens = spec.tokens.map(readToken);
  const slots = spec.present.flatMap((isPresent, i) => (isPresent ? [i] : []));
  if (tokens.length === slots.length) {
    return [placeDirect(spec, tokens, slots, local)];
  }
  if (tokens.length > slots.length) return [];
  return [
    ...splitCandidates(spec, tokens, slots, local, limits),
    ...lostCellCandidates(spec, tokens, slots, local),
  ];
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
  return { values, recovered: recovered ?? spec.keys.map(() => false), split: false, lostCell: false };
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
      const unknown = [...rule.left, ...rule.right].filter((i) => values[i] === null);
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
  const cells = [...rule.left, ...rule.right];
  if (cells.some((i) => values[i] === null)) return true;
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
    const cells = [...rule.left, ...rule.right];
    if (!cells.every((i) => spec.present[i])) continue;
    const last = Math.max(...cells.map((i) => slots.indexOf(i)));
    checkAfter.set(last, [...(checkAfter.get(last) ?? []), rule]);
  }

  const out: Candidate[] = [];
  const values: (number | null)[] = spec.keys.map(() => null);
  const blank = spec.keys.map(() => false);
  let nodes = 0;
  // Walks token by token; `offset` is the position inside the current token's digits.
  const walk = (slot: number, token: number, offset: number): void => {
    if (++nodes > limits.rowBudget) return;
    if (token === texts.length) {
      if (slot === slots.length) keepCandidate();
      return;
    }
    if (slot === slots.length) return;
    const text = texts[token];
    if (text === "") {
      blank[slots[slot]] = true;
      if (placed(slot)) walk(slot + 1, token + 1, 0);
      blank[slots[slot]] = false;
      return;
    }
    const rest = text.length - offset;
    for (let length = 1; length <= Math.min(rest, limits.maxCellDigits); length++) {
      const piece = text.slice(offset, offset + length);
      if (!INTEGER_TEXT.test(piece)) continue;
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
    out.push({ values: filled, recovered, split, lostCell: false });
  };
  walk(0, 0, 0);
  return out;
}

/**
 * Exactly one token short and no run to split: one printed cell was lost. Every position of the
 * lost cell is a candidate whose value the row rule decides; the other rows pick among them.
 */
function lostCellCandidates(
  spec: RowSpec,
  tokens: Token[],
  slots: number[],
  local: LocalRule[],
): Candidate[] {
  if (tokens.length !== slots.length - 1) return [];
  if (tokens.some((t) => t.kind !== "number" || !INTEGER_TEXT.test(t.text))) return [];
  const out: Candidate[] = [];
  for (let lost = 0; lost < slots.length; lost++) {
    const values: (number | null)[] = spec.keys.map(() => null);
    let next = 0;
    slots.forEach((cell, slot) => {
      if (slot !== lost) values[cell] = Number((tokens[next++] as { text: string }).text);
    });
    const recovered = completeRow(values, spec.keys.map(() => false), local, true);
    if (recovered === null) continue;
    out.push({ values, recovered, split: false, lostCell: true });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Combining rows: bounded backtracking over the candidates with the cross-row rules

interface Consensus {
  value: (number | null)[][];
  ambiguous: boolean[][];
  /** Every value a cell took across the surviving combinations (for messages). */
  seen: Set<number | null>[][];
  recovered: boolean[][];
  split: boolean[];
  lostCell: boolean[];
}

type SearchOutcome = { kind: "solved"; consensus: Consensus } | { kind: "none" } | { kind: "bounded" };

function solveTable(
  specs: RowSpec[],
  rules: ArithmeticRule[],
  limits: SolveLimits,
  columnAbsent: boolean,
): SolvedBlock {
  const candidates = specs.map((spec) => rowCandidates(spec, localRulesOf(spec, rules), limits));
  const outcome = searchRows(specs, candidates, rules, limits);
  const consensus =
    outcome.kind === "solved" ? outcome.consensus : rowByRowConsensus(specs, candidates);

  const values: Record<string, number | null> = {};
  const issues: ReportIssue[] = [];
  specs.forEach((spec, r) => spec.keys.forEach((key, i) => (values[key] = consensus.value[r][i])));
  if (outcome.kind !== "solved" && candidates.some((c) => c.length > 1)) {
    issues.push({
      code: "AMBIGUOUS_SPLIT",
      severity: "warning",
      message:
        outcome.kind === "bounded"
          ? "too many ways to place the numbers of this table; each row was placed on its own"
          : "no placement of this table's numbers satisfies every rule; each row was placed on its own",
    });
  }
  issues.push(...placementIssues(specs, candidates, consensus, columnAbsent));
  const ambiguousKeys = new Set(
    specs.flatMap((spec, r) => spec.keys.filter((_, i) => consensus.ambiguous[r][i])),
  );
  issues.push(...recoverByRules(values, rules, ambiguousKeys));
  if (specs.some((spec) => spec.tokens !== null)) issues.push(...unexplainedNulls(specs, values, issues));
  return { values, issues };
}

function searchRows(
  specs: RowSpec[],
  candidates: Candidate[][],
  rules: ArithmeticRule[],
  limits: SolveLimits,
): SearchOutcome {
  if (candidates.every((c) => c.length <= 1)) {
    // One placement per row: nothing to choose. Rules the printed numbers break stay broken.
    return { kind: "solved", consensus: consensusOf(specs, candidates, candidates.map(() => 0)) };
  }
  const cellIndex = new Map<string, [number, number]>();
  specs.forEach((spec, r) => spec.keys.forEach((key, i) => cellIndex.set(key, [r, i])));
  const value = specs.map((spec) => spec.keys.map(() => NaN));

  // Cross-row rules only; a rule broken by rows that have one placement each is a printed break
  // for the checks to report, not evidence about the other rows.
  const crossRules = rules
    .map((rule) => ({
      left: rule.left.map((k) => cellIndex.get(k)!),
      right: rule.right.map((k) => cellIndex.get(k)!),
    }))
    .filter((rule) => new Set([...rule.left, ...rule.right].map(([r]) => r)).size > 1)
    .filter((rule) => {
      const rows = new Set([...rule.left, ...rule.right].map(([r]) => r));
      if ([...rows].some((r) => candidates[r].length !== 1)) return true;
      rows.forEach((r) => candidates[r][0].values.forEach((v, i) => (value[r][i] = v ?? NaN)));
      return partialHolds(value, rule);
    });
  value.forEach((row) => row.fill(NaN));

  const rulesOfRow = specs.map((_, r) =>
    crossRules.filter((rule) => [...rule.left, ...rule.right].some(([row]) => row === r)),
  );
  // Fixed rows first, then the most constrained; totals before parts helps the ≤ pruning.
  const order = specs
    .map((_, r) => r)
    .filter((r) => candidates[r].length > 0)
    .sort((a, b) => candidates[a].length - candidates[b].length);
  const varying = candidates.map((list) => varyingCells(list));

  let consensus: Consensus | null = null;
  const chosen = specs.map(() => -1);
  let nodes = 0;
  let exhausted = false;
  let settled = false;

  const walk = (depth: number): void => {
    if (settled || exhausted) return;
    if (depth === order.length) {
      consensus = mergeSolution(consensus, specs, candidates, chosen);
      settled = everyVaryingCellAmbiguous(consensus, varying);
      return;
    }
    const r = order[depth];
    for (let c = 0; c < candidates[r].length; c++) {
      if (++nodes > limits.tableBudget) {
        exhausted = true;
        return;
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

type CellRef = [row: number, cell: number];

/**
 * Whether sum(left) = sum(right) can still hold: with every cell a count ≥ 0, a fully known side
 * bounds the known part of the other side. Unknown cells are NaN.
 */
function partialHolds(value: number[][], rule: { left: CellRef[]; right: CellRef[] }): boolean {
  let leftKnown = 0;
  let rightKnown = 0;
  let leftOpen = false;
  let rightOpen = false;
  for (const [r, i] of rule.left) {
    const v = value[r][i];
    if (Number.isNaN(v)) leftOpen = true;
    else leftKnown += v;
  }
  for (const [r, i] of rule.right) {
    const v = value[r][i];
    if (Number.isNaN(v)) rightOpen = true;
    else rightKnown += v;
  }
  if (!leftOpen && !rightOpen) return leftKnown === rightKnown;
  if (!leftOpen) return rightKnown <= leftKnown;
  if (!rightOpen) return leftKnown <= rightKnown;
  return true;
}

function varyingCells(list: Candidate[]): boolean[] {
  if (list.length === 0) return [];
  return list[0].values.map((v, i) => list.some((c) => c.values[i] !== v));
}

function everyVaryingCellAmbiguous(consensus: Consensus, varying: boolean[][]): boolean {
  return varying.every((cells, r) => cells.every((varies, i) => !varies || consensus.ambiguous[r][i]));
}

function consensusOf(specs: RowSpec[], candidates: Candidate[][], chosen: number[]): Consensus {
  return mergeSolution(null, specs, candidates, chosen);
}

/** Folds one complete combination into the running consensus. */
function mergeSolution(
  into: Consensus | null,
  specs: RowSpec[],
  candidates: Candidate[][],
  chosen: number[],
): Consensus {
  const pick = (r: number) => (chosen[r] >= 0 ? candidates[r][chosen[r]] : undefined);
  if (into === null) {
    return {
      value: specs.map((spec, r) => spec.keys.map((_, i) => pick(r)?.values[i] ?? null)),
      ambiguous: specs.map((spec) => spec.keys.map(() => false)),
      seen: specs.map((spec, r) => spec.keys.map((_, i) => new Set([pick(r)?.values[i] ?? null]))),
      recovered: specs.map((spec, r) => spec.keys.map((_, i) => pick(r)?.recovered[i] ?? false)),
      split: specs.map((_, r) => pick(r)?.split ?? false),
      lostCell: specs.map((_, r) => pick(r)?.lostCell ?? false),
    };
  }
  specs.forEach((spec, r) => {
    const candidate = pick(r);
    if (!candidate) return;
    into.split[r] ||= candidate.split;
    into.lostCell[r] ||= candidate.lostCell;
    spec.keys.forEach((_, i) => {
      const v = candidate.values[i];
      into.seen[r][i].add(v);
      into.recovered[r][i] ||= candidate.recovered[i];
      if (v !== into.value[r][i] || into.ambiguous[r][i]) {
        into.ambiguous[r][i] = true;
        into.value[r][i] = null;
      }
    });
  });
  return into;
}

/** Without a combination that satisfies the rules, each row keeps what its own candidates agree on. */
function rowByRowConsensus(specs: RowSpec[], candidates: Candidate[][]): Consensus {
  let consensus: Consensus | null = null;
  const most = Math.max(1, ...candidates.map((c) => c.length));
  for (let k = 0; k < most; k++) {
    const chosen = candidates.map((list) => (list.length === 0 ? -1 : Math.min(k, list.length - 1)));
    consensus = mergeSolution(consensus, specs, candidates, chosen);
  }
  return consensus!;
}

// ---------------------------------------------------------------------------------------------
// Issues

function placementIssues(
  specs: RowSpec[],
  candidates: Candidate[][],
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
        return `${key} could be ${[...consensus.seen[r][i]].map((v) => v ?? "unknown").join(" or ")}`;
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
      issues.push(lostCellIssue(spec, candidates[r], consensus, r));
    } else if (fromRow.length > 0) {
      issues.push({
        code: "VALUE_RECOVERED",
        severity: "warning",
        keys: fromRow,
        message: `row ${spec.label}: blank ${describeCells(spec, consensus, r, fromRow)} recovered as the sum of its parts`,
      });
    }
    // A run with only one possible cut was read, not chosen; name only rows the rules settled.
    if (consensus.split[r] && candidates[r].length > 1) {
      splitKeys.push(...keysWhere((i) => consensus.value[r][i] !== null));
    }
    if (spec.tokens !== null && candidates[r].length === 0) {
      issues.push({
        code: "CELL_UNREADABLE",
        severity: "error",
        keys: spec.keys,
        message: `row ${spec.label}: ${spec.tokens.length} numbers (${spec.tokens.join(" ")}) cannot be placed in ${spec.present.filter(Boolean).length} columns`,
      });
    }
  });
  if (columnAbsent && absentTotals.length > 0) {
    issues.push({
      code: "VALUE_RECOVERED",
      severity: "warning",
      keys: absentTotals,
      message: `a column is not printed; ${absentTotals.length} of its cells were recovered from each row's arithmetic (row sums)`,
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
 * A row that lost a printed cell. When only one position of the lost cell fits the table, that
 * cell is named; when several fit, every placed cell of the row depended on the choice.
 */
function lostCellIssue(spec: RowSpec, candidates: Candidate[], consensus: Consensus, r: number): ReportIssue {
  const count = (spec.tokens ?? []).length;
  const columns = spec.present.filter(Boolean).length;
  const positions = candidates.filter((c) => c.lostCell).length;
  const keys =
    positions === 1
      ? spec.keys.filter((_, i) => consensus.recovered[r][i] && consensus.value[r][i] !== null)
      : spec.keys.filter((_, i) => consensus.value[r][i] !== null);
  const how =
    positions === 1
      ? `${describeCells(spec, consensus, r, keys)} recovered from the row's arithmetic`
      : `the lost cell's position was settled by the table's arithmetic (${describeCells(spec, consensus, r, keys)})`;
  return {
    code: "ROW_INCOMPLETE",
    severity: "warning",
    keys,
    message: `row ${spec.label} has ${count} numbers for ${columns} columns; ${how}`,
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
        message: `${key} (${metricLabel(key)}) not read; recovered as ${value} from ${rule.id}`,
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
