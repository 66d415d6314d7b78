/**
 * Two layouts real agencies print that differ from the template's grid: table 三 with the five
 * 法人或其他组织 columns merged into one (自然人 | 法人或其他组织 | 总计), and table 四 printed
 * sideways (the outcomes as rows, the three blocks as columns). Each test takes a real report,
 * reprints its table in that layout from the report's hand-checked numbers, and reads it back.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  APPLICANT_COLUMNS,
  REVIEW_BLOCKS,
  REVIEW_OUTCOMES,
  applyKey,
  applyRowsOf,
  reviewKey,
  type TemplateId,
} from "@/lib/metrics/dictionary";
import { htmlToText } from "@/lib/report/extract/html";
import { readTables } from "@/lib/report/tables";
import type { ReportIssue } from "@/lib/report/types";

const FIXTURES = path.join(__dirname, "..", "fixtures");

interface Fixture {
  text: string;
  year: number;
  template: TemplateId;
  values: Record<string, number>;
}

function fixture(file: string): Fixture {
  const text = readFileSync(path.join(FIXTURES, `${file}.txt`), "utf8");
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${file}.expected.json`), "utf8"));
  return { text, year: expected.year, template: expected.template, values: expected.values };
}

/** The report with the text from `from` up to `to` (both headings kept) replaced by `table`. */
function replaceSection(text: string, from: RegExp, to: RegExp, table: string): string {
  const start = text.search(from);
  const heading = text.slice(start).match(from)![0];
  const afterHeading = start + heading.length;
  const end = afterHeading + text.slice(afterHeading).search(to);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(afterHeading);
  return `${text.slice(0, afterHeading)}\n${table}\n${text.slice(end)}`;
}

const APPLY_HEADING = /三、收到和处理政府信息公开申请情况/;
const REVIEW_HEADING = /四、政府信息公开行政复议、行政诉讼情况/;
const END_HEADING = /\n#*\s*五、/;

// ---------------------------------------------------------------------------------------------
// A table as a grid of cells (with spans), printed in the layouts the reader meets

interface Cell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}
type Grid = Cell[][];

const cell = (text: string | number, spans: Omit<Cell, "text"> = {}): Cell => ({ text: String(text), ...spans });

/** Spans expanded into blank cells, as DOCX and HTML tables turned into text leave them. */
function expand(grid: Grid): string[][] {
  const out: string[][] = [];
  const covered = new Map<string, true>();
  grid.forEach((row, r) => {
    out[r] ??= [];
    let c = 0;
    for (const item of row) {
      while (covered.has(`${r},${c}`)) out[r][c++] = "";
      for (let dr = 0; dr < (item.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (item.colSpan ?? 1); dc++) {
          if (dr === 0 && dc === 0) continue;
          covered.set(`${r + dr},${c + dc}`, true);
          if (dr === 0) out[r][c + dc] = "";
        }
      }
      out[r][c] = item.text;
      c += item.colSpan ?? 1;
    }
    while (covered.has(`${r},${c}`)) out[r][c++] = "";
  });
  return out;
}

type Layout = (grid: Grid) => string;

/** One row per line, cells separated by tabs (a DOCX table turned into text). */
const tabRows: Layout = (grid) => expand(grid).map((cells) => cells.join("\t")).join("\n");
/** One cell per line, a tab before each, a blank line after each row (as seeds 000 and 002). */
const cellPerLine: Layout = (grid) =>
  grid.map((cells) => cells.map((c) => `\t${c.text}`).join("\n")).join("\n\n");
/** An HTML table with rowspan and colspan, through the project's HTML extractor. */
const htmlTable: Layout = (grid) => {
  const rows = grid.map(
    (cells) =>
      `<tr>${cells
        .map((c) => `<td${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ""}${c.colSpan ? ` colspan="${c.colSpan}"` : ""}>${c.text}</td>`)
        .join("")}</tr>`,
  );
  return htmlToText(`<html><body><table>${rows.join("\n")}</table></body></html>`);
};

const LAYOUTS: [string, Layout][] = [
  ["tab-separated rows", tabRows],
  ["one cell per line", cellPerLine],
  ["an HTML table with spans", htmlTable],
];

// ---------------------------------------------------------------------------------------------
// Table 三 with 法人或其他组织 as one column

