/** Text extraction: any supported file's bytes to the reader's plain text. */
import type { ReadError } from "../types";

export interface ExtractedDocument {
  text: string;
  format: "text" | "html" | "docx" | "pdf";
  charset: string | null;
}

// Placeholder until the extraction module lands: UTF-8 text only.
export async function extractDocument(
  bytes: Uint8Array,
  _fileName: string,
): Promise<ExtractedDocument | Pick<ReadError, "error">> {
  return { text: new TextDecoder("utf-8").decode(bytes), format: "text", charset: "UTF-8" };
}
