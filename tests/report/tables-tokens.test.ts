/** The pieces of the table reader: normalisation, row tokens, enumerators, header columns. */
import { describe, expect, it } from "vitest";
import { APPLY_COLUMNS } from "@/lib/metrics/dictionary";
import { columnsPresent } from "@/lib/report/tables/apply";
import { locateTables } from "@/lib/report/tables/locate";
import { normalizeText } from "@/lib/report/tables/normalize";
import { reviewTokens } from "@/lib/report/tables/review";
import { cellLineTokens, cutEnumerator, cutProse, rowTokens, scanNumbers } from "@/lib/report/tables/tokens";

describe("normalizeText", () => {
  it("joins labels broken by spaces or one character per line, keeping tab cell boundaries", () => {
    expect(normalizeText("\t自\n\n然\n\n人\t结 果 维 持")).toBe("\t自然人\t结果维持");
  });

  it("turns pipes into cell boundaries and drops markdown decoration", () => {
    expect(normalizeText("## 二、主动公开:\n| 规章 | 0 |\n|---|---|\n| 行政许可 | 5 |\n**注**")).toBe("二、主动公开:\n规章\t0\n\n行政许可\t5\n注");
  });

  it("keeps blank first and last cells of a pipe row, but makes no blank cell of the pipes around it", () => {
    // markdown: every row opens with a pipe, which is syntax
    expect(normalizeText("| 规章 | 0 |  |\n| 行政许可 | 5 |\n|  |  | 0 | 0 |")).toBe("规章\t0\t\n行政许可\t5\n\t\t0\t0");
    // web text, a pipe after every cell: a row that opens with one opens with a blank cell
    expect(normalizeText("规章 | 0 |  |\n行政许可 | 5 |\n |  | 0 | 0 |")).toBe("规章\t0\t\n行政许可\t5\n\t\t0\t0");
  });

  it("reads a form feed (pdftotext's page break) as a line break, so the footer after it drops", () => {
    expect(normalizeText("7.属于行政执法案卷 9 0 9\n\f- 5 -\n8.属于行政查询事项 1 0 1")).toBe("7.属于行政执法案卷 9 0 9\n\n\n8.属于行政查询事项 1 0 1");
  });

  it("folds full-width forms and drops page footers", () => {
    expect(normalizeText("（一）予以公开　１２\n- 3 -\n第 4 页 共 9 页\n")).toBe("(一)予以公开 12\n\n\n");
  });
});

describe("scanNumbers", () => {
  it("reads thousands groups, decimal parts and signs where allowed", () => {
    expect(scanNumbers("共1,234件 2.50万元 3.属于")).toEqual(["1234", "2.50", "3"]);
    expect(scanNumbers("-2 - 3 2024-01", { signed: true })).toEqual(["-2", "-3", "2024", "01"]);
    expect(scanNumbers("-2", {})).toEqual(["2"]);
  });

  it("reads a line holding only a dash or 无 as a blank cell", () => {
    expect(scanNumbers("5\n—\n无\n 无关\n")).toEqual(["5", "", ""]);
  });
});

describe("row tokens", () => {
  it("reads a tab row's interior blank cells as blank and drops merged label cells", () => {
    expect(rowTokens("\t\t3\t\t0\t1\t", 7)).toEqual(["3", "", "0", "1", ""]);
    expect(rowTokens("\t\t3\t1\t0\t0\t1\t0\t5\t\t", 7)).toEqual(["3", "1", "0", "0", "1", "0", "5"]);
  });

  it("reads a tab row printed with every cell blank as blank cells", () => {
    expect(rowTokens("\t\t\t\n", 3)).toEqual(["", "", ""]);
    expect(rowTokens("\t\t\n\t3\t4", 3)).toEqual(["3", "4"]);
  });

  it("reads a wrapped group label's words as words, even its 无 (（四）无 / 法提供)", () => {
    expect(rowTokens("8.属于行政查询事项\t105\t0\t0\t0\t0\t0\t105\n(四)无\t\n法提供\t", 7)).toEqual(["105", "0", "0", "0", "0", "0", "105"]);
    expect(rowTokens("1.本机关不掌握相关政府信息 746 12 0 0 10 1 769\n\n(四)无\n法提供", 7)).toEqual(["746", "12", "0", "0", "10", "1", "769"]);
    // A row short of cells may still have a cell printed 无 pushed to the next line.
    expect(rowTokens("行政复议\t1\t2\n无", 3)).toEqual(["1", "2", ""]);
  });

  it("reads a tab-only line between numbers of one cell per line as a blank cell", () => {
    expect(cellLineTokens("\n\t3\n\t1\n\t\n\t \n\t1\n\t0\n\t5\n\n\t\n\t")).toEqual(["3", "1", "", "", "1", "0", "5"]);
  });

  it("reads a number pushed past an empty line, but not the merged label cells that follow", () => {
    expect(cellLineTokens("\n\t0\n\t0 \n\t \n\n0\n\n\t\n\t\n")).toEqual(["0", "0", "0"]);
  });

  it("takes a cell's number and drops its note, even a note with digits", () => {
    expect(rowTokens("\n\t1(主动撤回)\n\t2(含1件转办)\n", 7)).toEqual(["1", "2"]);
  });

  it("drops a row enumerator where a layout repeats the group label before it", () => {
    expect(rowTokens("\t3.其他\t0\t2", 7)).toEqual(["0", "2"]);
    expect(rowTokens("\n\t3.其他\n\t0\n\t2", 7)).toEqual(["0", "2"]);
    expect(rowTokens("\t(2)重复申请\t4", 7)).toEqual(["4"]);
  });

  it("drops article references and numbered OCR headers", () => {
    expect(rowTokens(" 第二十条第(五)项 数据1 数据2 7", 1)).toEqual(["7"]);
  });

  it("joins digits split by stray spaces inside one tab field", () => {
    expect(rowTokens("\t1 5\t3", 2)).toEqual(["15", "3"]);
  });

  it("keeps a leading minus only where signed values are allowed", () => {
    expect(rowTokens("\t40\t-2\t315", 3, { signed: true })).toEqual(["40", "-2", "315"]);
    expect(rowTokens("\t40\t-2\t315", 3)).toEqual(["40", "2", "315"]);
  });

  it("reads a decrease printed with a typographic minus, an en dash or the word 减/减少", () => {
    expect(rowTokens("\t40\t\u22122\t315", 3, { signed: true })).toEqual(["40", "-2", "315"]);
    expect(rowTokens("\t40\t\u2013 2\t315", 3, { signed: true })).toEqual(["40", "-2", "315"]);
    expect(rowTokens("\t40\t减少2\t315", 3, { signed: true })).toEqual(["40", "-2", "315"]);
    expect(rowTokens("\t40\t减 2\t增加3", 3, { signed: true })).toEqual(["40", "-2", "3"]);
    // A dash between numbers is a date's or a range's, never a sign.
    expect(scanNumbers("2019\u201320 3\u22121", { signed: true })).toEqual(["2019", "20", "3", "1"]);
    // Outside 本年增/减 no sign is read at all.
    expect(rowTokens("\t40\t减少2\t315", 3)).toEqual(["40", "2", "315"]);
  });
});

