/**
 * Numeric tokens of one row: the text between a row label and the next label, with everything
 * that is not a cell value taken out (notes in brackets, 第二十条第（五）项, a next row's
 * enumerator "2."), and the blank cells of a tab-separated row marked `""`.
 */
import { isCjk } from "./normalize";

// A bracketed note on one line: 1（主动撤回）, （区分处理的，…）, （单位：万元）, （一）. Notes may
// hold digits of their own ("（含2件）"), which are not cell values. Words right after a note are
// the rest of its label and go with it: left alone, the 无 of a wrapped （四）无 / 法提供 would
// read as a cell printed 无.
const INLINE_NOTE = /(\([^()\t\n]{0,80}\))[\u3400-\u9fff]*/g;
// A bracketed label wrapped over lines: no digits inside, so nothing of value is lost.
const WRAPPED_NOTE = /(\([^()\d]{0,80}\))[\u3400-\u9fff]*/g;
// References to articles and items: 第二十条第（五）项, 第一项加第二项.
const ARTICLE_REFERENCE = /第[^第\t\n\d]{0,10}?[条项款]/g;
// A row's own enumerator before its label (3.其他, (1)属于…), where a layout repeats a group
// label before it; not when a digit precedes it (a run of cells: only cutEnumerator knows there).
const LABEL_ENUMERATOR = /(^|[\t \n\u3400-\u9fff)])(?:\d{1,2}\s*[.、]|\(\s*\d{1,2}\s*\))(?=\s*[\u3400-\u9fff])/gm;
// Column headers an OCR tool numbered itself: 数据1 … 数据6.
const NUMBERED_HEADER = /数据\s*\d+/g;
// A printed cell that says "nothing": a dash, a slash, 无.
const PLACEHOLDER = /^(?:[-—–/\\]+|无)$/;
// A zero written as the Chinese numeral 〇, which NFKC leaves as it is.
const ZERO_CHARACTER = "〇";
// Prose after a table's last row (a sentence, or a note: 注：1.本表…): numbers from here on are
// not cells.
const SENTENCE_END = /。|^[ \t]*(?:注|备注|说明)[ \t]*[:：]/m;

export interface TokenOptions {
  /** Accept a leading minus (template 2019's 本年增/减). */
  signed?: boolean;
}

