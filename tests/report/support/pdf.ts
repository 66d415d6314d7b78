/** Small PDFs written by hand for the extraction tests: the bytes of a one-page document. */
import { deflateSync } from "node:zlib";

/** A PDF of these objects (object 1 the catalog), with its cross-reference table. */
function pdfOf(objects: readonly string[]): Uint8Array {
  let body = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}

/**
 * A one-page A4 PDF drawing `content` (page operators), with Helvetica as /F1 unless `withFont`
 * is false; `compressed` stores the content stream deflated, as real PDFs do.
 */
export function onePagePdf(content: string, options: { withFont?: boolean; compressed?: boolean } = {}): Uint8Array {
  const { withFont = true, compressed = false } = options;
  const stream = compressed ? deflateSync(Buffer.from(content, "latin1")).toString("latin1") : content;
  const resources = withFont ? " /Resources << /Font << /F1 5 0 R >> >>" : "";
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]${resources} /Contents 4 0 R >>`,
    `<< /Length ${stream.length}${compressed ? " /Filter /FlateDecode" : ""} >>\nstream\n${stream}\nendstream`,
    ...(withFont ? ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"] : []),
  ]);
}
