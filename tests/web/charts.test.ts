/**
 * Charts show what the database holds: each chart's data table is read through the test-id
 * contract and compared with sums computed here from the stored numbers (read directly, not
 * through the app's queries), with the measures' own definitions. Changing a filter changes the
 * URL and the chart, and the new chart again matches the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { printedTablesOf } from "@/lib/charts/printed-tables";
import { inArray } from "drizzle-orm";
import { divisions } from "@/db/schema";
import {
  MEASURES,
  OUTCOME_MEASURE_IDS,
  REVIEW_BLOCKS,
  REVIEW_OUTCOMES,
  measureById,
  reviewOutcomeLabel,
  type Measure,
} from "@/lib/measures";
import { reviewKey, type TemplateId } from "@/lib/metrics/dictionary";
import { AppPage } from "./pages/app-page";
import type { TableData } from "./pages/chart-panel";
import { closeTo } from "./support/checks";
import { openWebFixture, webSkipReason, type WebFixture } from "./support/context";
import { numberOfCell, storedReports, sumValues, type StoredFilter, type StoredReport } from "./support/stored";

const skip = webSkipReason();

/** The table's numbers in one column, by the text of the first column. */
function columnByRow(table: TableData, columnLabel: string): Map<string, number | null> {
  const index = table.header.indexOf(columnLabel);
  if (index < 0) throw new Error(`no column "${columnLabel}" in ${table.header.join(" | ")}`);
  return new Map(table.rows.map((row) => [row[0], numberOfCell(row[index])]));
}

/** What the overview's outcome chart must show for these reports: each outcome measure's value. */
function expectedOutcomes(reports: Iterable<StoredReport>): Map<string, number | null> {
  const list = [...reports];
  return new Map(
    OUTCOME_MEASURE_IDS.map((id) => {
      const measure = measureById(id);
      return [measure.label, measure.compute(sumValues(list, measure.keys))];
    }),
  );
}

/**
 * What the overview's review and litigation chart must show: each block's outcome sums, by
 * "row number|outcome label" (one row per block of table 四, in printed order).
 */
function expectedReviewOutcomes(reports: Iterable<StoredReport>): Map<string, number | null> {
  const list = [...reports];
  const expected = new Map<string, number | null>();
  REVIEW_BLOCKS.forEach((block, row) => {
    for (const outcome of REVIEW_OUTCOMES) {
      const key = reviewKey(block, outcome);
      expected.set(`${row + 1}|${reviewOutcomeLabel(outcome)}`, sumValues(list, [key])[key] ?? null);
    }
  });
  return expected;
}

/** A table's cells by "row number|column label". */
function cellsOf(table: TableData): Map<string, number | null> {
  const cells = new Map<string, number | null>();
  table.rows.forEach((row, r) =>
    table.header.slice(1).forEach((h, i) => cells.set(`${r + 1}|${h}`, numberOfCell(row[i + 1]))),
  );
  return cells;
}

/** A measure as a chart table shows it: counts as they are, rates in percent. */
function shownValue(measure: Measure, reports: StoredReport[]): number | null {
  const value = measure.compute(sumValues(reports, measure.keys));
  return value !== null && measure.kind === "rate" ? value * 100 : value;
}

function groupBy<K>(reports: Iterable<StoredReport>, keyOf: (r: StoredReport) => K): Map<K, StoredReport[]> {
  const groups = new Map<K, StoredReport[]>();
  for (const r of reports) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  return groups;
}

function mismatches(actual: Map<string, number | null>, expected: Map<string, number | null>): string[] {
  return [...expected].flatMap(([label, value]) =>
    closeTo(actual.get(label) ?? null, value) ? [] : [`${label}: page ${actual.get(label)} vs database ${value}`],
  );
}

