/**
 * The full export as a browser downloads it, checked against the database: every current report,
 * every stored number, the dashboard's filters narrowing it, bad parameters refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { metricKeyOfHeader, VALUE_ORIGIN_LABELS, type ValueOrigin } from "@/lib/csv/report-export";
import { metricLabel } from "@/lib/metrics/dictionary";
import { getExportPages } from "@/db/queries/export";
import type { DownloadedCsv } from "./pages/chart-panel";
import { ExportDownload, exportPath } from "./pages/export-download";
import { openWebFixture, webSkipReason, type WebFixture } from "./support/context";
import { storedReports, type StoredReport } from "./support/stored";

const skip = webSkipReason();

function column(csv: DownloadedCsv, label: string): number {
  const index = csv.header.indexOf(label);
  if (index < 0) throw new Error(`export has no column ${label}: ${csv.header.slice(0, 12).join(",")}`);
  return index;
}

/** Report id → (key → number) as the wide CSV has it. */
function wideNumbers(csv: DownloadedCsv): Map<number, Map<string, number>> {
  const id = column(csv, "年报编号");
  const keyed = csv.header.map((h, i) => [metricKeyOfHeader(h), i] as const).filter(([k]) => k !== null);
  return new Map(
    csv.rows.map((row) => [
      Number(row[id]),
      new Map(keyed.filter(([, i]) => row[i] !== "").map(([key, i]) => [key!, Number(row[i])])),
    ]),
  );
}

function storedNumbers(report: StoredReport): Map<string, number> {
  return new Map([...report.values].map(([key, v]) => [key, v.value]));
}

describe.skipIf(skip)("full export", () => {
  let web: WebFixture;
  let context: BrowserContext;
  let exporter: ExportDownload;
  let all: Map<number, StoredReport>;

  beforeAll(async () => {
    web = await openWebFixture();
    context = await web.newContext();
    exporter = new ExportDownload(await context.newPage(), web.baseUrl);
    all = await storedReports(web.database.db);
    expect(all.size).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await context?.close();
    await web?.close();
  });

  it("wide: one row per current report with every stored number under its key", async () => {
    const csv = await exporter.download({ format: "wide" });
    expect(csv.text.startsWith("\uFEFF")).toBe(true);
    expect(csv.fileName).toMatch(/^政务公开年报_.*宽表\.csv$/);
    const numbers = wideNumbers(csv);
    expect([...numbers.keys()].sort((a, b) => a - b)).toEqual([...all.keys()]);
    const agencyColumn = column(csv, "机关");
    const yearColumn = column(csv, "年度");
    for (const row of csv.rows) {
      const stored = all.get(Number(row[column(csv, "年报编号")]))!;
      expect(row[agencyColumn]).toBe(stored.agency);
      expect(Number(row[yearColumn])).toBe(stored.year);
      expect(numbers.get(stored.reportId)).toEqual(storedNumbers(stored));
    }
  });

  it("long: one row per stored number, with its label and origin", async () => {
    const csv = await exporter.download({ format: "long" });
    expect(csv.fileName).toMatch(/长表\.csv$/);
    const [id, key, label, value, origin] = ["年报编号", "指标键", "指标", "数值", "来源"].map((l) => column(csv, l));
    const expectedCount = [...all.values()].reduce((n, r) => n + r.values.size, 0);
    expect(csv.rows).toHaveLength(expectedCount);
    for (const row of csv.rows) {
      const stored = all.get(Number(row[id]))!.values.get(row[key]);
      expect(stored, `${row[id]} ${row[key]}`).toBeDefined();
      expect(Number(row[value])).toBe(stored!.value);
      expect(row[label]).toBe(metricLabel(row[key]));
      expect(row[origin]).toBe(VALUE_ORIGIN_LABELS[stored!.method as ValueOrigin]);
    }
  });

  it("narrows to the dashboard's filters (year, province, kind)", async () => {
    const sample = [...all.values()][0];
    const cases = [
      { params: { year: sample.year }, filter: { year: sample.year } },
      { params: { place: sample.provinceCode ?? undefined }, filter: { provinceCode: sample.provinceCode ?? undefined } },
      { params: { kind: sample.kind, year: sample.year }, filter: { kind: sample.kind, year: sample.year } },
    ];
    for (const { params, filter } of cases) {
      const csv = await exporter.download({ format: "wide", ...params });
      const expected = await storedReports(web.database.db, filter);
      expect([...wideNumbers(csv).keys()].sort((a, b) => a - b), JSON.stringify(params)).toEqual([...expected.keys()]);
    }
  });

  it("refuses bad parameters and anything but GET", async () => {
    for (const bad of [{ year: "20x5" }, { place: "湖南" }, { format: "xlsx" }, { template: "2000" }]) {
      const response = await fetch(new URL(exportPath(bad), web.baseUrl));
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(await response.json()).toHaveProperty("error");
    }
    const post = await fetch(new URL("/api/export", web.baseUrl), { method: "POST" });
    expect(post.status).toBe(405);
  });

  it("the agency list's own export links carry its filters", async () => {
    const year = [...all.values()][0].year;
    await exporter.page.goto(new URL(`/agencies?year=${year}`, web.baseUrl).toString());
    const links = await exporter.pageLinks();
    const wide = links.find((href) => new URLSearchParams(href.split("?")[1]).get("format") === "wide");
    expect(wide, `export links on /agencies: ${links.join(", ")}`).toBeDefined();
    const csv = await exporter.downloadLink(wide!);
    const expected = await storedReports(web.database.db, { year });
    expect([...wideNumbers(csv).keys()].sort((a, b) => a - b)).toEqual([...expected.keys()]);
  });

  it("pages through the reports by id, a bounded page at a time", async () => {
    const pages: number[][] = [];
    for await (const page of getExportPages({}, { db: web.database.db, pageSize: 3 })) {
      pages.push(page.map((item) => item.report.reportId));
      for (const item of page) expect(item.values).toHaveLength(all.get(item.report.reportId)!.values.size);
    }
    expect(pages.length).toBe(Math.ceil(all.size / 3));
    expect(pages.every((p) => p.length <= 3)).toBe(true);
    expect(pages.flat()).toEqual([...all.keys()]);
  });
});
