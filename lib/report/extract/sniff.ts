/** Format detection: content first (magic bytes, markup), the file name's extension second. */
import type { ExtractedDocument } from "./index";

export type DocumentFormat = ExtractedDocument["format"];

const SNIFF_BYTES = 8 * 1024;

/** The format of a file, or null when its bytes are binary of a kind we do not read. */
export function sniffFormat(bytes: Uint8Array, fileName: string): DocumentFormat | "binary" {
  const head = latin1(bytes.subarray(0, SNIFF_BYTES));
  if (head.slice(0, 1024).includes("%PDF-")) return "pdf";
  if (head.startsWith("PK\u0003\u0004")) return isDocx(bytes) || /\.docx$/i.test(fileName) ? "docx" : "binary";
  if (looksBinary(bytes.subarray(0, SNIFF_BYTES), head)) {
    // A truncated or damaged document keeps its extension as the only clue.
    if (/\.pdf$/i.test(fileName)) return "pdf";
    if (/\.docx$/i.test(fileName)) return "docx";
    return "binary";
  }
  if (looksLikeHtml(head)) return "html";
  if (/\.(html?|xhtml)$/i.test(fileName) && /<[a-z!/]/i.test(head)) return "html";
  return "text";
}

/** A DOCX is a zip whose entries include word/document.xml (named in the central directory). */
function isDocx(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("word/document.xml");
}

function looksLikeHtml(head: string): boolean {
  const start = head.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "").trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<?xml") && head.includes("<html")) return true;
  const tags = head.match(/<\/?(?:html|head|body|div|p|table|tr|td|span|meta|br|h[1-6])\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 5;
}

/**
 * Binary: NUL bytes, or many control characters other than tab/CR/LF/FF/ESC. Text in any of the
 * charsets we read (UTF-8, GBK, UTF-16 with BOM) passes.
 */
export function looksBinary(sample: Uint8Array, sampleLatin1?: string): boolean {
  if (sample.length >= 2 && ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))) return false;
  // memchr through a Buffer view: several times faster than TypedArray includes().
  if (Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).indexOf(0) >= 0) return true;
  // Counted by the regex engine over the latin-1 view (one character per byte), not a JS loop.
  const text = sampleLatin1 ?? latin1(sample);
  const control = text.match(CONTROL)?.length ?? 0;
  return control > sample.length * 0.02;
}

/** Control bytes other than NUL (tested first) and tab, LF, FF, CR and ESC. */
const CONTROL = /[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f]/g;

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}
