/**
 * A dashboard page: open it, read and change its filters (`<select>`/`<input>` whose `name` is
 * the URL parameter), find its charts. Views with their own behaviour extend it.
 */
import type { Locator, Page } from "playwright-core";
import { ChartPanel } from "./chart-panel";

export const PAGE_PATHS = [
  "/",
  "/regions",
  "/trends",
  "/refusals",
  "/penalties",
  "/reviews",
  "/agencies",
  "/compare",
] as const;

export class AppPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Opens `path` with `params`; resolves with the HTTP status of the document. */
  async open(path: string, params: Record<string, string> = {}): Promise<number> {
    const url = new URL(path, this.baseUrl);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    const response = await this.page.goto(url.toString(), { waitUntil: "domcontentloaded" });
    return response?.status() ?? 0;
  }

  get searchParams(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  get pathname(): string {
    return new URL(this.page.url()).pathname;
  }

  filter(name: string): Locator {
    return this.page.locator(`select[name="${name}"], input[name="${name}"]`).first();
  }

  async filterNames(): Promise<string[]> {
    return this.page
      .locator("select[name], input[name]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("name") ?? "").filter(Boolean));
  }

  /** The options of a `<select>` filter, as [value, text] pairs. */
  async filterOptions(name: string): Promise<Array<{ value: string; label: string }>> {
    return this.filter(name).evaluate((el) =>
      [...(el as HTMLSelectElement).options].map((o) => ({ value: o.value, label: o.text.trim() })),
    );
  }

  /** Sets a filter the way a person does and waits for the URL to carry the new value. */
  async setFilter(name: string, value: string): Promise<void> {
    const field = this.filter(name);
    const tag = await field.evaluate((el) => el.tagName.toLowerCase());
    if (tag === "select") {
      await field.selectOption(value);
    } else {
      await field.fill(value);
      await field.press("Enter");
    }
    await this.page.waitForURL((url) => (url.searchParams.get(name) ?? "") === value, { timeout: 15_000 });
  }

  /** Ids of the charts on the page, from their `chart-<id>` test ids, in page order. */
  async chartIds(): Promise<string[]> {
    const ids = await this.page
      .locator('[data-testid^="chart-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.slice("chart-".length)));
    return [...new Set(ids)];
  }

  chart(id: string): ChartPanel {
    return new ChartPanel(this.page, id);
  }

  /** Waits for every chart on the page to report it is drawn. */
  async waitForCharts(): Promise<ChartPanel[]> {
    const charts = (await this.chartIds()).map((id) => this.chart(id));
    await Promise.all(charts.map((c) => c.waitReady()));
    return charts;
  }

  /** Links to agency detail pages (`/agencies/<id>`), in page order. */
  async agencyLinks(): Promise<string[]> {
    const hrefs = await this.page
      .locator('a[href^="/agencies/"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
    return [...new Set(hrefs.filter((h) => /^\/agencies\/\d+/.test(h)))];
  }
}
