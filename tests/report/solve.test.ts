import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  APPLICANT_COLUMNS,
  APPLY_COLUMNS,
  REVIEW_BLOCKS,
  REVIEW_OUTCOMES,
  applyKey,
  applyRowsOf,
  metricLabel,
  reviewKey,
  type TemplateId,
} from "@/lib/metrics/dictionary";
import { checkArithmetic } from "@/lib/report/arithmetic";
import { extractDocument } from "@/lib/report/extract";
import { solveApplyTable, solveReviewTable, splitDigitRun, type RowTokens } from "@/lib/report/tables/solve";
import type { ReportIssue } from "@/lib/report/types";

const FIXTURES = path.resolve(__dirname, "../fixtures");

function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES, name), "utf8");
}

function expectedValues(name: string): Record<string, number | null> {
  return JSON.parse(fixtureText(name)).values;
}

async function pdfText(name: string): Promise<string> {
  const document = await extractDocument(new Uint8Array(readFileSync(path.join(FIXTURES, name))), name);
  if ("error" in document) throw new Error(document.error.message);
  return document.text;
}

const NUMBER = /^\d+(\.\d+)?$/;

/** Tab-separated layout: the numbers at the end of each line of table 三, in printed order. */
function tabRows(text: string, template: TemplateId): RowTokens[] {
  const table = text.slice(text.indexOf("三、收到和处理"), text.indexOf("四、政府信息公开行政复议"));
  const numberLines = table
    .split("\n")
    .map((line) => line.split("\t").map((field) => field.trim()))
    .map((fields) => {
      let start = fields.length;
      while (start > 0 && NUMBER.test(fields[start - 1])) start--;
      return fields.slice(start);
    })
    .filter((numbers) => numbers.length > 0);
  const rows = applyRowsOf(template);
  expect(numberLines).toHaveLength(rows.length);
  return rows.map((row, i) => ({ row, tokens: numberLines[i] }));
}

/** Tab-separated 四: the one line of numbers, blank fields kept as blank cells. */
function tabReviewTokens(text: string): string[] {
  const table = text.slice(text.indexOf("四、政府信息公开行政复议"), text.indexOf("五、"));
  const line = table.split("\n").find((l) => /^[\t\d ]+$/.test(l) && /\d/.test(l));
  return line!.split("\t").map((field) => field.trim());
}

/** Markdown pipe tables (r02): each row of 三 is `| label | 7 numbers |`, in printed order. */
function pipeRows(text: string, template: TemplateId): RowTokens[] {
  const firstRow = text.indexOf("本年新收政府信息公开申请数量");
  const table = text.slice(text.lastIndexOf("\n", firstRow) + 1);
  const numberLines = table
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) => line.split("|").slice(1, -1).map((field) => field.trim()))
    .filter((fields) => fields.length === APPLY_COLUMNS.length + 1 && fields.slice(1).every((f) => NUMBER.test(f)))
    .map((fields) => fields.slice(1));
  const rows = applyRowsOf(template);
  return rows.map((row, i) => ({ row, tokens: numberLines[i] }));
}

/**
 * Crawler layout with every cell run together (平潭 r03/r04): a row's digits sit between its
 * label and the next row's label. Labels come from the dictionary (the last part before the
 * column, without its 1./2. numbering, which the text glues to the previous row's digits).
 */
function runRows(text: string, template: TemplateId): RowTokens[] {
  const rows = applyRowsOf(template);
  const markers = rows.map((row) => {
    const parts = metricLabel(applyKey(row, APPLY_COLUMNS[0])).split("·");
    return parts[parts.length - 2].replace(/^\d+\./, "").replace(/（2019模板.*$/, "");
  });
  let at = text.indexOf("三、收到和处理");
  const starts = markers.map((marker) => (at = text.indexOf(marker, at) + marker.length));
  const end = text.indexOf("四、政府信息公开行政复议", at);
  return rows.map((row, i) => {
    const segment = text.slice(starts[i], i + 1 < rows.length ? starts[i + 1] - markers[i + 1].length : end);
    const digits = segment.replace(/\d\.$/, "").replace(/^[^\d]*/, "").match(/^[\d ]+/)?.[0] ?? "";
    return { row, tokens: digits.trim().split(/\s+/) };
  });
}