describe.skipIf(skip)("charts against the database", () => {
  let web: WebFixture;
  let context: BrowserContext;
  let years: number[];

  const stored = (filter: StoredFilter) => storedReports(web.database.db, filter);

  beforeAll(async () => {
    web = await openWebFixture();
    context = await web.newContext();
    const all = await stored({});
    years = [...new Set([...all.values()].map((r) => r.year))].sort((a, b) => b - a);
    expect(years.length, "the bundled reports cover at least two years").toBeGreaterThanOrEqual(2);
  });

  afterAll(async () => {
    await context?.close();
    await web?.close();
  });

  it("overview: outcomes of the latest year, in the table and in the CSV, equal the stored numbers", async () => {
    const app = new AppPage(await context.newPage(), web.baseUrl);
    await app.open("/");
    expect(await app.filter("year").inputValue()).toBe(String(years[0]));
    const chart = app.chart("outcomes");
    await chart.waitReady();
    const expected = expectedOutcomes((await stored({ year: years[0] })).values());
    const column = `${years[0]} 年度`;
    expect(mismatches(columnByRow(await chart.readTable(), column), expected)).toEqual([]);

    const csv = await chart.downloadCsv();
    expect(csv.fileName).toContain(String(years[0]));
    expect(mismatches(columnByRow(csv, column), expected)).toEqual([]);
    await app.page.close();
  });

  it("overview: review and litigation outcomes equal the stored numbers", async () => {
    const app = new AppPage(await context.newPage(), web.baseUrl);
    await app.open("/", { year: String(years[0]) });
    const chart = app.chart("review-outcomes");
    await chart.waitReady();
    const expected = expectedReviewOutcomes((await stored({ year: years[0] })).values());
    expect(mismatches(cellsOf(await chart.readTable()), expected)).toEqual([]);
    await app.page.close();
  });

  it("overview: every rate reads as a percent with one decimal (0.0% too); its CSV number is unrounded", async () => {
    const app = new AppPage(await context.newPage(), web.baseUrl);
    await app.open("/", { year: String(years[0]) });
    const panel = app.chart("measures");
    const table = await panel.readTable();
    const csv = await panel.downloadCsv();
    const column = `${years[0]} 年度`;
    const reports = [...(await stored({ year: years[0] })).values()];
    const rates = MEASURES.filter((m) => m.kind === "rate");
    const shown = new Map(table.rows.map((row) => [row[0], row[table.header.indexOf(column)]]));
    const written = new Map(csv.rows.map((row) => [row[0], row[csv.header.indexOf(column)]]));
    for (const rate of rates) {
      const expected = shownValue(rate, reports);
      expect(shown.get(rate.label), rate.label).toBe(expected === null ? "—" : `${expected.toFixed(1)}%`);
      if (expected !== null) expect(closeTo(Number(written.get(rate.label)), expected, 1e-5), `${rate.label} CSV`).toBe(true);
    }
    await app.page.close();
  });

  it("overview: choosing another year changes the URL and the chart, to that year's numbers", async () => {
    const app = new AppPage(await context.newPage(), web.baseUrl);
    await app.open("/");
    const chart = app.chart("outcomes");
    await chart.waitReady();
    const before = await chart.readTable();
    const other = years[years.length - 1];

    await app.setFilter("year", String(other));
    expect(app.searchParams.get("year")).toBe(String(other));
    const expected = expectedOutcomes((await stored({ year: other })).values());
    await expect
      .poll(async () => (await chart.readTable()).header.includes(`${other} 年度`), { timeout: 15_000 })
      .toBe(true);
    const after = await chart.readTable();
    expect(after).not.toEqual(before);
    expect(mismatches(columnByRow(after, `${other} 年度`), expected)).toEqual([]);

    // the URL alone reproduces the view: a reload shows the same table
    await app.page.reload();
    await chart.waitReady();
    expect(await chart.readTable()).toEqual(after);
    await app.page.close();
  });

  it("overview: choosing a province narrows the chart to that province's reports", async () => {
    const app = new AppPage(await context.newPage(), web.baseUrl);
    await app.open("/", { year: String(years[0]) });
    const withReports = new Set([...(await stored({ year: years[0] })).values()].map((r) => r.provinceCode));
    const offered = (await app.filterOptions("place")).map((o) => o.value);
    const province = offered.find((code) => withReports.has(code));
    expect(province, `a province with ${years[0]} reports among ${offered.join(",")}`).toBeDefined();
    const expected = expectedOutcomes((await stored({ year: years[0], provinceCode: province })).values());

    await app.setFilter("place", province!);
    const chart = app.chart("outcomes");
    // the server re-renders after the URL changes: poll until the table shows the new numbers
    await expect
      .poll(async () => mismatches(columnByRow(await chart.readTable(), `${years[0]} 年度`), expected), {
        timeout: 15_000,
      })
      .toEqual([]);
    await app.page.close();
  });

  it("regions: each province's value, report and agency counts equal the stored numbers, for a chosen measure", async () => {
    const rate = MEASURES.find((m) => m.kind === "rate")!;
    const app = new AppPage(await context.newPage(), web.baseUrl);
    await app.open("/regions", { year: String(years[0]) });
    await app.setFilter("measure", rate.id);
    const byProvince = groupBy((await stored({ year: years[0] })).values(), (r) => r.provinceCode!);
    const names = await web.database.db
      .select({ code: divisions.code, name: divisions.name })
      .from(divisions)
      .where(inArray(divisions.code, [...byProvince.keys()]));
    expect(names).toHaveLength(byProvince.size);
    const expected = new Map<string, number | null>();
    for (const { code, name } of names) {
      const reports = byProvince.get(code)!;
      expected.set(`${name}|${rate.label}`, shownValue(rate, reports));
      expected.set(`${name}|年报数`, reports.length);
      expected.set(`${name}|机关数`, new Set(reports.map((r) => r.agencyId)).size);
    }
    const chart = app.chart("regions");
    const byName = (table: TableData) => {
      const cells = new Map<string, number | null>();
      for (const row of table.rows) table.header.slice(1).forEach((h, i) => cells.set(`${row[0]}|${h}`, numberOfCell(row[i + 1])));
      return cells;
    };
    await expect
      .poll(async () => mismatches(byName(await chart.readTable()), expected), { timeout: 15_000 })
      .toEqual([]);
    expect((await chart.readTable()).rows).toHaveLength(byProvince.size);
    await app.page.close();
  });

  it("trends: the whole country's measure for every year equals the stored numbers", async () => {
    const measure = measureById(OUTCOME_MEASURE_IDS[0]);
    const app = new AppPage(await context.newPage(), web.baseUrl);
    await app.open("/trends", { measure: measure.id });
    const chart = app.chart("trend");
    await chart.waitReady();
    const table = await chart.readTable();
    const byYear = groupBy((await stored({})).values(), (r) => r.year);
    const shown = new Map(table.rows.map((row) => [Number(row[0].replace(/\D/g, "")), numberOfCell(row[1])]));
    const expected = new Map([...byYear].map(([year, reports]) => [year, shownValue(measure, reports)]));
    for (const [year, value] of expected) {
      expect(closeTo(shown.get(year) ?? null, value), `${year}: page ${shown.get(year)} vs database ${value}`).toBe(true);
    }
    // years without any report are shown empty, never as 0
    for (const [year, value] of shown) if (!byYear.has(year)) expect(value, `${year}`).toBeNull();
    await app.page.close();
  });

  it("agency page: each printed table cell shows the stored number, recovered cells marked", async () => {
    const all = [...(await stored({})).values()];
    const perAgency = new Map<number, StoredReport[]>();
    for (const r of all) perAgency.set(r.agencyId, [...(perAgency.get(r.agencyId) ?? []), r]);
    // an agency with a single report, the one with most numbers (so the tables are well filled)
    const report = all
      .filter((r) => perAgency.get(r.agencyId)!.length === 1)
      .sort((a, b) => b.values.size - a.values.size)[0];
    const app = new AppPage(await context.newPage(), web.baseUrl);
    expect(await app.open(`/agencies/${report.agencyId}`)).toBe(200);
    expect(await app.page.locator("h1").first().textContent()).toContain(report.agency);

    const problems: string[] = [];
    let cells = 0;
    for (const [index, printed] of printedTablesOf(report.template as TemplateId).entries()) {
      const table = app.page.getByTestId(`report-table-${index}`);
      const shown = await table.evaluate((el) =>
        [...el.querySelectorAll("tbody tr")].map((tr) =>
          [...tr.querySelectorAll("td")].map((td) => ({ text: td.textContent ?? "", method: td.getAttribute("data-method") })),
        ),
      );
      printed.rows.forEach((row, r) =>
        row.keys.forEach((key, c) => {
          if (!key) return;
          cells++;
          const expected = report.values.get(key);
          const cell = shown[r]?.[c];
          const value = cell ? numberOfCell(cell.text.replace("*", "")) : undefined;
          if (value !== (expected?.value ?? null)) problems.push(`${key}: page ${cell?.text} vs database ${expected?.value}`);
          else if (expected && cell?.method !== expected.method) problems.push(`${key}: marked ${cell?.method}, stored ${expected.method}`);
        }),
      );
    }
    expect(cells).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    await app.page.close();
  });
});