describe("cutEnumerator", () => {
  it("cuts the expected enumerator of the next row off a run of digits", () => {
    expect(cutEnumerator("00000002.其他法律", 2)).toBe("0000000");
    expect(cutEnumerator("0\t0\n\t\t(3)危及", 3)).toBe("0\t0\n\t\t");
  });

  it("leaves a value ending in the same digit when no separator follows it", () => {
    expect(cutEnumerator("0\t12\n其他", 2)).toBe("0\t12\n其他");
    expect(cutEnumerator("0\t12", null)).toBe("0\t12");
  });
});

describe("cutProse", () => {
  it("stops a last row at the sentence after it", () => {
    expect(cutProse("\t0\t1\n注：其中2件已撤回。\n")).toBe("\t0\t1");
    expect(cutProse("\t0\t1\n")).toBe("\t0\t1\n");
    expect(cutProse("\t0\t1\n注:1.本表数据截至12月31日\n")).toBe("\t0\t1");
  });
});

describe("columnsPresent", () => {
  it("finds every applicant column and 总计, not mistaking 法人或其他组织 for 其他", () => {
    expect(columnsPresent("申请人情况\t自然人\t法人或其他组织\t总计\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他")).toEqual([
      ...APPLY_COLUMNS,
    ]);
  });

  it("reports a table printed without 总计", () => {
    const columns = columnsPresent("申请人情况\t自然人\t法人或其他组织\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他");
    expect(columns).not.toContain("total");
    expect(columns).toHaveLength(6);
  });

  it("takes a header naming only some applicant columns for a broken header of all seven", () => {
    // pdftotext interleaves a wrapped header's lines: only 社会公益 and 法律服务 survive whole
    expect(columnsPresent("自然总人商业科研社会公益法律服务其计企业机构组织机构他")).toEqual([...APPLY_COLUMNS]);
    expect(columnsPresent("自然人\t法人或其他组织\t商业企业\t科研机构\t社会公益组织\t法律服务机构")).toEqual([...APPLY_COLUMNS]);
  });

  it("reads OCR headers 数据1…数据6 as the six applicant columns", () => {
    expect(columnsPresent("类别\t数据1\t数据2\t数据3\t数据4\t数据5\t数据6\t总计")).toEqual([...APPLY_COLUMNS]);
  });
});

describe("locateTables", () => {
  it("takes a heading only when the table's header follows it", () => {
    const text = "本报告包括主动公开政府信息情况、收到和处理政府信息公开申请情况。\n二、主动公开政府信息情况\n信息内容\t本年制发件数\n规章\t0";
    const spans = locateTables(text);
    expect(spans.active?.start).toBe(text.indexOf("二、"));
    expect(spans.apply).toBeNull();
    expect(spans.review).toBeNull();
  });

  it("ends table 三 at table 四 and table 四 at section 五", () => {
    const text = "三、收到和处理政府信息公开申请情况\n自然人\n一、本年新收\t1\n四、结转下年度继续办理\t0\n四、政府信息公开行政复议、行政诉讼情况\n结果维持\n0\n五、存在的主要问题及改进情况\n1";
    const spans = locateTables(text);
    expect(text.slice(spans.apply!.start, spans.apply!.end)).toContain("结转下年度继续办理\t0");
    expect(text.slice(spans.review!.start, spans.review!.end)).not.toContain("五、");
  });
});

describe("reviewTokens", () => {
  it("keeps the leading blank cells of a full grid row", () => {
    const tokens = reviewTokens("行政复议\n结果维持\n\t\t\t\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t1");
    expect(tokens).toHaveLength(15);
    expect(tokens.slice(0, 5)).toEqual(["", "", "", "", ""]);
  });

  it("reads three small tables of five in order and ignores numbers in prose before the header", () => {
    const tokens = reviewTokens("本年度发生复议3件。\n行政复议\n\t结果维持\t总计\n\t1\t0\t0\t1\t2\t\n\t结果维持\n\t0\t0\t0\t0\t0\t\n\t结果维持\n\t0\t1\t0\t0\t1\t");
    expect(tokens).toEqual(["1", "0", "0", "1", "2", "0", "0", "0", "0", "0", "0", "1", "0", "0", "1"]);
  });
});
