/**
 * The same report published as text, GBK text, UTF-8 with BOM, an HTML page with merged cells, a
 * Word document, a PDF printed by Chromium, and that Word document exported by LibreOffice to PDF,
 * to HTML, to DOCX again and to Word 97-2003 (.doc) (tests/fixtures/converted, made by make.ts) must
 * give the same numbers as the original. Also checks the extracted text itself, so a break in
 * extraction shows here even while the table reader changes.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { APPLY_COLUMNS, applyKey } from "@/lib/metrics/dictionary";
import { readReport } from "@/lib/report";
import { extractDocument } from "@/lib/report/extract";

const fixtures = path.resolve(__dirname, "../fixtures");
const ORIGINALS = {
  "000": "seeds/000_6524e2516c3e27b9",
  "002": "seeds/002_1a2d2c03a4872bbc",
  r04: "real/r04",
  r03: "real/r03",
} as const;
type Source = keyof typeof ORIGINALS;

const bytesOf = (file: string) => new Uint8Array(readFileSync(path.join(fixtures, file)));
const expectedValues = (source: Source): Record<string, number | null> =>
  JSON.parse(readFileSync(path.join(fixtures, `${ORIGINALS[source]}.expected.json`), "utf8")).values;

async function textOf(file: string): Promise<string> {
  const result = await extractDocument(bytesOf(file), file);
  if ("error" in result) throw new Error(`${file}: ${result.error.code} ${result.error.message}`);
  return result.text;
}

/** The printed numbers of one row of table 三, in column order, as the text must carry them. */
function applyRow(source: Source, row: string): string[] {
  const values = expectedValues(source);
  return APPLY_COLUMNS.map((c) => String(values[applyKey(row, c)]));
}

/** The numeric fields of the first line holding `label`, in order. */
function numbersOnLine(text: string, label: string): string[] {
  const line = text.split("\n").find((l) => l.includes(label));
  expect(line, `a line with ${label}`).toBeDefined();
  return line!.split("\t").filter((field) => /^\d+(\.\d+)?$/.test(field.trim()));
}

/** The numeric fields of the first line on which `label` is a whole TAB-separated field. */
function numbersOfRow(text: string, label: string): string[] {
  const line = text.split("\n").find((l) => l.split("\t").some((field) => field.trim() === label));
  expect(line, `a table row headed ${label}`).toBeDefined();
  return line!.split("\t").filter((field) => /^-?\d+(\.\d+)?$/.test(field.trim())).map((field) => field.trim());
}

/** The printed numbers of `keys`, as the text must carry them. */
function printed(source: Source, keys: string[]): string[] {
  const values = expectedValues(source);
  return keys.map((key) => String(values[key]));
}

const CONVERTED: Array<[string, Source]> = [
  ["converted/000.html", "000"],
  ["converted/000.docx", "000"],
  ["converted/000.pdf", "000"],
  ["converted/000.lo.pdf", "000"],
  ["converted/000.lo.html", "000"],
  ["converted/000.lo.docx", "000"],
  ["converted/000.lo.doc", "000"],
  ["converted/000.lo.pdftotext.txt", "000"],
  ["converted/000.gbk.txt", "000"],
  ["converted/002.html", "002"],
  ["converted/002.docx", "002"],
  ["converted/002.pdf", "002"],
  ["converted/002.lo.pdf", "002"],
  ["converted/002.lo.html", "002"],
  ["converted/002.lo.docx", "002"],
  ["converted/002.lo.doc", "002"],
  ["converted/002.lo.pdftotext.txt", "002"],
  ["converted/002.bom.txt", "002"],
  ["converted/r04.html", "r04"],
  ["converted/r04.docx", "r04"],
  ["converted/r04.pdf", "r04"],
  ["converted/r04.lo.pdf", "r04"],
  ["converted/r04.lo.html", "r04"],
  ["converted/r04.lo.docx", "r04"],
  ["converted/r04.lo.doc", "r04"],
  ["converted/r04.lo.pdftotext.txt", "r04"],
  // The 2019 template: other table 二 columns and rows, （六）其他处理 as one row of table 三.
  ["converted/r03.html", "r03"],
  ["converted/r03.docx", "r03"],
  ["converted/r03.pdf", "r03"],
  ["converted/r03.lo.pdf", "r03"],
  ["converted/r03.lo.html", "r03"],
  ["converted/r03.lo.docx", "r03"],
  ["converted/r03.lo.doc", "r03"],
  ["converted/r03.lo.pdftotext.txt", "r03"],
  // r03 printed as portals with a narrow article column print it: labels wrapped around their
  // numbers and printed together before them, lines of a cell as close to the next row as to
  // their own.
  ["converted/r03.narrow.pdf", "r03"],
  ["converted/r03.narrow.pdftotext.txt", "r03"],
  ["converted/r03.half.pdf", "r03"],
];

