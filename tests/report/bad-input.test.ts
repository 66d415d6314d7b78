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

  it("a damaged .doc that makes its library fail fatally is UNREADABLE_DOCUMENT, and this process lives on", async () => {
    // Two bytes of the directory changed: word-extractor then grows an array past V8's limit, which
    // aborts whatever process runs it (the reason it runs in a child process).
    const doc = new Uint8Array(fixture("converted/000.lo.doc"));
    doc[884] = 22;
    doc[668] = 82;
    const result = await extractDocument(doc, "damaged.doc");
    expect(result).toEqual({ error: { code: "UNREADABLE_DOCUMENT", message: expect.stringMatching(/not a readable Word 97-2003 document/) } });
  });

  it("a truncated DOCX, DOC or PDF is UNREADABLE_DOCUMENT", async () => {
    const docx = fixture("converted/000.docx");
    expect(await errorCode(docx.subarray(0, docx.length >> 1), "000.docx")).toBe("UNREADABLE_DOCUMENT");
    const doc = fixture("converted/000.lo.doc");
    expect(await errorCode(doc.subarray(0, doc.length >> 1), "000.doc")).toBe("UNREADABLE_DOCUMENT");
    expect(await errorCode(doc.subarray(0, 4096), "000.doc")).toBe("UNREADABLE_DOCUMENT");
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

  it("PDF and DOC extraction is bounded in time: TIMEOUT", async () => {
    expect(await errorCode(fixture("real/r01.pdf"), "r01.pdf", 1)).toBe("TIMEOUT");
    expect(await errorCode(fixture("converted/000.lo.doc"), "000.doc", 5)).toBe("TIMEOUT");
  });

  it("a zip that is not a Word document is BINARY_FILE, not a crash", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("mimetypeapplication/epub+zip")]);
    expect(await errorCode(zip, "book.epub")).toBe("BINARY_FILE");
  });

  it("a format agencies publish in but the reader does not read is UNSUPPORTED_FORMAT, saying what it is", async () => {
    const bytesOf = (...parts: (number[] | string)[]) =>
      new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...new TextEncoder().encode(part)] : part)));
    const message = async (bytes: Uint8Array, name: string) => {
      const result = await extractDocument(bytes, name);
      return "error" in result ? `${result.error.code}: ${result.error.message}` : "read";
    };
    const oleHeader = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
    expect(await message(bytesOf(oleHeader), "2023年报.xls")).toMatch(/^UNSUPPORTED_FORMAT: an older Office file .*save it as \.docx or PDF/);
    expect(await message(bytesOf([0x89], "PNG\r\n", [0x1a, 0x0a, 0, 0, 0, 13]), "scan.pdf")).toMatch(/^UNSUPPORTED_FORMAT: a PNG image.*OCR/);
    expect(await message(bytesOf([0xff, 0xd8, 0xff, 0xe0, 0, 16]), "scan.jpg")).toMatch(/^UNSUPPORTED_FORMAT: a JPEG image/);
    expect(await message(bytesOf("{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}"), "report.rtf")).toMatch(/^UNSUPPORTED_FORMAT: an RTF document/);
    expect(await message(bytesOf("PK", [3, 4], "OFD.xml Doc_0/Document.xml"), "report.ofd")).toMatch(/^UNSUPPORTED_FORMAT: an OFD document/);
    expect(await message(bytesOf("PK", [3, 4], "[Content_Types].xml xl/workbook.xml"), "report.xlsx")).toMatch(/^UNSUPPORTED_FORMAT: an Excel workbook/);
  });

  it("readReport passes every failure through as a ReadError with the file name", async () => {
    await expect(readReport(new Uint8Array(), "empty.txt")).resolves.toEqual({
      file: "empty.txt",
      error: { code: "EMPTY_FILE", message: expect.any(String) },
    });
  });
});
