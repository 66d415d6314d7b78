/** DOCX → text: mammoth turns the document into HTML, then the HTML path makes table rows TAB lines. */
import mammoth from "mammoth";
import { ExtractionFailure } from "./failure";
import { htmlToText } from "./html";

export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: true });
    html = result.value;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ExtractionFailure("UNREADABLE_DOCUMENT", `not a readable DOCX: ${reason}`, cause);
  }
  return htmlToText(html);
}