function applyValuesOf(values: Record<string, number | null>, template: TemplateId) {
  return Object.fromEntries(
    Object.entries(values).filter(([key]) => applyRowsOf(template).some((row) => key.startsWith(`apply.${row}.`))),
  );
}

function reviewValuesOf(values: Record<string, number | null>) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => /^(review|litigation)\./.test(key)));
}

/** Runs `work` and reports the CPU time this process spent on it (not other processes' load). */
function cpuTimed<T>(work: () => T): { result: T; ms: number } {
  const started = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(started);
  return { result, ms: (used.user + used.system) / 1000 };
}

function flaggedKeys(issues: ReportIssue[]): Set<string> {
  return new Set(issues.flatMap((issue) => issue.keys ?? []));
}

describe("splitDigitRun", () => {
  it("finds the real cut among every cut of a run", () => {
    const cuts = splitDigitRun("270020130", 7);
    expect(cuts).toContainEqual([27, 0, 0, 2, 0, 1, 30]);
    for (const cut of cuts) {
      expect(cut).toHaveLength(7);
      expect(cut.join("")).toBe("270020130");
    }
  });

  it("never gives a part a leading zero", () => {
    expect(splitDigitRun("000", 2)).toEqual([]);
    expect(splitDigitRun("105", 2)).toEqual([[10, 5]]);
  });

  it("keeps a decimal point inside one part", () => {
    expect(splitDigitRun("24252.311082", 1)).toEqual([[24252.311082]]);
    const cuts = splitDigitRun("31.52", 2);
    expect(cuts).toEqual([
      [3, 1.52],
      [31.5, 2],
    ]);
  });

  it("respects a longest part", () => {
    expect(splitDigitRun("3960181", 3, 3)).toContainEqual([396, 0, 181]);
    expect(splitDigitRun("3960181", 3, 3).every((cut) => cut.every((n) => n < 1000))).toBe(true);
  });
});

describe("solveApplyTable: as many tokens as columns", () => {
  it("places a table as printed (r02)", () => {
    const name = "real/r02";
    const solved = solveApplyTable("2021", pipeRows(fixtureText(`${name}.txt`), "2021"));
    expect(solved.values).toEqual(applyValuesOf(expectedValues(`${name}.expected.json`), "2021"));
    expect(solved.issues).toEqual([]);
  });
});