describe("converted forms: extraction", () => {
  // A .doc's text ends each cell with a TAB and a row with one more, so rows run on within a line.
  const rowPerLine = CONVERTED.filter(([file]) => !file.endsWith(".txt") && !file.endsWith(".doc"));
  it.each(rowPerLine)("%s carries each table row on one TAB-separated line", async (file, source) => {
    const text = await textOf(file);
    expect(numbersOnLine(text, "予以公开")).toEqual(applyRow(source, "granted"));
    expect(numbersOnLine(text, "本机关不掌握相关政府信息")).toEqual(applyRow(source, "unavailable.notHeld"));
    expect(numbersOnLine(text, "四、结转下年度继续办理")).toEqual(applyRow(source, "carriedForward"));
  });

  // The 2019 template's own rows: table 二's items by 上一年项目数量/本年增/减/处理决定数量, and
  // （六）其他处理 as one row of table 三.
  it.each(CONVERTED.filter(([file]) => file.endsWith(".doc")))("%s carries each row's cells as TAB-separated fields after its label", async (file, source) => {
    const text = await textOf(file);
    const cellsAfter = (label: string) => {
      const fields = text.split(/\t|\n/);
      const at = fields.findIndex((field) => field.trim() === label);
      expect(at, label).toBeGreaterThanOrEqual(0);
      return fields.slice(at + 1, at + 1 + APPLY_COLUMNS.length).map((field) => field.trim());
    };
    expect(cellsAfter("（一）予以公开")).toEqual(applyRow(source, "granted"));
    expect(cellsAfter("四、结转下年度继续办理")).toEqual(applyRow(source, "carriedForward"));
  });

  it.each(rowPerLine.filter(([, source]) => source === "r03"))("%s carries the 2019 template's rows", async (file, source) => {
    const text = await textOf(file);
    expect(numbersOfRow(text, "行政许可")).toEqual(printed(source, ["active2019.licensing.previous", "active2019.licensing.change", "active.licensing.decisions"]));
    expect(numbersOfRow(text, "其他对外管理服务事项")).toEqual(printed(source, ["active2019.otherServices.previous", "active2019.otherServices.change", "active2019.otherServices.decisions"]));
    expect(numbersOfRow(text, "行政事业性收费")).toEqual(printed(source, ["active2019.fees.previous", "active2019.fees.change"]));
    expect(numbersOfRow(text, "（六）其他处理")).toEqual(applyRow(source, "otherHandling.other"));
  });

  it("keeps page chrome out: no script text, no navigation links", async () => {
    const text = await textOf("converted/000.html");
    expect(text).not.toMatch(/统计代码|_hmt|互动交流/);
  });

  it("decodes the GBK and BOM files to exactly the original text", async () => {
    expect(await textOf("converted/000.gbk.txt")).toBe(readFileSync(path.join(fixtures, `${ORIGINALS["000"]}.txt`), "utf8"));
    expect(await textOf("converted/002.bom.txt")).toBe(readFileSync(path.join(fixtures, `${ORIGINALS["002"]}.txt`), "utf8"));
  });
});

describe("converted forms: same numbers as the original", () => {
  it.each(CONVERTED)("%s", async (file, source) => {
    const original = await readReport(bytesOf(`${ORIGINALS[source]}.txt`), "original");
    const converted = await readReport(bytesOf(file), file);
    if ("error" in converted) throw new Error(`${file}: ${converted.error.message}`);
    if ("error" in original) throw new Error(`original: ${original.error.message}`);
    const expected = expectedValues(source);
    // Every number the original's hand-checked answer holds comes out of the converted form too.
    for (const [key, value] of Object.entries(expected)) expect(converted.values[key], key).toBe(value);
    expect(converted.template).toBe(original.template);
    // The answer holds every key of its template, so a value under any other key (a 2021-only
    // row read out of a 2019 table, say) is a number the document does not print.
    const stray = Object.entries(converted.values).filter(([key, value]) => !(key in expected) && value !== null);
    expect(stray).toEqual([]);
  });
});

