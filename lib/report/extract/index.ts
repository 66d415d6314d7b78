/**
 * Text extraction: any supported file's bytes to the reader's plain text, where each table row is
 * one line with its cells joined by TABs. Never throws: bad input becomes a ReadError code.
 *
 * Formats are sniffed from the content (PDF magic, a zip holding word/document.xml, HTML markup),
 * the file name's extension only breaking ties for damaged files. Limits:
 *  - MAX_DOCUMENT_BYTES (20 MiB): larger files are FILE_TOO_LARGE (the CLI checks the size before
 *    reading the file);
 *  - MAX_TEXT_CHARS (2 million characters of extracted text; a report has some 10–30 thousand);
 *  - DEFAULT_TIMEOUT_MS (20 s) for Word (DOCX, DOC) and PDF extraction: TIMEOUT.
 */
import type { ReadError } from "../types";
import { decodeText, normalizeCharset } from "./charset";
import { extractDocText } from "./doc";
import { extractDocxText } from "./docx";
import { ExtractionFailure } from "./failure";
import { htmlToText } from "./html";
import { withoutInvisibles } from "./invisible";
import { extractPdfText, withDeadline } from "./pdf";
import { sniffFormat } from "./sniff";

export interface ExtractedDocument {
  text: string;
  format: "text" | "html" | "docx" | "doc" | "pdf";
  /** The charset the bytes were decoded from (text and HTML); null for Word documents and PDF. */
  charset: string | null;
}

export interface ExtractOptions {
  /** Time bound for DOCX and PDF extraction, in milliseconds. */
  timeoutMs?: number;
}

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const MAX_TEXT_CHARS = 2_000_000;
export const DEFAULT_TIMEOUT_MS = 20_000;

type Failure = Pick<ReadError, "error">;

export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions = {},
): Promise<ExtractedDocument | Failure> {
  if (bytes.length === 0) return fail("EMPTY_FILE", "the file is empty");
  if (bytes.length > MAX_DOCUMENT_BYTES) return tooLarge(bytes.length);
  try {
    const document = await extractByFormat(bytes, fileName, options);
    return checkText({ ...document, text: withoutInvisibles(document.text) });
  } catch (cause) {
    if (cause instanceof ExtractionFailure) return fail(cause.code, cause.message);
    // A library failing on input it could not handle: the file is unreadable, not the program broken.
    return fail("UNREADABLE_DOCUMENT", cause instanceof Error ? cause.message : String(cause));
  }
}

async function extractByFormat(bytes: Uint8Array, fileName: string, options: ExtractOptions): Promise<ExtractedDocument> {
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const format = sniffFormat(bytes, fileName);
  if (typeof format === "object") {
    const advice = /image/.test(format.unread) ? "the reader needs text: run OCR on it first" : "save it as .docx or PDF to read it";
    throw new ExtractionFailure("UNSUPPORTED_FORMAT", `${format.unread}, which the reader does not read (.txt, .md, .html, .docx, .doc, .pdf); ${advice}`);
  }
  switch (format) {
    case "binary":
      throw new ExtractionFailure("BINARY_FILE", "binary content that is neither PDF nor DOCX");
    case "pdf":
      return { text: await extractPdfText(bytes, deadline), format, charset: null };
    case "docx":
      return { text: await withDeadline(extractDocxText(bytes), deadline), format, charset: null };
    case "doc":
      return { text: await extractDocText(bytes, deadline), format, charset: null };
    case "html": {
      const { text, charset } = decodeText(bytes, declaredCharset(bytes));
      return { text: htmlToText(text), format, charset };
    }
    case "text": {
      const { text, charset } = decodeText(bytes);
      // A form feed is a page break (pdftotext ends each page with one): a line break like any.
      return { text: text.replace(/\r\n?|\f/g, "\n"), format, charset };
    }
  }
}

// Words every annual report carries somewhere: its title, section headings or its prose.
const REPORT_MARKERS = /政府信息公开|政务公开|信息公开|年度报告|主动公开|依申请/;

/** Cheap sanity checks on the extracted text: something to read, not too much, about disclosure. */
function checkText(document: ExtractedDocument): ExtractedDocument | Failure {
  const visible = document.text.trim();
  if (visible === "") {
    return document.format === "pdf"
      ? fail("UNREADABLE_DOCUMENT", "the PDF has no text layer; OCR needed")
      : fail("EMPTY_FILE", "the file holds no text");
  }
  if (visible.length > MAX_TEXT_CHARS) {
    return fail("FILE_TOO_LARGE", `${visible.length} characters of text; the limit is ${MAX_TEXT_CHARS}`);
  }
  if (!REPORT_MARKERS.test(visible)) {
    return fail("NOT_A_REPORT", "no report title, heading or table about information disclosure");
  }
  return document;
}

/** The charset an HTML page declares in a meta tag within its first bytes. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString("latin1");
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match ? normalizeCharset(match[1]) : null;
}

function tooLarge(size: number): Failure {
  return fail("FILE_TOO_LARGE", `${size} bytes; the limit is ${MAX_DOCUMENT_BYTES} bytes`);
}

function fail(code: ReadError["error"]["code"], message: string): Failure {
  return { error: { code, message } };
}