describe("solveApplyTable: a row lost a cell", () => {
  it("places seeds/001's 6-number outcome rows and names the cells it placed", () => {
    const name = "seeds/001_bc9952d119866064";
    const rows = tabRows(fixtureText(`${name}.txt`), "2021");
    const short = rows.filter((r) => r.tokens.length === APPLY_COLUMNS.length - 1);
    expect(short.length).toBeGreaterThan(0);

    const solved = solveApplyTable("2021", rows);
    expect(solved.values).toEqual(applyValuesOf(expectedValues(`${name}.expected.json`), "2021"));
    const incomplete = solved.issues.filter((i) => i.code === "ROW_INCOMPLETE");
    expect(incomplete).toHaveLength(short.length);
    for (const issue of incomplete) {
      expect(issue.severity).toBe("warning");
      expect(issue.keys!.length).toBeGreaterThan(0);
      expect(issue.message).toMatch(/6 numbers for 7 columns/);
    }
  });

  it("settles where a non-zero cell was lost, and recovers a lost total (r02)", () => {
    const name = "real/r02";
    const rows = pipeRows(fixtureText(`${name}.txt`), "2021");
    const expected = expectedValues(`${name}.expected.json`);
    const granted = applyRowsOf("2021")[2];
    const at = rows.findIndex((r) => r.row === granted);
    const dropCell = (cell: number) =>
      rows.map((r, i) => (i === at ? { ...r, tokens: r.tokens.filter((_, k) => k !== cell) } : r));

    const withoutCommercial = solveApplyTable("2021", dropCell(1));
    const withoutTotal = solveApplyTable("2021", dropCell(APPLY_COLUMNS.length - 1));
    for (const solved of [withoutCommercial, withoutTotal]) {
      expect(solved.values).toEqual(applyValuesOf(expected, "2021"));
    }
    const named = (solved: { issues: ReportIssue[] }) =>
      solved.issues.find((i) => i.code === "ROW_INCOMPLETE")!.keys;
    expect(named(withoutCommercial)).toContain(applyKey(granted, "commercial"));
    expect(named(withoutTotal)).toEqual([applyKey(granted, "total")]);
  });

  it("settles a row that lost two cells through the column rules (r02)", () => {
    const name = "real/r02";
    const rows = pipeRows(fixtureText(`${name}.txt`), "2021");
    const first = rows[0];
    const damaged = [{ ...first, tokens: first.tokens.filter((_, k) => k !== 0 && k !== 4) }, ...rows.slice(1)];
    const solved = solveApplyTable("2021", damaged);
    expect(solved.values).toEqual(applyValuesOf(expectedValues(`${name}.expected.json`), "2021"));
    expect(solved.issues.find((i) => i.code === "ROW_INCOMPLETE")!.keys).toEqual(
      expect.arrayContaining([applyKey(first.row, "naturalPerson"), applyKey(first.row, "legalService")]),
    );
  });

  it("joins a number printed with a space inside (r02 予以公开 with 294 as 29 4)", () => {
    const name = "real/r02";
    const rows = pipeRows(fixtureText(`${name}.txt`), "2021");
    const granted = applyRowsOf("2021")[2];
    const at = rows.findIndex((r) => r.row === granted);
    const total = rows[at].tokens[APPLY_COLUMNS.length - 1];
    expect(total.length).toBeGreaterThan(1);
    const spaced = rows.map((r, i) =>
      i === at ? { ...r, tokens: [...r.tokens.slice(0, -1), total.slice(0, 2), total.slice(2)] } : r,
    );
    const solved = solveApplyTable("2021", spaced);
    expect(solved.values).toEqual(applyValuesOf(expectedValues(`${name}.expected.json`), "2021"));
    expect(flaggedKeys(solved.issues).has(applyKey(granted, "total"))).toBe(true);
  });

  it("never places a wrong number when most rows lost cells, and stays bounded", () => {
    const name = "real/r02";
    const rows = pipeRows(fixtureText(`${name}.txt`), "2021");
    const expected = expectedValues(`${name}.expected.json`);
    // Every row loses the cell at a position that moves along the rows.
    const damaged = rows.map((r, i) => ({ ...r, tokens: r.tokens.filter((_, k) => k !== i % APPLY_COLUMNS.length) }));
    const { result: solved, ms } = cpuTimed(() => solveApplyTable("2021", damaged));
    expect(ms).toBeLessThan(2000);
    const flagged = flaggedKeys(solved.issues);
    for (const [key, value] of Object.entries(solved.values)) {
      if (value === null) expect(flagged.has(key), key).toBe(true);
      else expect(value, key).toBe(expected[key]);
    }
  });

  it("leaves a lost cell empty when the evidence does not settle where it was", () => {
    // One row alone: no column rule to say which applicant column lost its number.
    const solved = solveApplyTable("2021", [{ row: applyRowsOf("2021")[2], tokens: ["4", "1", "0", "0", "0", "5"] }]);
    const row = applyRowsOf("2021")[2];
    expect(solved.values[applyKey(row, "naturalPerson")]).toBeNull();
    expect(flaggedKeys(solved.issues).has(applyKey(row, "naturalPerson"))).toBe(true);
  });
});

describe("solveApplyTable: no 总计 column (seeds/003)", () => {
  it("recovers every total as the row sum, each named by an issue", () => {
    const name = "seeds/003_de8792f0dd23530d";
    const rows = tabRows(fixtureText(`${name}.txt`), "2021");
    const solved = solveApplyTable("2021", rows, APPLICANT_COLUMNS);
    expect(solved.values).toEqual(applyValuesOf(expectedValues(`${name}.expected.json`), "2021"));
    const flagged = flaggedKeys(solved.issues.filter((i) => i.severity === "warning"));
    for (const row of applyRowsOf("2021")) expect(flagged.has(applyKey(row, "total"))).toBe(true);
  });

  it("recovers non-zero totals from the applicant columns", () => {
    const rows: RowTokens[] = applyRowsOf("2021").map((row) => ({ row, tokens: ["3", "1", "0", "0", "0", "2"] }));
    const solved = solveApplyTable("2021", rows, APPLICANT_COLUMNS);
    expect(solved.values[applyKey(rows[0].row, "total")]).toBe(6);
  });
});