describe("real PDFs copied out as text (pdftotext -layout, and -raw: drawing order): the numbers and identity of the PDF", () => {
  const dumps = ["r01", "r05", "r09"].flatMap((name) => [`${name}.pdftotext.txt`, `${name}.pdftotext-raw.txt`]);
  it.each(dumps)("converted/%s", async (file) => {
    const name = file.split(".")[0];
    const expected = JSON.parse(readFileSync(path.join(fixtures, `real/${name}.expected.json`), "utf8"));
    const report = await readReport(bytesOf(`converted/${file}`), file);
    if ("error" in report) throw new Error(`${name}: ${report.error.message}`);
    const wrong = Object.entries(expected.values as Record<string, number | null>).filter(([key, value]) => report.values[key] !== value);
    expect(wrong).toEqual([]);
    expect(report.template).toBe(expected.template);
    expect(report.year).toBe(expected.year);
    expect(report.region).toEqual(expected.region);
  });
});

describe("real PDFs copied out in poppler's reading order (a table's text column by column)", () => {
  // Labels and numbers no longer share lines: most cells cannot be placed, and none may come out
  // wrong without an issue naming it.
  it.each(["r01", "r05", "r09"])("converted/%s.pdftotext-reading.txt", async (name) => {
    const expected = JSON.parse(readFileSync(path.join(fixtures, `real/${name}.expected.json`), "utf8"));
    const report = await readReport(bytesOf(`converted/${name}.pdftotext-reading.txt`), name);
    if ("error" in report) throw new Error(`${name}: ${report.error.message}`);
    const named = new Set(report.issues.flatMap((issue) => issue.keys ?? []));
    const silent = Object.entries(expected.values as Record<string, number | null>).filter(
      ([key, value]) => report.values[key] !== null && report.values[key] !== value && !named.has(key),
    );
    expect(silent).toEqual([]);
    expect(report.year).toBe(expected.year);
  });
});

describe("a PDF printed with its zero cells left blank", () => {
  // A blank cell leaves nothing in a PDF's text, so a row's numbers cannot be told apart from a row
  // that lost cells: what cannot be placed stays null with an issue, and nothing is placed wrong.
  it.each(["converted/002.blank.pdf", "converted/002.blank.pdftotext.txt"])("%s: no value wrong without an issue", async (file) => {
    const report = await readReport(bytesOf(file), file);
    if ("error" in report) throw new Error(`${file}: ${report.error.message}`);
    const named = new Set(report.issues.flatMap((issue) => issue.keys ?? []));
    const silent = Object.entries(expectedValues("002")).filter(
      ([key, value]) => report.values[key] !== null && report.values[key] !== value && !named.has(key),
    );
    expect(silent).toEqual([]);
    expect(report.values["active.penalty.decisions"]).toBe(expectedValues("002")["active.penalty.decisions"]);
  });

  it("converted/002.blank.pdf: an item row printed all blank between rows of the table reads as zeros", async () => {
    const report = await readReport(bytesOf("converted/002.blank.pdf"), "002.blank.pdf");
    if ("error" in report) throw new Error(report.error.message);
    const expected = expectedValues("002");
    const carriedOver = Object.keys(expected).filter((key) => key.startsWith("apply.carriedOver."));
    expect(carriedOver.map((key) => report.values[key])).toEqual(carriedOver.map((key) => expected[key]));
    expect(carriedOver.every((key) => expected[key] === 0)).toBe(true);
    // Read, not recovered: no issue names them.
    expect(report.issues.filter((issue) => issue.keys?.some((key) => carriedOver.includes(key)))).toEqual([]);
  });

  it("converted/002.blank.pdf: a row with some numbers reads whole, each number under its header's column", async () => {
    const report = await readReport(bytesOf("converted/002.blank.pdf"), "002.blank.pdf");
    if ("error" in report) throw new Error(report.error.message);
    const expected = expectedValues("002");
    for (const key of Object.keys(expected).filter((k) => /^(?:apply\.(?:newReceived|granted|handledTotal)\.|review\.|litigation\.)/.test(k))) {
      expect(report.values[key], key).toBe(expected[key]);
    }
  });
});
