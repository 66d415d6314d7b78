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
  return arabicYears(text.slice(0, HEAD_LENGTH).normalize("NFKC"))
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0\u3000]+/g, "")
    .replace(/^[#*>•·]+/gm, "");
}

const CHINESE_DIGITS = "〇一二三四五六七八九";
/** Characters a year may be written in: 〇 and 零 for zero. */
const YEAR_DIGITS = "〇零一二三四五六七八九";

/**
 * Every run of four year digits before 年 (whitespace allowed between) written in Arabic digits:
 * what /[〇零一二三四五六七八九]{4}(?=\s*年)/g does, found from each 年 backwards instead of by a
 * regex trying a CJK character class at every position of the head (the costliest step here).
 */
function arabicYears(text: string): string {
  let out = "";
  let done = 0;
  for (let at = text.indexOf("年"); at >= 0; at = text.indexOf("年", at + 1)) {
    let end = at;
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    const start = end - 4;
    if (start < done || !isYearDigits(text, start, end)) continue;
    out += text.slice(done, start) + chineseYear(text.slice(start, end));
    done = end;
  }
  return done === 0 ? text : out + text.slice(done);
}

function isYearDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!YEAR_DIGITS.includes(text[i])) return false;
  return true;
}

/** 二〇二三 → 2023 (零 is written for 〇 too). */
function chineseYear(digits: string): string {
  return [...digits].map((d) => String(CHINESE_DIGITS.indexOf(d === "零" ? "〇" : d))).join("");
}

/** A regular-expression source matching `word` with line breaks allowed between its characters. */
export function acrossLines(word: string): string {
  return [...word].join("\\n*");
}