describe("solveApplyTable: digits run together (平潭 crawler text)", () => {
  it("splits r04 (template 2021) by the arithmetic", () => {
    const rows = runRows(fixtureText("real/r04.txt"), "2021");
    expect(rows.some((r) => r.tokens.length === 1 && r.tokens[0].length > 7)).toBe(true);
    const solved = solveApplyTable("2021", rows);
    expect(solved.values).toEqual(applyValuesOf(expectedValues("real/r04.expected.json"), "2021"));
    expect(solved.issues.every((i) => i.severity !== "error")).toBe(true);
    expect(checkArithmetic("2021", solved.values)).toEqual([]);
  });

  it("splits r03 (template 2019: no 其他处理 sub-rows)", () => {
    const rows = runRows(fixtureText("real/r03.txt"), "2019");
    expect(rows).toHaveLength(applyRowsOf("2021").length - 2);
    const solved = solveApplyTable("2019", rows);
    expect(solved.values).toEqual(applyValuesOf(expectedValues("real/r03.expected.json"), "2019"));
    expect(Object.keys(solved.values).some((key) => key.includes("noCorrection"))).toBe(false);
  });

  it("stays bounded on long runs and names every cell it cannot settle", () => {
    const rows = applyRowsOf("2021").map((row) => ({ row, tokens: ["12345678912345678912"] }));
    const { result: solved, ms } = cpuTimed(() => solveApplyTable("2021", rows));
    expect(ms).toBeLessThan(2000);
    const flagged = flaggedKeys(solved.issues);
    for (const [key, value] of Object.entries(solved.values)) {
      if (value === null) expect(flagged.has(key)).toBe(true);
    }
  });
});

describe("solveApplyTable: never a wrong number", () => {
  it("places every fixture's table printed as digit runs correctly, or leaves it empty and says so", () => {
    const names = ["seeds", "real"].flatMap((dir) =>
      readdirSync(path.join(FIXTURES, dir))
        .filter((f) => f.endsWith(".expected.json"))
        .map((f) => `${dir}/${f}`),
    );
    let placed = 0;
    for (const name of names) {
      const { template, values } = JSON.parse(fixtureText(name));
      if (Object.keys(values).length === 0) continue;
      // Each row as one run, the way the 平潭 crawler prints it.
      const rows = applyRowsOf(template).map((row) => ({
        row,
        tokens: [APPLY_COLUMNS.map((column) => String(values[applyKey(row, column)])).join("")],
      }));
      const solved = solveApplyTable(template, rows);
      const flagged = flaggedKeys(solved.issues);
      for (const [key, value] of Object.entries(solved.values)) {
        if (value === null) expect(flagged.has(key), `${name} ${key}`).toBe(true);
        else expect(value, `${name} ${key}`).toBe(values[key]);
        if (value !== null) placed++;
      }
    }
    expect(placed).toBeGreaterThan(1000);
  });
});

describe("solveApplyTable: rules the printed numbers break", () => {
  it("keeps printed numbers and still settles a run elsewhere in the table", () => {
    const rows = runRows(fixtureText("real/r04.txt"), "2021");
    // Break ROW_TOTAL in a fully printed row: the run in 予以公开 must still split the same way.
    const broken = rows.map((r, i) => (i === 1 ? { ...r, tokens: ["0", "0", "0", "0", "0", "0", "9"] } : r));
    const solved = solveApplyTable("2021", broken);
    expect(solved.values[applyKey(rows[1].row, "total")]).toBe(9);
    expect(checkArithmetic("2021", solved.values).some((i) => i.code === "ROW_TOTAL")).toBe(true);
  });
});

