import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { extractDocument } from "@/lib/report/extract";
import { decodeText } from "@/lib/report/extract/charset";

const seed = readFileSync(path.resolve(__dirname, "../fixtures/seeds/000_6524e2516c3e27b9.txt"), "utf8");

describe("charset detection", () => {
  it("reads UTF-8 as is", () => {
    expect(decodeText(new TextEncoder().encode(seed))).toEqual({ text: seed, charset: "UTF-8" });
  });

  it("drops a UTF-8 byte-order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(seed)]);
    expect(decodeText(bytes)).toEqual({ text: seed, charset: "UTF-8" });
  });

  it("detects a whole GBK report", () => {
    const decoded = decodeText(new Uint8Array(iconv.encode(seed, "gbk")));
    expect(decoded.charset).toBe("GB18030");
    expect(decoded.text).toBe(seed);
  });

  it("detects GBK even in a short line, where byte statistics alone are unsure", () => {
    const line = "湘潭县医疗保障局2025年政府信息公开工作年度报告";
    expect(decodeText(new Uint8Array(iconv.encode(line, "gbk"))).text).toBe(line);
  });

  it("reports the charset it decoded a text file from", async () => {
    const result = await extractDocument(new Uint8Array(iconv.encode(seed, "gb18030")), "report.txt");
    expect(result).toMatchObject({ format: "text", charset: "GB18030" });
    expect("text" in result && result.text).toBe(seed);
  });
});
