/**
 * Charset detection for text and HTML files. Reports reach us as UTF-8, UTF-8 with a BOM, or
 * GBK/GB18030 (older government sites); the charset is read from the bytes, never assumed.
 */
import { analyse } from "chardet";
import iconv from "iconv-lite";

export interface DecodedText {
  text: string;
  charset: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
// How many bytes chardet looks at: enough for a confident guess, cheap on a large file.
const SAMPLE_BYTES = 64 * 1024;

/** Decodes bytes whose charset is unknown. `declared` (an HTML meta charset) wins when valid. */
export function decodeText(bytes: Uint8Array, declared?: string | null): DecodedText {
  if (startsWith(bytes, UTF8_BOM)) return { text: utf8(bytes.subarray(3)), charset: "UTF-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), charset: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be"), charset: "UTF-16BE" };
  const strict = strictUtf8(bytes);
  if (strict !== null) return { text: strict, charset: "UTF-8" };
  const declaredCharset = declared ? normalizeCharset(declared) : null;
  if (declaredCharset && declaredCharset !== "UTF-8" && iconv.encodingExists(declaredCharset)) {
    return { text: iconv.decode(Buffer.from(bytes), declaredCharset), charset: declaredCharset };
  }
  return decodeLegacy(bytes);
}

/**
 * Not UTF-8: ask chardet, but judge its candidates (and GB18030, the superset of GBK/GB2312 that
 * mainland sites use) by how much readable Chinese each decoding yields; on short texts chardet
 * alone often says Big5 or EUC-KR for GBK bytes.
 */
function decodeLegacy(bytes: Uint8Array): DecodedText {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const candidates = new Set<string>(["GB18030"]);
  for (const match of analyse(sample).slice(0, 4)) {
    const name = normalizeCharset(match.name);
    if (name && iconv.encodingExists(name) && !name.startsWith("UTF")) candidates.add(name);
  }
  let best: { charset: string; score: number } | undefined;
  for (const charset of candidates) {
    const score = readability(iconv.decode(Buffer.from(sample), charset));
    if (!best || score > best.score) best = { charset, score };
  }
  const charset = best?.charset ?? "GB18030";
  return { text: iconv.decode(Buffer.from(bytes), charset), charset };
}

/** Share of characters that are ASCII, common CJK or CJK punctuation (not replacement or rare). */
function readability(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fa5) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) good++;
  }
  return good / text.length;
}

export function normalizeCharset(name: string): string | null {
  const n = name.trim().toLowerCase().replace(/^["']|["']$/g, "");
  if (n === "") return null;
  if (/^utf-?8$/.test(n)) return "UTF-8";
  if (["gbk", "gb2312", "gb18030", "x-gbk", "cp936", "euc-cn", "gb_2312-80"].includes(n)) return "GB18030";
  if (n === "big5" || n === "big5-hkscs") return "Big5";
  return name.trim().toUpperCase();
}

// Decoders are stateless between whole-buffer decode() calls: made once, not per file.
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });
const UTF8 = new TextDecoder("utf-8");

/** The bytes as UTF-8 text, or null when they are not valid UTF-8 (validated and decoded in one pass). */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

function utf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