describe("solveApplyTable: a row not found", () => {
  it("recovers 结转下年度 from BALANCE with an issue naming each cell", () => {
    const name = "real/r02";
    const rows = pipeRows(fixtureText(`${name}.txt`), "2021");
    const expected = expectedValues(`${name}.expected.json`);
    const last = rows[rows.length - 1].row;
    const solved = solveApplyTable("2021", rows.slice(0, -1));
    const flagged = flaggedKeys(solved.issues);
    for (const column of APPLY_COLUMNS) {
      const key = applyKey(last, column);
      expect(solved.values[key]).toBe(expected[key]);
      expect(flagged.has(key)).toBe(true);
    }
  });
});

describe("solveReviewTable", () => {
  it("splits r04's one-run table 四 with REVIEW_TOTAL", () => {
    const text = fixtureText("real/r04.txt");
    const table = text.slice(text.indexOf("四、政府信息公开行政复议"), text.indexOf("五、存在"));
    const run = table.match(/\d{15,}/)![0];
    const solved = solveReviewTable([run]);
    expect(solved.values).toEqual(reviewValuesOf(expectedValues("real/r04.expected.json")));
  });

  it("reads blank cells as 0 (seeds/001 prints 复议 blank)", () => {
    const name = "seeds/001_bc9952d119866064";
    const tokens = tabReviewTokens(fixtureText(`${name}.txt`));
    expect(tokens.filter((t) => t === "")).toHaveLength(5);
    const solved = solveReviewTable(tokens);
    expect(solved.values).toEqual(reviewValuesOf(expectedValues(`${name}.expected.json`)));
  });

  it("reads dashes and thousands separators as printed cells", () => {
    const solved = solveReviewTable(["1,200", "—", "/", "0", "1,200", ...Array(10).fill("-")]);
    expect(solved.values[reviewKey(REVIEW_BLOCKS[0], "upheld")]).toBe(1200);
    expect(solved.values[reviewKey(REVIEW_BLOCKS[0], "corrected")]).toBe(0);
    expect(solved.values[reviewKey(REVIEW_BLOCKS[2], "total")]).toBe(0);
  });

  it("recovers a blank total as the sum of its parts", () => {
    const solved = solveReviewTable(["2", "1", "0", "0", "", ...Array(10).fill("0")]);
    expect(solved.values[reviewKey(REVIEW_BLOCKS[0], "total")]).toBe(3);
    expect(flaggedKeys(solved.issues).has(reviewKey(REVIEW_BLOCKS[0], "total"))).toBe(true);
  });

  it("keeps r05's printed numbers though they break REVIEW_TOTAL", async () => {
    const text = await pdfText("real/r05.pdf");
    const table = text.slice(text.indexOf("四、政府信息公开行政复议"), text.indexOf("五、存在"));
    const line = table.split("\n").find((l) => /^\d+(\t\d+){14}$/.test(l))!;
    const solved = solveReviewTable(line.split("\t"));
    expect(solved.values).toEqual(reviewValuesOf(expectedValues("real/r05.expected.json")));
    const breaks = checkArithmetic("2021", solved.values).filter((i) => i.code === "REVIEW_TOTAL");
    expect(breaks.length).toBe(2);
  });

  it("leaves a run with two valid splits empty, naming the cells", () => {
    // 1100011 is 1/10/0/0/11 or 11/0/0/0/11: both satisfy REVIEW_TOTAL.
    const solved = solveReviewTable(["1100011", ...Array(10).fill("0")]);
    const [upheld, corrected, , , total] = REVIEW_OUTCOMES.map((o) => reviewKey(REVIEW_BLOCKS[0], o));
    expect(solved.values[upheld]).toBeNull();
    expect(solved.values[corrected]).toBeNull();
    expect(solved.values[total]).toBe(11);
    const ambiguous = solved.issues.find((i) => i.code === "AMBIGUOUS_SPLIT")!;
    expect(ambiguous.keys).toEqual(expect.arrayContaining([upheld, corrected]));
    expect(ambiguous.message).toMatch(/1 or 11|11 or 1/);
  });

  it("does not invent a block that was not printed", () => {
    const solved = solveReviewTable(Array(10).fill("0"));
    expect(Object.values(solved.values).every((v) => v === null)).toBe(true);
    expect(solved.issues.some((i) => i.code === "CELL_UNREADABLE")).toBe(true);
  });
});
