/**
 * The table reader on one report printed in every layout seen in the wild: the numbers must
 * come out the same whatever the layout. The report is written here as text, the way an
 * agency prints it; the expected keys come from the metric dictionary in printed order.
 */
import { describe, expect, it } from "vitest";
import {
  APPLY_COLUMNS,
  REVIEW_BLOCKS,
  REVIEW_OUTCOMES,
  applyKey,
  applyRowsOf,
  metricKeysOf,
  reviewKey,
} from "@/lib/metrics/dictionary";
import { readTables } from "@/lib/report/tables";

// ---------------------------------------------------------------------------------------------
// One report's numbers (template 2021), consistent with every arithmetic rule.

const ACTIVE_ROWS: [string, number[]][] = [
  ["规章", [0, 0, 3]],
  ["行政规范性文件", [2, 1, 10]],
  ["行政许可", [120]],
  ["行政处罚", [7]],
  ["行政强制", [0]],
  ["行政事业性收费", [1.25]],
];

const zero = [0, 0, 0, 0, 0, 0, 0];
/** Table 三 rows as printed: group label (if any), row label, seven cells. */
const APPLY_ROWS: [string, string, number[]][] = [
  ["", "一、本年新收政府信息公开申请数量", [5, 1, 0, 0, 2, 0, 8]],
  ["", "二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]],
  ["三、本年度办理结果", "（一）予以公开", [3, 1, 0, 0, 1, 0, 5]],
  ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [1, 0, 0, 0, 0, 0, 1]],
  ["（三）不予公开", "1.属于国家秘密", zero],
  ["", "2.其他法律行政法规禁止公开", zero],
  ["", "3.危及“三安全一稳定”", zero],
  ["", "4.保护第三方合法权益", [1, 0, 0, 0, 0, 0, 1]],
  ["", "5.属于三类内部事务信息", zero],
  ["", "6.属于四类过程性信息", zero],
  ["", "7.属于行政执法案卷", zero],
  ["", "8.属于行政查询事项", zero],
  ["（四）无法提供", "1.本机关不掌握相关政府信息", [1, 0, 0, 0, 1, 0, 2]],
  ["", "2.没有现成信息需要另行制作", zero],
  ["", "3.补正后申请内容仍不明确", zero],
  ["（五）不予处理", "1.信访举报投诉类申请", zero],
  ["", "2.重复申请", zero],
  ["", "3.要求提供公开出版物", zero],
  ["", "4.无正当理由大量反复申请", zero],
  ["", "5.要求行政机关确认或重新出具已获取信息", zero],
  ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", zero],
  ["", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", zero],
  ["", "3.其他", zero],
  ["", "（七）总计", [6, 1, 0, 0, 2, 0, 9]],
  ["", "四、结转下年度继续办理", zero],
];

const REVIEW_CELLS = [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1];

const APPLICANT_HEADER = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
const REVIEW_HEADER = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

function expectedValues(): Record<string, number> {
  const values: Record<string, number> = {};
  const activeKeys = metricKeysOf("2021").filter((k) => k.startsWith("active"));
  ACTIVE_ROWS.flatMap(([, cells]) => cells).forEach((v, i) => (values[activeKeys[i]] = v));
  applyRowsOf("2021").forEach((row, r) =>
    APPLY_COLUMNS.forEach((column, c) => (values[applyKey(row, column)] = APPLY_ROWS[r][2][c])),
  );
  REVIEW_BLOCKS.flatMap((b) => REVIEW_OUTCOMES.map((o) => reviewKey(b, o))).forEach(
    (key, i) => (values[key] = REVIEW_CELLS[i]),
  );
  return values;
}

const OPENING = `某某县医疗保障局2024年政府信息公开工作年度报告
本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分。
一、总体情况
全年主动公开信息62条，收到政府信息公开申请9件，部分公开1件。
`;
const CLOSING = `
五、存在的主要问题及改进情况
2025年，我局将继续改进。
六、其他需要报告的事项
本年度未收取信息处理费。
`;

// ---------------------------------------------------------------------------------------------
// Layouts

type Layout = (cells: string[][]) => string;

/** One row per line, cells separated by tabs (a DOCX or HTML table turned into text). */
const tabRows: Layout = (rows) => rows.map((cells) => cells.join("\t")).join("\n");
/** One cell per line, a tab before each cell and a blank line after each row (seeds 000). */
const cellPerLine: Layout = (rows) => rows.map((cells) => cells.map((c) => `\t${c}`).join("\n")).join("\n\n");
/** Markdown pipe tables with a separator row after each header. */
const pipeTable: Layout = (rows) =>
  rows
    .map((cells, i) => `| ${cells.join(" | ")} |` + (i === 0 ? `\n|${cells.map(() => "---").join("|")}|` : ""))
    .join("\n");

/**
 * A PDF copied out as text (pdftotext -layout): cells in columns of spaces, and every label
 * wrapped at `width` characters in its narrow column, its numbers beside the label's first line.
 */
const spacedNarrow =
  (width: number): Layout =>
  (rows) =>
    rows
      .map((cells) => {
        const isNumber = (c: string) => /^\d+(\.\d+)?$/.test(c);
        const labels = cells.filter((c) => !isNumber(c)).map((c) => c.match(new RegExp(`.{1,${width}}`, "gu")) ?? [""]);
        const numbers = cells.filter(isNumber);
        const depth = Math.max(1, ...labels.map((l) => l.length));
        return Array.from({ length: depth }, (_, line) =>
          [...labels.map((l) => (l[line] ?? "").padEnd(width + 2, " ")), ...(line === 0 ? numbers : [])].join("    ").trimEnd(),
        ).join("\n");
      })
      .join("\n");

function printReport(layout: Layout, options: { headerText?: (h: string) => string } = {}): string {
  const header = options.headerText ?? ((h: string) => h);
  const active = layout([
    ["第二十条第（一）项"],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"].map(header),
    ...ACTIVE_ROWS.slice(0, 2).map(([label, cells]) => [label, ...cells.map(String)]),
    ["第二十条第（五）项"],
    ["信息内容", "本年处理决定数量"].map(header),
    ...ACTIVE_ROWS.slice(2, 3).map(([label, cells]) => [label, ...cells.map(String)]),
    ["第二十条第（六）项"],
    ["信息内容", "本年处理决定数量"].map(header),
    ...ACTIVE_ROWS.slice(3, 5).map(([label, cells]) => [label, ...cells.map(String)]),
    ["第二十条第（八）项"],
    ["信息内容", "本年收费金额（单位：万元）"].map(header),
    ...ACTIVE_ROWS.slice(5).map(([label, cells]) => [label, ...cells.map(String)]),
  ]);
  const apply = layout([
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
    ["", ...APPLICANT_HEADER.map(header)],
    ...APPLY_ROWS.map(([group, label, cells]) => [group, label, ...cells.map(String)].filter((c, i) => i > 0 || c !== "")),
  ]);
  const review = layout([
    ["行政复议", "行政诉讼"],
    [...REVIEW_HEADER, "未经复议直接起诉", "复议后起诉"].map(header),
    [...REVIEW_HEADER, ...REVIEW_HEADER].map(header),
    REVIEW_CELLS.map(String),
  ]);
  return `${OPENING}二、主动公开政府信息情况\n${active}\n三、收到和处理政府信息公开申请情况\n${apply}\n四、政府信息公开行政复议、行政诉讼情况\n${review}\n${CLOSING}`;
}

/** Every value read as printed: right, and with no cell recovered or left unread on the way. */
function expectAllValues(text: string) {
  const reading = readTables(text, 2024);
  expect(reading.template).toBe("2021");
  expect(reading.values).toEqual(expect.objectContaining(expectedValues()));
  expect(Object.keys(reading.values).sort()).toEqual(metricKeysOf("2021").sort());
  const repaired = reading.issues.filter((i) => ["CELL_UNREADABLE", "VALUE_RECOVERED", "ROW_INCOMPLETE", "AMBIGUOUS_SPLIT"].includes(i.code));
  expect(repaired).toEqual([]);
  return reading;
}

describe("readTables: one report in every layout", () => {
  it("reads tab-separated rows", () => {
    expectAllValues(printReport(tabRows));
  });

  it("reads one cell per line", () => {
    expectAllValues(printReport(cellPerLine));
  });

  it("reads markdown pipe tables under markdown headings", () => {
    const text = printReport(pipeTable).replace(/^([二三四五]、)/gm, "## $1");
    expectAllValues(text);
  });

  it("reads headers broken one character per line and labels with spaces inside", () => {
    const broken = (h: string) => [...h].join("\n\n");
    const text = printReport(cellPerLine, { headerText: broken })
      .replace("予以公开", "予 以 公 开")
      .replace("保护第三方合法权益", "保护第三方\n合法权益");
    expectAllValues(text);
  });

  it("reads a number split from its cell by a line break and stray spaces", () => {
    // 结转下年度's last cell printed on the next line, with spaces around the numbers
    const text = printReport(cellPerLine).replace(/\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1\n/, "\t 1 \n\t0 \n\t0\n\t0\n\t0\n\t0\n\t\n\n1\n");
    expectAllValues(text);
  });

  it("reads space-aligned columns with labels wrapped around their numbers (a PDF copied out as text)", () => {
    expectAllValues(printReport(spacedNarrow(5)));
  });

  it("ignores page footers between rows", () => {
    const text = printReport(tabRows).replace("\t4.保护第三方合法权益", "\n- 3 -\n\t4.保护第三方合法权益");
    expectAllValues(text);
  });
});

describe("readTables: hard cells", () => {
  it("reads a cell with a note as its number", () => {
    const text = printReport(cellPerLine).replace(/(尚未审结\n\t总计\n\n)\t1\n\t0\n\t0\n\t1\n/, "$1\t1\n\t0\n\t0\n\t1（12月主动撤回）\n");
    const reading = expectAllValues(text);
    expect(reading.values[reviewKey("review", "pending")]).toBe(1);
  });

  it("counts a blank cell between numbers of a tab row as 0", () => {
    const text = printReport(tabRows).replace("（一）予以公开\t3\t1\t0\t0\t1\t0\t5", "（一）予以公开\t3\t1\t\t\t1\t\t5");
    expectAllValues(text);
  });

  it("recovers the totals of a table printed without its 总计 column", () => {
    const text = printReport(tabRows);
    const start = text.indexOf("三、收到和处理");
    const end = text.indexOf("四、政府信息公开行政复议");
    const withoutTotals = text
      .slice(start, end)
      .replace("\t其他\t总计", "\t其他")
      .replace(/\t\d+$/gm, "");
    const reading = readTables(text.slice(0, start) + withoutTotals + text.slice(end), 2024);
    const expected = expectedValues();
    for (const row of applyRowsOf("2021")) {
      for (const column of APPLY_COLUMNS) {
        const key = applyKey(row, column);
        expect(reading.values[key], key).toBe(expected[key]);
      }
    }
    const recovered = reading.issues.filter((i) => i.code === "VALUE_RECOVERED").flatMap((i) => i.keys ?? []);
    expect(recovered).toContain(applyKey("handledTotal", "total"));
  });

  it("reads cells run together with no separator (crawler text)", () => {
    const flat = printReport(tabRows).replace(/[\t\n]/g, "");
    const reading = readTables(flat, 2024);
    const expected = expectedValues();
    for (const row of applyRowsOf("2021")) {
      for (const column of APPLY_COLUMNS) {
        const key = applyKey(row, column);
        expect(reading.values[key], key).toBe(expected[key]);
      }
    }
    // 规章003 splits only one way (a cell never starts with 0 unless it is 0)
    expect(reading.values[metricKeysOf("2021")[2]]).toBe(3);
  });

  it("leaves a table-二 row one number short empty, never cutting a plain number into cells", () => {
    // 行政规范性文件 printed "2 10" for three cells: a lost cell, or 2/1/0? No arithmetic can tell.
    const text = printReport(cellPerLine).replace("\t行政规范性文件\n\t2\n\t1\n\t10", "\t行政规范性文件\n\t1\n\t10");
    const reading = readTables(text, 2024);
    const documentKeys = metricKeysOf("2021").slice(3, 6);
    for (const key of documentKeys) expect(reading.values[key], key).toBeNull();
    expect(reading.issues.find((i) => i.keys?.includes(documentKeys[0]))?.code).toBe("CELL_UNREADABLE");
  });

  it("leaves a table-二 digit run that splits several ways empty, naming its keys", () => {
    const flat = printReport(tabRows).replace(/[\t\n]/g, "");
    const reading = readTables(flat, 2024);
    const documentKeys = metricKeysOf("2021").slice(3, 6); // 行政规范性文件: 2110 → 2/1/10, 21/1/0, 2/11/0 …
    for (const key of documentKeys) expect(reading.values[key]).toBeNull();
    const issue = reading.issues.find((i) => i.code === "AMBIGUOUS_SPLIT");
    expect(issue?.keys).toEqual(documentKeys);
  });
});

describe("readTables: variants of real reports", () => {
  it("skips the applicant header repeated where table 三 crosses a page", () => {
    const repeat = "申请人情况\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n";
    const text = printReport(tabRows).replace("3.其他\t", `- 5 -\n${repeat}3.其他\t`);
    expectAllValues(text);
  });

  it("reads row enumerators written (1) or ① as enumerators, not cells", () => {
    const text = printReport(tabRows)
      .replace("1.属于国家秘密", "(1)属于国家秘密")
      .replace("2.其他法律", "②其他法律")
      .replace("4.保护第三方", "（4）保护第三方");
    expectAllValues(text);
  });

  it("reads a count with thousands separators as one number", () => {
    const text = printReport(cellPerLine).replace("\t行政许可\n\t120", "\t行政许可\n\t1,120");
    const reading = readTables(text, 2024);
    expect(reading.values[metricKeysOf("2021")[6]]).toBe(1120);
  });

  it("counts a dash printed in a cell as 0", () => {
    const text = printReport(cellPerLine).replace("\t行政强制\n\t0", "\t行政强制\n\t—");
    const reading = expectAllValues(text);
    expect(reading.values[metricKeysOf("2021")[8]]).toBe(0);
  });

  it("reads a tab-only line between the numbers of a one-cell-per-line row as a blank cell", () => {
    // 予以公开 3 1 0 0 1 0 5 with 0s printed blank
    const text = printReport(cellPerLine).replace("\t（一）予以公开\n\t3\n\t1\n\t0\n\t0\n", "\t（一）予以公开\n\t3\n\t1\n\t\n\t \n");
    expectAllValues(text);
  });

  it("reads rows whose group label is repeated on every line (a rowspan copied into each row)", () => {
    let group = "";
    const text = printReport(tabRows).replace(/^(（[一二三四五六七]）[^\t]*|三、本年度办理结果)?\t?(\d\.[^\t]*|（[一二]）[^\t]*)\t/gm, (line, g: string | undefined, label: string) => {
      if (g) group = g;
      return `${group}\t${label}\t`;
    });
    expect(text).toContain("（六）其他处理\t3.其他\t");
    expectAllValues(text);
  });

  it("reads a template-2021 （六）其他处理 printed as one row, sub-rows 1 and 2 as 0", () => {
    const text = printReport(tabRows).replace(/（六）其他处理\t1\.申请人[^\n]*\n2\.申请人[^\n]*\n3\.其他/, "（六）其他处理");
    const reading = readTables(text, 2024);
    expect(reading.template).toBe("2021");
    expect(reading.values).toEqual(expect.objectContaining(expectedValues()));
    const note = reading.issues.find((i) => i.code === "ROW_INCOMPLETE");
    expect(note?.keys).toContain(applyKey("otherHandling.noFee", "total"));
  });

  it("reads table 三 printed with each row's numbers above its label", () => {
    const text = printReport(tabRows);
    const start = text.indexOf("一、本年新收");
    const end = text.indexOf("四、政府信息公开行政复议");
    const lines = text.slice(start, end).trimEnd().split("\n");
    // numbers first, then the label: "5\t1\t…\n一、本年新收…"
    const swapped = lines.map((line) => {
      const cells = line.split("\t");
      const numbers = cells.filter((c) => /^\d+$/.test(c));
      return `${numbers.join("\t")}\n${cells.filter((c) => !/^\d+$/.test(c)).join("\t")}`;
    });
    const reading = readTables(text.slice(0, start) + swapped.join("\n") + "\n" + text.slice(end), 2024);
    expect(reading.values).toEqual(expect.objectContaining(expectedValues()));
  });

  it("finds a misprinted row label by its enumerator", () => {
    const text = printReport(tabRows).replace("4.保护第三方合法权益", "4.保障第三者权益").replace("6.属于四类过程性信息", "6.过程信息");
    expectAllValues(text);
  });

  it("finds tables whose section headings were lost, by their header words", () => {
    const text = printReport(tabRows)
      .replace("二、主动公开政府信息情况\n", "")
      .replace("三、收到和处理政府信息公开申请情况\n", "")
      .replace("四、政府信息公开行政复议、行政诉讼情况\n", "");
    expectAllValues(text);
  });

  it("reads a row label printed in its short form (规范性文件)", () => {
    const text = printReport(tabRows).replace("行政规范性文件\t", "规范性文件\t");
    expectAllValues(text);
  });

  it("takes table 二's rows from the table, not from prose around it", () => {
    const text = printReport(tabRows)
      .replace("二、主动公开政府信息情况\n", "二、主动公开政府信息情况\n本年度制发行政规范性文件5件，行政处罚案件9件。\n")
      .replace("\n三、收到和处理", "\n注：其中行政许可2项为延续。\n三、收到和处理");
    expectAllValues(text);
  });

  it("stops reading table 四 at the prose that follows it", () => {
    const text = printReport(tabRows).replace("\n五、存在", "\n注：本年度共有2件复议申请于1月撤回。\n五、存在");
    expectAllValues(text);
  });
});

describe("readTables: missing tables and templates", () => {
  it("gives null and TABLE_MISSING for tables not in the text, never numbers from the prose", () => {
    const reading = readTables(OPENING + CLOSING, 2024);
    expect(Object.values(reading.values).every((v) => v === null)).toBe(true);
    const named = reading.issues.filter((i) => i.code === "TABLE_MISSING").flatMap((i) => i.keys ?? []);
    expect(named.sort()).toEqual(metricKeysOf(reading.template).sort());
  });

  it("reads the tables that are there when the text stops inside table 三", () => {
    const full = printReport(tabRows);
    const cut = full.slice(0, full.indexOf("一、本年新收"));
    const reading = readTables(cut, 2024);
    expect(reading.values[metricKeysOf("2021")[6]]).toBe(120);
    expect(reading.values[applyKey("newReceived", "total")]).toBeNull();
    const missing = reading.issues.filter((i) => i.code === "TABLE_MISSING" || i.code === "CELL_UNREADABLE");
    expect(missing.flatMap((i) => i.keys ?? [])).toContain(applyKey("newReceived", "total"));
  });

  it("guesses the template from the year when no header says, and says so", () => {
    expect(readTables(OPENING, 2020).template).toBe("2019");
    expect(readTables(OPENING, 2022).template).toBe("2021");
    expect(readTables(OPENING, 2020).issues.map((i) => i.code)).toContain("TEMPLATE_GUESSED");
    expect(readTables(printReport(tabRows), 2020).template).toBe("2021");
  });
});

describe("readTables: template 2019", () => {
  const table2019 = [
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
    "规章\t0\t0\t4",
    "规范性文件\t3\t3\t21",
    "第二十条第（五）项",
    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
    "行政许可\t40\t-2\t315",
    "其他对外管理服务事项\t6\t0\t12",
    "第二十条第（六）项",
    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
    "行政处罚\t25\t1\t88",
    "行政强制\t9\t0\t3",
    "第二十条第（八）项",
    "信息内容\t上一年项目数量\t本年增/减",
    "行政事业性收费\t2\t0",
    "第二十条第（九）项",
    "信息内容\t采购项目数量\t采购总金额（万元）",
    "政府集中采购\t14\t356.5",
  ].join("\n");
  const apply2019 = printReport(tabRows)
    .slice(printReport(tabRows).indexOf("三、收到和处理"))
    .replace(/（六）其他处理\t1\.申请人[^\n]*\n2\.申请人[^\n]*\n3\.其他/, "（六）其他处理");

  const text = `${OPENING.replace("2024", "2020")}${table2019}\n${apply2019}`;
  const reading = readTables(text, 2020);
  const key = (label: string) => metricKeysOf("2019").filter((k) => k.startsWith("active")).find((k) => k.includes(label))!;

  it("detects template 2019 from its headers", () => {
    expect(reading.template).toBe("2019");
    expect(reading.issues.map((i) => i.code)).not.toContain("TEMPLATE_GUESSED");
  });

  it("reads 本年增/减 with its sign and 处理决定数量 into the shared keys", () => {
    expect(reading.values[key("licensing.change")]).toBe(-2);
    expect(reading.values[key("licensing.decisions")]).toBe(315);
    expect(reading.values[key("penalty.decisions")]).toBe(88);
    expect(reading.values[key("otherServices.decisions")]).toBe(12);
  });

  it("converts a procurement amount printed in 万元 to 元", () => {
    expect(reading.values[key("procurement.items")]).toBe(14);
    expect(reading.values[key("procurement.amount")]).toBe(3_565_000);
  });

  it("reads （六）其他处理 as one row", () => {
    expect(reading.values[applyKey("otherHandling.other", "total")]).toBe(0);
    expect(reading.values[applyKey("handledTotal", "total")]).toBe(9);
  });

  // The same table 二 in the layouts a narrow label column gives a PDF's text.
  const variant = (from: RegExp, to: string) => {
    const changed = table2019.replace(from, to);
    expect(changed).not.toBe(table2019);
    return readTables(`${OPENING.replace("2024", "2020")}${changed}\n${apply2019}`, 2020);
  };
  const row = (r: ReturnType<typeof readTables>, name: string, columns: string[]) => columns.map((c) => r.values[key(`${name}.${c}`)]);

  it("finds a label wrapped around its row's signed numbers and an amount with its unit", () => {
    const wrapped = variant(/行政许可\t40\t-2\t315\n([^]*)政府集中采购\t14\t356\.5/, "行政许   40   -2   315\n  可\n$1政府集   14    356.5万元\n中采购");
    expect(row(wrapped, "licensing", ["previous", "change", "decisions"])).toEqual([40, -2, 315]);
    expect(row(wrapped, "procurement", ["items", "amount"])).toEqual([14, 3_565_000]);
  });

  it("hands the number lines after labels printed together out one per row, in order", () => {
    const stacked = variant(/信息内容(\t上一年项目数量\t本年增\/减\t处理决定数量)\n行政处罚\t25\t1\t88\n行政强制\t9\t0\t3/, "信息内容行政处罚行政强制$1\n25\t1\t88\n9\t0\t3");
    expect(row(stacked, "penalty", ["previous", "change", "decisions"])).toEqual([25, 1, 88]);
    expect(row(stacked, "coercion", ["previous", "change", "decisions"])).toEqual([9, 0, 3]);
    expect(stacked.issues.find((i) => i.code === "VALUE_RECOVERED" && i.keys?.includes(key("coercion.decisions")))).toBeDefined();
  });

  it("leaves labels printed together empty, naming their keys, when their numbers cannot be handed out", () => {
    const stacked = variant(/行政处罚\t25\t1\t88\n行政强制\t9\t0\t3/, "行政处罚行政强制\t25\t1\t88\t9\t0\t3");
    const keys = ["penalty", "coercion"].flatMap((name) => ["previous", "change", "decisions"].map((c) => key(`${name}.${c}`)));
    for (const k of keys) expect(stacked.values[k], k).toBeNull();
    const issue = stacked.issues.find((i) => i.code === "CELL_UNREADABLE" && i.severity === "error");
    expect(issue?.keys).toEqual(expect.arrayContaining(keys));
    // Rows printed apart are untouched.
    expect(row(stacked, "licensing", ["previous", "change", "decisions"])).toEqual([40, -2, 315]);
  });
});
