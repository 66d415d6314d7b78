/**
 * Text normalisation for the table reader. Every layout the extractors and crawlers leave
 * (markdown pipes, one cell per line, labels broken one character per line, page footers) is
 * brought to one form: NFKC text where table cells are separated by tabs or line breaks and
 * the words of a label are no longer split by whitespace.
 */

const CJK = "\\u3400-\\u9fff";

// Markdown decoration: separator rows (|---|:--:|), heading marks and bold marks.
const MARKDOWN_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm;
const MARKDOWN_HEADING = /^[ \t]*#{1,6}[ \t]*/gm;
const MARKDOWN_BOLD = /\*\*|__/g;
const PIPE = /[ \t]*\|[ \t]*/g;
const CLOSING_PIPE = /[ \t]*\|[ \t]*$/gm;
const OPENING_PIPE = /^[ \t]*\|[ \t]*/gm;
const OPENS_WITH_PIPE = new RegExp(OPENING_PIPE.source);

// Page chrome a PDF leaves between the rows of a table: "- 3 -", "第 3 页 共 9 页", "3/9".
const PAGE_MARKER =
  /^[ \t]*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})[ \t]*$/gm;

// ① … ⑳ enumerate rows; NFKC would turn them into bare digits that read like cell values.
const CIRCLED_NUMBER = /[\u2460-\u2473]/;
const CIRCLED_NUMBERS = /[\u2460-\u2473]/g;

// Whitespace without a tab between two CJK characters belongs inside a word: 自\n\n然\n\n人,
// 结 果 维 持. A tab is a cell boundary and is kept. A 无 alone in its field is a cell printed for
// "none", not part of the word before or after it (总计\n无\t无…, …\t无\n二、上年结转).
const SPLIT_WORD = new RegExp(`([${CJK}])(?<!(?:^|[\\t\\n])无)[ \\r\\n\\u00a0]+(?=(?!无(?:[\\t\\n]|$))[${CJK}])`, "g");

/** Normalises a report's text for locating and reading its tables. Linear in the text. */
export function normalizeText(text: string): string {
  let out = CIRCLED_NUMBER.test(text) ? text.replace(CIRCLED_NUMBERS, (c) => `(${c.charCodeAt(0) - 0x245f})`) : text;
  out = out.normalize("NFKC");
  if (out.includes("\r") || out.includes("\f")) out = out.replace(/\r\n?|\f/g, "\n");
  // Each markdown pass only where its mark occurs at all.
  if (out.includes("---")) out = out.replace(MARKDOWN_RULE, "");
  if (out.includes("#")) out = out.replace(MARKDOWN_HEADING, "");
  if (out.includes("**") || out.includes("__")) out = out.replace(MARKDOWN_BOLD, "");
  if (out.includes("|")) out = pipesToTabs(out);
  return out.replace(PAGE_MARKER, "").replace(SPLIT_WORD, "$1");
}

/**
 * Pipe-separated rows as TAB rows. A line's closing pipe ends its last cell; it does not open a
 * blank one. An opening pipe is markdown's (| a | b |) where the table's rows all start with one;
 * in web text, where a pipe follows every cell (a | b |), a line that starts with one starts with
 * a blank cell, which must stay.
 */
function pipesToTabs(text: string): string {
  const rows = text.split("\n").filter((line) => line.includes("|"));
  const opened = rows.filter((line) => OPENS_WITH_PIPE.test(line)).length;
  const markdown = rows.length >= 2 && opened >= 0.8 * rows.length;
  const closed = text.replace(CLOSING_PIPE, "");
  return (markdown ? closed.replace(OPENING_PIPE, "") : closed).replace(PIPE, "\t");
}

/** True for a CJK ideograph (a character that can belong to a label). */
export function isCjk(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return code >= 0x3400 && code <= 0x9fff;
}