/** Removes bracketed notes and article references, which never hold a cell value. */
export function stripNotes(segment: string): string {
  let text = segment;
  if (text.includes("(")) {
    text = text
      .replace(INLINE_NOTE, (whole, note: string) => (hasCjk(note) ? " " : whole))
      .replace(WRAPPED_NOTE, (whole, note: string) => (hasCjk(note) ? " " : whole));
  }
  if (text.includes("第")) text = text.replace(ARTICLE_REFERENCE, " ");
  if (text.includes("数据")) text = text.replace(NUMBERED_HEADER, " ");
  if (/[.、(]/.test(text)) text = text.replace(LABEL_ENUMERATOR, "$1 ");
  return text;
}

function hasCjk(text: string): boolean {
  for (const char of text) if (isCjk(char)) return true;
  return false;
}

/** The numbers in free text, in order; a line holding only a dash or 无 is a blank cell `""`. */
export function scanNumbers(text: string, options: TokenOptions = {}): string[] {
  const tokens: string[] = [];
  for (const line of text.includes("\n") ? text.split("\n") : [text]) {
    const trimmed = line.trim();
    if (trimmed.length <= 6 && PLACEHOLDER.test(trimmed)) tokens.push("");
    else if (trimmed === ZERO_CHARACTER) tokens.push("0");
    else numbersOfLine(trimmed, options.signed === true, tokens);
  }
  return tokens;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Appends the numbers of one line: digit runs with thousands groups (1,234 → 1234) and a decimal
 * part; when `signed`, a minus that starts a cell (not one between digits, as in a date) is kept.
 * A hand-written scan: this runs over every cell of every table.
 */
function numbersOfLine(line: string, signed: boolean, out: string[]): void {
  const length = line.length;
  let i = 0;
  while (i < length) {
    if (!isDigit(line.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < length && isDigit(line.charCodeAt(end))) end++;
    let number = line.slice(i, end);
    if (end - i <= 3) {
      while (
        line.charCodeAt(end) === 44 /* , */ &&
        isDigit(line.charCodeAt(end + 1)) &&
        isDigit(line.charCodeAt(end + 2)) &&
        isDigit(line.charCodeAt(end + 3)) &&
        !isDigit(line.charCodeAt(end + 4))
      ) {
        number += line.slice(end + 1, end + 4);
        end += 4;
      }
    }
    if (line.charCodeAt(end) === 46 /* . */ && isDigit(line.charCodeAt(end + 1))) {
      let fraction = end + 1;
      while (fraction < length && isDigit(line.charCodeAt(fraction))) fraction++;
      number += line.slice(end, fraction);
      end = fraction;
    }
    out.push(signed && startsWithMinus(line, i) ? `-${number}` : number);
    i = end;
  }
}

// Minus signs as documents print them: the ASCII hyphen-minus (NFKC has already folded the
// full-width －), the typographic minus U+2212 and the en dash U+2013 that word processors and
// PDF tools set in its place. NFKC leaves those two alone.
const MINUS_SIGNS = new Set(["-", "\u2212", "\u2013"]);

/**
 * A negative sign right before position `at` (one space allowed): a minus that does not follow a
 * digit or dot (not a date's or a range's dash), or the word 减/减少 ("decrease by"), which some
 * agencies write in 本年增/减 instead of a minus. Dropping either turns a decrease into an
 * increase with nothing to show for it: table 二 has no arithmetic to catch it.
 */
function startsWithMinus(line: string, at: number): boolean {
  let k = at - 1;
  if (line[k] === " ") k--;
  if (line[k] === "减" || (line[k] === "少" && line[k - 1] === "减")) return true;
  if (!MINUS_SIGNS.has(line[k])) return false;
  const before = line.charCodeAt(k - 1);
  return !(isDigit(before) || before === 46);
}

/**
 * Cuts a segment before the first sentence that follows its numbers: a note or the prose after
 * the table is not part of the last row.
 */
export function cutProse(segment: string): string {
  const firstDigit = segment.search(/\d/);
  if (firstDigit < 0) return segment;
  const sentence = segment.slice(firstDigit).search(SENTENCE_END);
  if (sentence < 0) return segment;
  const cut = segment.lastIndexOf("\n", firstDigit + sentence);
  return segment.slice(0, Math.max(cut, firstDigit));
}

/**
 * Tokens of the cells that follow a row label. When the label's own line is a tab-separated row
 * (label⇥cell⇥cell…), its fields are read one by one: a blank field between numbers is a cell
 * printed blank and becomes `""` (the solver's blank-cell mark; blank means 0 unless it is a
 * total). Leading blank fields are merged label cells; trailing ones are grid padding, except
 * that trailing blanks are kept up to `columns` cells (a blank 总计). Anything after that line
 * (a number pushed to the next line) is scanned as free text.
 */
export function rowTokens(segment: string, columns: number, options: TokenOptions = {}): string[] {
  return cleanRowTokens(stripNotes(segment), columns, options);
}

/** rowTokens of a segment already through stripNotes. */
export function cleanRowTokens(clean: string, columns: number, options: TokenOptions = {}): string[] {
  const lineEnd = clean.indexOf("\n");
  const firstLine = lineEnd < 0 ? clean : clean.slice(0, lineEnd);
  const rest = lineEnd < 0 ? "" : clean.slice(lineEnd + 1);
  if (!firstLine.includes("\t")) return cellLineTokens(clean, options);
  const fields = firstLine.split("\t").slice(1).map((f) => f.trim());
  const cells = tabFieldTokens(fields, columns, options);
  if (cells.length > 0) return [...cells, ...scanNumbers(rest, options)];
  const following = cellLineTokens(rest, options);
  // A row printed with every cell blank: as many empty fields as cells, nothing after.
  if (following.length === 0 && fields.length >= columns && fields.every((f) => f === "")) {
    return Array.from({ length: columns }, () => "");
  }
  return following;
}

/**
 * Numbers of a text where each cell may sit on its own tab-led line (one cell per line). There a
 * tab-only line between two number lines of the same block is a cell printed blank (`""`); tab
 * lines before a block's first number are merged label cells, and a number pushed past an empty
 * line is still read. Text in other layouts has no such lines and reads as free text.
 */
export function cellLineTokens(text: string, options: TokenOptions = {}): string[] {
  const tokens: string[] = [];
  let blanks = 0;
  let inBlock = false;
  for (const line of text.split("\n")) {
    if (/^\t[ \t]*$/.test(line)) {
      if (inBlock) blanks++;
      continue;
    }
    const numbers = scanNumbers(line, options);
    if (numbers.length === 0) {
      blanks = 0;
      inBlock = false;
      continue;
    }
    for (; blanks > 0; blanks--) tokens.push("");
    tokens.push(...numbers);
    inBlock = line.startsWith("\t");
  }
  return tokens;
}

/** Cells of a tab-separated line; blank and placeholder cells are `""`. */
export function tabFieldTokens(fields: string[], columns: number, options: TokenOptions = {}): string[] {
  let first = 0;
  let last = fields.length - 1;
  while (first <= last && !isCell(fields[first])) first++;
  while (last >= first && !isCell(fields[last])) last--;
  if (first > last) return [];
  const tokens: string[] = [];
  for (let i = first; i <= last; i++) tokens.push(...fieldTokens(fields[i], options));
  for (let i = last + 1; i < fields.length && tokens.length < columns && fields[i] === ""; i++) {
    tokens.push("");
  }
  return tokens;
}

/** One tab field: one cell, so digits split by stray spaces (1 5) are one number. */
function fieldTokens(field: string, options: TokenOptions): string[] {
  if (field === "" || PLACEHOLDER.test(field)) return [""];
  if (/^\d[\d ]*\d$/.test(field)) return [field.replace(/ /g, "")];
  // a field of words only (a label pushed into the wrong column) holds no cell
  return scanNumbers(field, options).filter((t) => t !== "");
}

/** A field holding a cell: a number (〇 too), or a placeholder (a dash, a slash, 无). */
export function isCell(field: string): boolean {
  return PLACEHOLDER.test(field) || field === ZERO_CHARACTER || /\d/.test(field);
}

/**
 * Cuts the next row's enumerator off the end of a segment: "…0000000" + "2." + "其他法律…", or
 * "(2)". Only the enumerator the template expects is cut, so a value ending in the same digit
 * survives when no separator follows it.
 */
export function cutEnumerator(segment: string, enumerator: number | null): string {
  if (enumerator === null) return segment;
  const pattern =
    ENUMERATOR_PATTERNS[enumerator] ??
    new RegExp(`(?:${enumerator}\\s*[.、．]|\\(\\s*${enumerator}\\s*\\))\\s*[^\\d\\t\\n]*$`);
  const match = pattern.exec(segment);
  return match ? segment.slice(0, match.index) : segment;
}

const ENUMERATOR_PATTERNS: RegExp[] = Array.from(
  { length: 10 },
  (_, n) => new RegExp(`(?:${n}\\s*[.、．]|\\(\\s*${n}\\s*\\))\\s*[^\\d\\t\\n]*$`),
);
