/** Format detection: content first (magic bytes, markup), the file name's extension second. */
import { isWordDocument } from "./doc";
import type { ExtractedDocument } from "./index";

export type DocumentFormat = ExtractedDocument["format"];

/** A document format recognised by its bytes but not read, described for the error message. */
export interface UnreadFormat {
  unread: string;
}

const SNIFF_BYTES = 8 * 1024;

// Formats agencies also publish in, told by their first bytes (latin-1): an OLE compound file
// other than a Word document (read as "doc"), scans, RTF.
const OLE_MAGIC = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
const UNREAD_BY_MAGIC: [magic: string, what: string][] = [
  [OLE_MAGIC, "an older Office file (Excel or PowerPoint 97-2003, or WPS) that is not a Word document"],
  ["\x89PNG", "a PNG image"],
  ["\xff\xd8\xff", "a JPEG image"],
  ["GIF8", "a GIF image"],
  ["II*\x00", "a TIFF image"],
  ["MM\x00*", "a TIFF image"],
  ["{\\rtf", "an RTF document"],
];
// Zip-based formats other than DOCX, told by the names of their entries.
const UNREAD_ZIPS: [entry: string, what: string][] = [
  ["OFD.xml", "an OFD document"],
  ["xl/workbook", "an Excel workbook (.xlsx)"],
  ["ppt/presentation", "a PowerPoint file (.pptx)"],
  ["opendocument.text", "an OpenDocument text (.odt)"],
  ["opendocument.spreadsheet", "an OpenDocument spreadsheet (.ods)"],
];

/**
 * The format of a file: one the reader reads, one it recognises but does not read, or "binary"
 * for bytes of no known kind.
 */
export function sniffFormat(bytes: Uint8Array, fileName: string): DocumentFormat | UnreadFormat | "binary" {
  const head = latin1(bytes.subarray(0, SNIFF_BYTES));
  if (head.slice(0, 1024).includes("%PDF-")) return "pdf";
  if (head.startsWith("PK\u0003\u0004")) {
    if (isDocx(bytes)) return "docx";
    const zip = UNREAD_ZIPS.find(([entry]) => includesBytes(bytes, entry));
    if (zip) return { unread: zip[1] };
    return /\.docx$/i.test(fileName) ? "docx" : "binary";
  }
  // A truncated .doc may have lost its directory: its name then says what it was.
  if (head.startsWith(OLE_MAGIC) && (isWordDocument(bytes) || /\.doc$/i.test(fileName))) return "doc";
  const magic = UNREAD_BY_MAGIC.find(([start]) => head.startsWith(start));
  if (magic) return { unread: magic[1] };
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
  return includesBytes(bytes, "word/document.xml");
}

function includesBytes(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text);
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
