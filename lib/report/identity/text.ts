/** Text helpers shared by the identity readers. */

/**
 * How much of a report the identity is read from: titles, preambles and contacts come first,
 * though a web page's navigation can push them a few thousand characters down.
 */
export const HEAD_LENGTH = 10_000;

/**
 * The report's opening, normalised for matching: NFKC (full-width （）：， become ()：,),
 * spaces and markdown marks removed inside lines, lines kept. Tables and prose further on
 * never decide the identity, and reading only the head keeps the step fast.
 */
export function normaliseHead(text: string): string {
  return text
    .slice(0, HEAD_LENGTH)
    .normalize("NFKC")
    .replace(/[〇零一二三四五六七八九]{4}(?=\s*年)/g, chineseYear)
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0\u3000]+/g, "")
    .replace(/^[#*>•·]+/gm, "");
}

const CHINESE_DIGITS = "〇一二三四五六七八九";

/** 二〇二三 → 2023 (零 is written for 〇 too). */
function chineseYear(digits: string): string {
  return [...digits].map((d) => String(CHINESE_DIGITS.indexOf(d === "零" ? "〇" : d))).join("");
}

/** A regular-expression source matching `word` with line breaks allowed between its characters. */
export function acrossLines(word: string): string {
  return [...word].join("\\n*");
}
