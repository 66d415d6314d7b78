/** Bad input never throws and never hangs: each kind comes back as its ReadError code. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { readReport } from "@/lib/report";
import { MAX_DOCUMENT_BYTES, extractDocument } from "@/lib/report/extract";
import { onePagePdf } from "./support/pdf";

const fixture = (file: string) => new Uint8Array(readFileSync(path.resolve(__dirname, "../fixtures", file)));

async function errorCode(bytes: Uint8Array, name: string, timeoutMs?: number): Promise<string | undefined> {
  const result = await extractDocument(bytes, name, timeoutMs === undefined ? {} : { timeoutMs });
  return "error" in result ? result.error.code : undefined;
}

/** A valid one-page PDF whose page draws a rectangle and no text: what a scanner without OCR makes. */
function pdfWithoutText(): Uint8Array {
  return onePagePdf("0 0 0 rg 72 72 200 100 re f", { withFont: false });
}

describe("bad input", () => {
  it("an empty file is EMPTY_FILE, and so is one holding only whitespace", async () => {
    expect(await errorCode(new Uint8Array(), "a.txt")).toBe("EMPTY_FILE");
    expect(await errorCode(new TextEncoder().encode(" \n\t\n"), "a.txt")).toBe("EMPTY_FILE");
  });

  it("binary junk is BINARY_FILE", async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    expect(await errorCode(junk, "report.txt")).toBe("BINARY_FILE");
  });

  it("a truncated DOCX or PDF is UNREADABLE_DOCUMENT", async () => {
    const docx = fixture("converted/000.docx");
    expect(await errorCode(docx.subarray(0, docx.length >> 1), "000.docx")).toBe("UNREADABLE_DOCUMENT");
    const pdf = fixture("real/r05.pdf");
    expect(await errorCode(pdf.subarray(0, pdf.length >> 2), "r05.pdf")).toBe("UNREADABLE_DOCUMENT");
  });

  it("a PDF without a text layer says OCR is needed", async () => {
    const result = await extractDocument(pdfWithoutText(), "scan.pdf");
    expect(result).toEqual({ error: { code: "UNREADABLE_DOCUMENT", message: expect.stringMatching(/no text layer.*OCR/) } });
  });

  it("an enormous file is FILE_TOO_LARGE, decided from its size", async () => {
    const huge = new Uint8Array(50 * 1024 * 1024);
    expect(huge.length).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    const started = Date.now();
    expect(await errorCode(huge, "huge.txt")).toBe("FILE_TOO_LARGE");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("readable text that is not a report is NOT_A_REPORT", async () => {
    const text = "今天天气很好，我们去公园散步。\n菜单：米饭、面条、饺子。\n".repeat(20);
    expect(await errorCode(new TextEncoder().encode(text), "notes.txt")).toBe("NOT_A_REPORT");
    expect(await errorCode(new TextEncoder().encode("<html><body><p>Hello</p><div>world</div><p>a</p><p>b</p><p>c</p></body></html>"), "x.html")).toBe("NOT_A_REPORT");
  });

  it("PDF extraction is bounded in time: TIMEOUT", async () => {
    expect(await errorCode(fixture("real/r01.pdf"), "r01.pdf", 1)).toBe("TIMEOUT");
  });

  it("a zip that is not a Word document is BINARY_FILE, not a crash", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("mimetypeapplication/epub+zip")]);
    expect(await errorCode(zip, "book.epub")).toBe("BINARY_FILE");
  });

  it("readReport passes every failure through as a ReadError with the file name", async () => {
    await expect(readReport(new Uint8Array(), "empty.txt")).resolves.toEqual({
      file: "empty.txt",
      error: { code: "EMPTY_FILE", message: expect.any(String) },
    });
  });
});
