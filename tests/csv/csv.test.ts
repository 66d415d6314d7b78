import { describe, expect, it } from "vitest";
import {
  CSV_BOM,
  csvCell,
  csvContentDisposition,
  csvFileName,
  csvStream,
  parseCsv,
  toCsv,
} from "@/lib/csv";

const columns = [
  { key: "agency", label: "机关" },
  { key: "value", label: "数值" },
];

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; chunks: number }> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, chunks: parts.length };
}

describe("csvCell", () => {
  it("writes null, undefined and non-finite numbers as empty cells", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe("");
  });

  it("writes numbers as numbers, negative ones included", () => {
    expect(csvCell(0)).toBe("0");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(12.5)).toBe("12.5");
    expect(csvCell(10n)).toBe("10");
  });

  it("guards text that a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t"]) {
      expect(csvCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    }
    expect(csvCell("\rcmd")).toBe(`"'\rcmd"`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    // a numeric-looking string is still text: it is guarded, not silently turned into a number
    expect(csvCell("-3")).toBe("'-3");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("quotes commas, quotes and line breaks, and only those", () => {
    expect(csvCell("湖南省人民政府")).toBe("湖南省人民政府");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("line1\r\nline2")).toBe('"line1\r\nline2"');
  });
});

describe("toCsv", () => {
  const rows = [
    { agency: "长沙市,司法局", value: 12 },
    { agency: "=cmd|' /C calc'!A0", value: -1 },
    { agency: "多行\n名称", value: null },
  ];

  it("starts with a BOM, labels the header in Chinese and ends lines with CRLF", () => {
    const text = toCsv(columns, rows);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.slice(1).split("\r\n")[0]).toBe("机关,数值");
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("reads back to the same cells (formula guard kept)", () => {
    const [header, ...records] = parseCsv(toCsv(columns, rows));
    expect(header).toEqual(["机关", "数值"]);
    expect(records).toEqual([
      ["长沙市,司法局", "12"],
      ["'=cmd|' /C calc'!A0", "-1"],
      ["多行\n名称", ""],
    ]);
  });

  it("writes a header-only file for no rows", () => {
    expect(toCsv(columns, [])).toBe(`${CSV_BOM}机关,数值\r\n`);
  });
});

describe("csvFileName", () => {
  it("puts the view and the filters into the name", () => {
    expect(csvFileName("地区对比", { place: "湖南省", year: 2025, measure: "公开率" })).toBe(
      "地区对比_湖南省_2025_公开率.csv",
    );
  });

  it("leaves out empty filters and replaces unsafe characters", () => {
    expect(csvFileName("机关", { q: "a/b:c*?", year: undefined, kind: "" })).toBe("机关_a-b-c.csv");
    expect(csvFileName("趋势", ["  长沙 市 ", null])).toBe("趋势_长沙-市.csv");
    expect(csvFileName("", {})).toBe("export.csv");
  });

  it("keeps long names bounded", () => {
    expect(csvFileName("x", { q: "长".repeat(500) }).length).toBeLessThanOrEqual(124);
  });

  it("gives a Content-Disposition with an ASCII fallback and the UTF-8 name", () => {
    const header = csvContentDisposition("地区对比_2025.csv");
    expect(header).toContain('filename="');
    expect(header).toContain(`filename*=UTF-8''${encodeURIComponent("地区对比_2025.csv")}`);
    expect(header).not.toMatch(/filename="[^"]*[^\x20-\x7e][^"]*"/);
  });
});

describe("csvStream", () => {
  it("streams the same bytes toCsv writes, BOM as EF BB BF", async () => {
    async function* source() {
      yield { agency: "甲", value: 1 };
      yield { agency: "+乙", value: -2 };
    }
    const { bytes } = await readAll(csvStream(columns, source()));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(
      toCsv(columns, [
        { agency: "甲", value: 1 },
        { agency: "+乙", value: -2 },
      ]).slice(1), // TextDecoder drops the BOM it reads
    );
  });

  it("pulls rows lazily, in bounded chunks", async () => {
    let produced = 0;
    async function* many() {
      for (let i = 0; i < 20_000; i++) {
        produced++;
        yield { agency: `机关${i}`, value: i };
      }
    }
    const stream = csvStream(columns, many());
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.value!.length).toBeLessThan(300 * 1024);
    expect(produced).toBeLessThan(20_000); // the source was not drained for the first chunk
    await reader.cancel();
  });

  it("closes the source when the client cancels", async () => {
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; ; i++) yield { agency: "x".repeat(100), value: i };
      } finally {
        closed = true;
      }
    }
    const reader = csvStream(columns, source()).getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
  });

  it("errors the stream when the source fails", async () => {
    async function* broken(): AsyncGenerator<Record<string, unknown>> {
      yield { agency: "甲", value: 1 };
      throw new Error("database went away");
    }
    await expect(readAll(csvStream(columns, broken()))).rejects.toThrow("database went away");
  });
});