/** Row labels as the template prints them: the row's label and the group label spanning it. */
const APPLY_LABELS: Record<string, [group: string, label: string]> = {
  newReceived: ["", "一、本年新收政府信息公开申请数量"],
  carriedOver: ["", "二、上年结转政府信息公开申请数量"],
  granted: ["", "（一）予以公开"],
  partiallyGranted: ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
  "withheld.stateSecret": ["（三）不予公开", "1.属于国家秘密"],
  "withheld.lawForbidden": ["（三）不予公开", "2.其他法律行政法规禁止公开"],
  "withheld.threeSecurities": ["（三）不予公开", "3.危及“三安全一稳定”"],
  "withheld.thirdParty": ["（三）不予公开", "4.保护第三方合法权益"],
  "withheld.internalAffairs": ["（三）不予公开", "5.属于三类内部事务信息"],
  "withheld.processInfo": ["（三）不予公开", "6.属于四类过程性信息"],
  "withheld.enforcementFiles": ["（三）不予公开", "7.属于行政执法案卷"],
  "withheld.adminQuery": ["（三）不予公开", "8.属于行政查询事项"],
  "unavailable.notHeld": ["（四）无法提供", "1.本机关不掌握相关政府信息"],
  "unavailable.needsCreation": ["（四）无法提供", "2.没有现成信息需要另行制作"],
  "unavailable.unclear": ["（四）无法提供", "3.补正后申请内容仍不明确"],
  "notProcessed.complaint": ["（五）不予处理", "1.信访举报投诉类申请"],
  "notProcessed.duplicate": ["（五）不予处理", "2.重复申请"],
  "notProcessed.publication": ["（五）不予处理", "3.要求提供公开出版物"],
  "notProcessed.excessive": ["（五）不予处理", "4.无正当理由大量反复申请"],
  "notProcessed.confirmation": ["（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"],
  "otherHandling.noCorrection": ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"],
  "otherHandling.noFee": ["（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
  "otherHandling.other": ["（六）其他处理", "3.其他"],
  handledTotal: ["", "（七）总计"],
  carriedForward: ["", "四、结转下年度继续办理"],
};
// The outcome rows, from （一）予以公开 to （七）总计, sit under one vertical label.
const OUTCOMES_LABEL = "三、本年度办理结果";
const INTAKE_ROWS = ["newReceived", "carriedOver", "carriedForward"];

const LEGAL_PERSON_COLUMNS = APPLICANT_COLUMNS.filter((c) => c !== "naturalPerson");

/** What the merged column prints for a row: the sum of the five legal-person cells. */
function mergedOf(values: Record<string, number>, row: string): number {
  return LEGAL_PERSON_COLUMNS.reduce((n, column) => n + values[applyKey(row, column)], 0);
}

/**
 * Table 三 as the template draws it (three label columns with spans) but with three applicant
 * columns: 自然人 | 法人或其他组织 | 总计. `cellsOf` gives the numbers printed in a row.
 */
function applyGrid(
  template: TemplateId,
  header: Grid,
  cellsOf: (row: string) => (string | number)[],
): Grid {
  const rows = applyRowsOf(template);
  const outcomeRows = rows.filter((row) => !INTAKE_ROWS.includes(row)).length;
  const grid: Grid = [...header];
  rows.forEach((row, r) => {
    const [group, label] = APPLY_LABELS[row];
    const numbers = cellsOf(row).map((v) => cell(v));
    const labels: Cell[] = [];
    if (INTAKE_ROWS.includes(row)) {
      grid.push([cell(label, { colSpan: 3 }), ...numbers]);
      return;
    }
    if (row === "granted") labels.push(cell(OUTCOMES_LABEL, { rowSpan: outcomeRows }));
    if (group === "") labels.push(cell(label, { colSpan: 2 }));
    else if (APPLY_LABELS[rows[r - 1]][0] !== group) {
      const span = rows.filter((other) => APPLY_LABELS[other][0] === group).length;
      labels.push(cell(group, { rowSpan: span }), cell(label));
    } else labels.push(cell(label));
    grid.push([...labels, ...numbers]);
  });
  return grid;
}

const NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/** Table 三 with 法人或其他组织 as one column, from a report's numbers. */
function mergedApplyGrid(values: Record<string, number>, template: TemplateId): Grid {
  const header: Grid = [
    [cell(NOTE, { rowSpan: 2, colSpan: 3 }), cell("申请人情况", { colSpan: 3 })],
    [cell("自然人"), cell("法人或其他组织"), cell("总计")],
  ];
  return applyGrid(template, header, (row) => [
    values[applyKey(row, "naturalPerson")],
    mergedOf(values, row),
    values[applyKey(row, "total")],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Table 四 sideways

const OUTCOME_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/** Table 四 with the outcomes as rows and 行政复议 / 直接起诉 / 复议后起诉 as columns. */
function sidewaysReviewGrid(values: Record<string, number>): Grid {
  return [
    [cell("", { rowSpan: 2 }), cell("行政复议", { rowSpan: 2 }), cell("行政诉讼", { colSpan: 2 })],
    [cell("未经复议直接起诉"), cell("复议后起诉")],
    ...REVIEW_OUTCOMES.map((outcome, o) => [
      cell(OUTCOME_LABELS[o]),
      ...REVIEW_BLOCKS.map((block) => cell(values[reviewKey(block, outcome)])),
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------

const issueKeys = (issues: ReportIssue[], code: string) =>
  issues.filter((i) => i.code === code).flatMap((i) => i.keys ?? []);

const REPAIRS = ["CELL_UNREADABLE", "ROW_INCOMPLETE", "AMBIGUOUS_SPLIT", "TABLE_MISSING"];
const RULES = ["ROW_TOTAL", "OUTCOME_SUM", "BALANCE", "REVIEW_TOTAL"];

const withMergedApply = (f: Fixture, layout: Layout, grid = mergedApplyGrid(f.values, f.template)) =>
  replaceSection(f.text, APPLY_HEADING, REVIEW_HEADING, layout(grid));
const withSidewaysReview = (f: Fixture, text: string, layout: Layout, grid = sidewaysReviewGrid(f.values)) =>
  replaceSection(text, REVIEW_HEADING, END_HEADING, layout(grid));

const APPLY_KEY = /^apply\./;
const REVIEW_KEYS = REVIEW_BLOCKS.flatMap((block) => REVIEW_OUTCOMES.map((outcome) => reviewKey(block, outcome)));

// r02: applications from companies and law firms, so several merged cells are not 0; 002: only
// natural persons, so every merged cell is 0.
const SOURCES = ["real/r02", "seeds/002_1a2d2c03a4872bbc"];

describe("table 三 with 法人或其他组织 printed as one column", () => {
  for (const source of SOURCES) {
    for (const [name, layout] of LAYOUTS) {
      it(`reads ${source} reprinted so, as ${name}`, () => {
        const f = fixture(source);
        const reading = readTables(withMergedApply(f, layout), f.year);
        expect(reading.template).toBe(f.template);

        const unknown: string[] = [];
        const zeroed: string[] = [];
        for (const row of applyRowsOf(f.template)) {
          for (const column of ["naturalPerson", "total"] as const) {
            expect(reading.values[applyKey(row, column)], applyKey(row, column)).toBe(f.values[applyKey(row, column)]);
          }
          const legal = LEGAL_PERSON_COLUMNS.map((column) => applyKey(row, column));
          if (mergedOf(f.values, row) === 0) zeroed.push(...legal);
          else unknown.push(...legal);
        }
        for (const key of zeroed) expect(reading.values[key], key).toBe(0);
        for (const key of unknown) expect(reading.values[key], key).toBeNull();
        expect(issueKeys(reading.issues, "COLUMNS_MERGED").sort()).toEqual(unknown.sort());
        expect(reading.issues.filter((i) => i.code === "COLUMNS_MERGED").map((i) => i.severity)).toEqual(
          unknown.length > 0 ? ["error"] : [],
        );
        expect(issueKeys(reading.issues, "VALUE_RECOVERED").sort()).toEqual(zeroed.sort());
        const recovery = reading.issues.find((i) => i.code === "VALUE_RECOVERED");
        expect(recovery?.message).toContain("merged column");
        if (unknown.length > 0) {
          expect(reading.issues.find((i) => i.code === "COLUMNS_MERGED")?.message).toContain(
            `一、本年新收政府信息公开申请数量·法人或其他组织 = ${mergedOf(f.values, "newReceived")}`,
          );
        }
        // Nothing else was repaired, and the arithmetic holds over what was read.
        expect(reading.issues.filter((i) => REPAIRS.includes(i.code) || RULES.includes(i.code))).toEqual([]);
        // The other tables of the report are read as before.
        for (const [key, value] of Object.entries(f.values)) {
          if (!APPLY_KEY.test(key)) expect(reading.values[key], key).toBe(value);
        }
      });
    }
  }

  it("checks ROW_TOTAL over 自然人 + 法人或其他组织 where the merged cell is not 0", () => {
    const f = fixture("real/r02");
    const grid = mergedApplyGrid(f.values, f.template);
    // （一）予以公开 290 | 4 | 294 printed with a wrong total 295
    const granted = grid.find((cells) => cells.some((c) => c.text === "（一）予以公开"))!;
    expect(granted.slice(-3).map((c) => c.text)).toEqual(["290", "4", "294"]);
    granted[granted.length - 1] = cell(295);
    const reading = readTables(withMergedApply(f, tabRows, grid), f.year);
    expect(reading.values[applyKey("granted", "total")]).toBe(295);
    const breaks = reading.issues.filter((i) => RULES.includes(i.code));
    const rowTotal = breaks.find((i) => i.code === "ROW_TOTAL");
    expect(rowTotal?.keys).toEqual(expect.arrayContaining([applyKey("granted", "total"), applyKey("granted", "naturalPerson")]));
    expect(rowTotal?.message).toContain("法人或其他组织");
    // 总计's column no longer adds up either (OUTCOME_SUM), which the usual check reports.
    expect(breaks.map((i) => i.code).sort()).toEqual(["OUTCOME_SUM", "ROW_TOTAL"]);
  });

  it("checks OUTCOME_SUM down the merged column", () => {
    const f = fixture("real/r02");
    const grid = mergedApplyGrid(f.values, f.template);
    // （七）总计 710 | 8 | 718 printed 710 | 9 | 719: the merged column and 总计 no longer add up
    const handled = grid.find((cells) => cells.some((c) => c.text === "（七）总计"))!;
    handled.splice(-2, 2, cell(9), cell(719));
    const reading = readTables(withMergedApply(f, cellPerLine, grid), f.year);
    expect(reading.values[applyKey("handledTotal", "total")]).toBe(719);
    const merged = reading.issues.filter((i) => RULES.includes(i.code) && i.message.includes("法人或其他组织"));
    expect(merged.map((i) => i.code).sort()).toEqual(["BALANCE", "OUTCOME_SUM"]);
    expect(merged[0].keys).toEqual(expect.arrayContaining([applyKey("handledTotal", "commercial")]));
  });

  it("places a row that lost its merged cell by the column rules", () => {
    const f = fixture("real/r02");
    const grid = mergedApplyGrid(f.values, f.template);
    // （一）予以公开 290 | 4 | 294 printed without its 4
    const granted = grid.find((cells) => cells.some((c) => c.text === "（一）予以公开"))!;
    granted.splice(-2, 1);
    const reading = readTables(withMergedApply(f, cellPerLine, grid), f.year);
    expect(reading.values[applyKey("granted", "naturalPerson")]).toBe(290);
    expect(reading.values[applyKey("granted", "total")]).toBe(294);
    expect(reading.values[applyKey("granted", "commercial")]).toBeNull();
    const lost = reading.issues.find((i) => i.code === "ROW_INCOMPLETE");
    expect(lost?.keys?.sort()).toEqual(LEGAL_PERSON_COLUMNS.map((c) => applyKey("granted", c)).sort());
    expect(lost?.message).toContain("（一）予以公开·法人或其他组织 = 4");
    expect(reading.issues.filter((i) => RULES.includes(i.code))).toEqual([]);
  });

  it("reports a break in a row whose merged cell is 0 once, through the usual check", () => {
    const f = fixture("seeds/002_1a2d2c03a4872bbc");
    const grid = mergedApplyGrid(f.values, f.template);
    const granted = grid.find((cells) => cells.some((c) => c.text === "（一）予以公开"))!;
    granted[granted.length - 1] = cell(9); // 8 | 0 | 9
    const reading = readTables(withMergedApply(f, tabRows, grid), f.year);
    const rowTotals = reading.issues.filter((i) => i.code === "ROW_TOTAL");
    expect(rowTotals).toHaveLength(1);
    expect(rowTotals[0].keys).toContain(applyKey("granted", "commercial"));
  });

  it("reads a header without the five sub-columns as the full table when its rows carry seven numbers", () => {
    const f = fixture("real/r02");
    const header: Grid = [
      [cell(NOTE, { colSpan: 3 }), cell("申请人情况", { colSpan: 7 })],
      [cell("", { colSpan: 3 }), cell("自然人"), cell("法人或其他组织", { colSpan: 5 }), cell("总计")],
    ];
    const grid = applyGrid(f.template, header, (row) => [...APPLICANT_COLUMNS, "total" as const].map((c) => f.values[applyKey(row, c)]));
    const reading = readTables(withMergedApply(f, tabRows, grid), f.year);
    for (const [key, value] of Object.entries(f.values)) expect(reading.values[key], key).toBe(value);
    expect(issueKeys(reading.issues, "COLUMNS_MERGED")).toEqual([]);
  });
});

describe("table 四 printed sideways", () => {
  for (const source of SOURCES) {
    for (const [name, layout] of LAYOUTS) {
      it(`reads ${source} reprinted so, as ${name}`, () => {
        const f = fixture(source);
        const reading = readTables(withSidewaysReview(f, f.text, layout), f.year);
        for (const key of REVIEW_KEYS) expect(reading.values[key], key).toBe(f.values[key]);
        expect(reading.issues.filter((i) => i.keys?.some((k) => REVIEW_KEYS.includes(k)))).toEqual([]);
        for (const [key, value] of Object.entries(f.values)) expect(reading.values[key], key).toBe(value);
      });
    }
  }

  it("reads both layouts in one report", () => {
    const f = fixture("real/r02");
    const text = withSidewaysReview(f, withMergedApply(f, htmlTable), htmlTable);
    const reading = readTables(text, f.year);
    for (const key of REVIEW_KEYS) expect(reading.values[key], key).toBe(f.values[key]);
    expect(reading.values[applyKey("newReceived", "total")]).toBe(f.values[applyKey("newReceived", "total")]);
  });

  /** 行政诉讼 to the left of 行政复议, and 复议后起诉 before 未经复议直接起诉. */
  function reorderedGrid(values: Record<string, number>): Grid {
    const blocks = ["litigation.afterReview", "litigation.direct", "review"] as const;
    return [
      [cell("", { rowSpan: 2 }), cell("行政诉讼", { colSpan: 2 }), cell("行政复议", { rowSpan: 2 })],
      [cell("复议后起诉"), cell("未经复议直接起诉")],
      ...REVIEW_OUTCOMES.map((outcome, o) => [
        cell(OUTCOME_LABELS[o]),
        ...blocks.map((block) => cell(values[reviewKey(block, outcome)])),
      ]),
    ];
  }

  for (const [name, layout] of [LAYOUTS[0], LAYOUTS[2]]) {
    it(`places the columns in the order the header prints them, as ${name}`, () => {
      const f = fixture("real/r02");
      const reading = readTables(withSidewaysReview(f, f.text, layout, reorderedGrid(f.values)), f.year);
      for (const key of REVIEW_KEYS) expect(reading.values[key], key).toBe(f.values[key]);
    });
  }

  it("leaves the cells empty when one cell per line hides a column order other than the template's", () => {
    const f = fixture("real/r02");
    const reading = readTables(withSidewaysReview(f, f.text, cellPerLine, reorderedGrid(f.values)), f.year);
    for (const key of REVIEW_KEYS) expect(reading.values[key], key).toBeNull();
    const issue = reading.issues.find((i) => i.code === "AMBIGUOUS_SPLIT");
    expect(issue?.keys?.sort()).toEqual([...REVIEW_KEYS].sort());
    expect(issue?.message).toContain("sideways");
  });

  it("keeps a printed total that breaks REVIEW_TOTAL, and says so", () => {
    const f = fixture("real/r02");
    const grid = sidewaysReviewGrid(f.values);
    grid[grid.length - 1][1] = cell(60); // 行政复议 27 + 10 + 9 + 15 = 61, printed 60
    const reading = readTables(withSidewaysReview(f, f.text, cellPerLine, grid), f.year);
    expect(reading.values[reviewKey("review", "total")]).toBe(60);
    expect(reading.values[reviewKey("review", "upheld")]).toBe(27);
    const broken = reading.issues.filter((i) => i.code === "REVIEW_TOTAL");
    expect(broken).toHaveLength(1);
    expect(broken[0].keys).toContain(reviewKey("review", "total"));
  });

  it("reads a blank cell as 0", () => {
    const f = fixture("real/r02");
    const grid = sidewaysReviewGrid(f.values);
    grid[3][2] = cell(""); // 结果纠正 of 未经复议直接起诉: 0 printed blank
    expect(f.values[reviewKey("litigation.direct", "corrected")]).toBe(0);
    const reading = readTables(withSidewaysReview(f, f.text, tabRows, grid), f.year);
    for (const key of REVIEW_KEYS) expect(reading.values[key], key).toBe(f.values[key]);
  });
});

describe("the usual layouts are not taken for these", () => {
  for (const source of ["seeds/000_6524e2516c3e27b9", "seeds/003_de8792f0dd23530d", "seeds/004_bd965010b2642c5a", "real/r02", "real/r04"]) {
    it(`reads ${source} as printed`, () => {
      const f = fixture(source);
      const reading = readTables(f.text, f.year);
      expect(issueKeys(reading.issues, "COLUMNS_MERGED")).toEqual([]);
      for (const [key, value] of Object.entries(f.values)) {
        if (APPLY_KEY.test(key) || REVIEW_KEYS.includes(key)) expect(reading.values[key], key).toBe(value);
      }
    });
  }
});
