/** What we keep about a source document besides its bytes: digest, format and text encoding. */
import { createHash } from "node:crypto";
import path from "node:path";
import chardet from "chardet";
import type { SourceFormat } from "../schema";

export interface SourceFacts {
  sha256: string;
  format: SourceFormat;
  /** Text encoding of a text document; null for binary formats (docx, doc, pdf). */
  charset: string | null;
  byteSize: number;
}

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".docx": "docx",
  ".doc": "doc",
  ".pdf": "pdf",
};

/** Extensions the importer picks up when it walks a folder. */
export const REPORT_EXTENSIONS = new Set(Object.keys(FORMAT_BY_EXTENSION));

export function sourceFormatOf(fileName: string): SourceFormat {
  return FORMAT_BY_EXTENSION[path.extname(fileName).toLowerCase()] ?? "other";
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function describeSource(bytes: Uint8Array, fileName: string): SourceFacts {
  const format = sourceFormatOf(fileName);
  const binary = format === "docx" || format === "doc" || format === "pdf";
  return { sha256: sha256Of(bytes), format, charset: binary ? null : charsetOf(bytes), byteSize: bytes.byteLength };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 when the bytes decode as UTF-8 (the common case, checked exactly); otherwise chardet's guess. */
export function charsetOf(bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return null;
  try {
    utf8.decode(bytes);
    return "UTF-8";
  } catch {
    return chardet.detect(bytes) ?? null;
  }
}
