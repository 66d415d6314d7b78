/** PDFium's characters regrouped into text runs: the shape the PDF layout reads. */
import { describe, expect, it } from "vitest";
import { readPdfPages } from "@/lib/report/extract/pdf-pdfium.mjs";
import { onePagePdf } from "./support/pdf";


async function runsOf(content: string) {
  const [page] = await readPdfPages(onePagePdf(content));
  return page.items.map((item) => ({ ...item, width: Math.round(item.width * 100) / 100 }));
}

describe("PDF text runs", () => {
  it("reports the page height and each run's text, origin, size and advance width", async () => {
    const [page] = await readPdfPages(onePagePdf("BT /F1 10 Tf 100 700 Td (Hello) Tj ET"));
    expect(page.height).toBe(842);
    // Helvetica advances: H 722, e 556, l 222, l 222, o 556 thousandths of an em
    expect(await runsOf("BT /F1 10 Tf 100 700 Td (Hello) Tj ET")).toEqual([
      { str: "Hello", transform: [10, 0, 0, 10, 100, 700], width: 22.78, height: 10, vertical: false },
    ]);
  });

  it("writes a gap of a few tenths of an em as a space, and starts a new run at a wider gap", async () => {
    const runs = await runsOf("BT /F1 10 Tf 100 700 Td [(Total) -300 (42)] TJ ET BT /F1 10 Tf 200 700 Td (next) Tj ET");
    expect(runs.map((r) => [r.str, r.transform[4]])).toEqual([["Total 42", 100], ["next", 200]]);
  });

  it("starts a new run where the font size changes", async () => {
    const runs = await runsOf("BT /F1 10 Tf 100 700 Td (Hello) Tj ET BT /F1 14 Tf 122.78 700 Td (Big) Tj ET");
    expect(runs.map((r) => [r.str, r.height])).toEqual([["Hello", 10], ["Big", 14]]);
  });

  it("marks characters stepping down one em in one column as vertical writing, but never digits", async () => {
    expect(await runsOf("BT /F1 10 Tf 100 700 Td (A) Tj 0 -10 Td (B) Tj 0 -10 Td (C) Tj ET")).toEqual([
      { str: "ABC", transform: [10, 0, 0, 10, 100, 708.8], width: 10, height: 30, vertical: true },
    ]);
    const digits = await runsOf("BT /F1 10 Tf 100 700 Td (1) Tj 0 -10 Td (2) Tj 0 -10 Td (3) Tj ET");
    expect(digits.map((r) => [r.str, r.vertical])).toEqual([["1", false], ["2", false], ["3", false]]);
  });

  it("keeps text printed sideways as one run whose transform carries the rotation", async () => {
    const [run] = await runsOf("BT /F1 10 Tf 0 1 -1 0 300 100 Tm (Sideways text) Tj ET");
    expect(run).toEqual({ str: "Sideways text", transform: [0, 10, -10, 0, 300, 100], width: 61.69, height: 10, vertical: false });
  });

  it("rejects bytes that are not a PDF", async () => {
    await expect(readPdfPages(new TextEncoder().encode("%PDF-1.4\nnothing else"))).rejects.toThrow(/not a PDF/);
  });
});
