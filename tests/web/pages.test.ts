/**
 * Every page on the bundled data: it answers, raises no error, draws every chart, each chart's
 * CSV says what its data table says; screenshots at 1280 px and at phone width.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { AppPage, PAGE_PATHS } from "./pages/app-page";
import { collectPageErrors, csvMatchesTable } from "./support/checks";
import { openWebFixture, webSkipReason, type WebFixture } from "./support/context";
import { storedReports } from "./support/stored";

const skip = webSkipReason();
const SCREENSHOTS = path.join(process.cwd(), "tests", "screenshots");
const PAGES = [...PAGE_PATHS, "/agencies/:id"];
const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

function screenshotName(pagePath: string): string {
  return pagePath === "/" ? "overview" : pagePath.slice(1).replace(/\/\d+$/, "-detail").replace(/\//g, "-");
}

describe.skipIf(skip)("every page on the bundled data", () => {
  let web: WebFixture;
  const contexts: Partial<Record<(typeof VIEWPORTS)[number]["name"], BrowserContext>> = {};
  let agencyId: number;
  let chartsChecked = 0;
  /** `/agencies/:id` becomes the page of an agency that has reports. */
  const resolve = (pattern: string) => pattern.replace(":id", String(agencyId));

  beforeAll(async () => {
    web = await openWebFixture();
    for (const v of VIEWPORTS) contexts[v.name] = await web.newContext(v.width, v.height);
    const [first] = (await storedReports(web.database.db)).values();
    expect(first, "the bundled reports were imported").toBeDefined();
    agencyId = first.agencyId;
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await Promise.allSettled(Object.values(contexts).map((c) => c.close()));
    await web?.close();
  });

  it.each(PAGES)("%s at 1280 px: charts drawn, no error, each chart's CSV says what its table says", async (pattern) => {
    const pagePath = resolve(pattern);
    const page = await contexts.desktop!.newPage();
    const errors = collectPageErrors(page, web.baseUrl);
    const app = new AppPage(page, web.baseUrl);
    expect(await app.open(pagePath), pagePath).toBe(200);
    const charts = await app.waitForCharts();
    await page.screenshot({ path: path.join(SCREENSHOTS, `${screenshotName(pagePath)}-desktop.png`), fullPage: true });
    for (const chart of charts) {
      if (await chart.isEmpty()) continue;
      const where = `${pagePath} chart ${chart.id}`;
      expect(await chart.hasDrawing(), `${where} drew nothing`).toBe(true);
      await chart.showTable();
      const table = await chart.readTable();
      const csv = await chart.downloadCsv();
      expect(csv.text.startsWith("\uFEFF"), `${where}: BOM`).toBe(true);
      expect(csv.fileName, where).toMatch(/^[^/\\:*?"<>|]+\.csv$/);
      expect(csvMatchesTable(csv, table), where).toEqual([]);
      chartsChecked++;
    }
    expect(errors, pagePath).toEqual([]);
    await page.close();
  });

  it("found charts with data on the bundled reports", () => {
    expect(chartsChecked).toBeGreaterThan(3);
  });

  it.each(PAGES)("%s fits a phone: not wider than the screen", async (pattern) => {
    const pagePath = resolve(pattern);
    const page = await contexts.phone!.newPage();
    const app = new AppPage(page, web.baseUrl);
    expect(await app.open(pagePath), pagePath).toBe(200);
    await app.waitForCharts();
    await page.screenshot({ path: path.join(SCREENSHOTS, `${screenshotName(pagePath)}-phone.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${pagePath} scrolls sideways on a phone`).toBeLessThanOrEqual(1);
    await page.close();
  });
});
