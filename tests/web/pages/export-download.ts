/**
 * The full export (`/api/export`) as a browser downloads it: a link on a page of the app, clicked,
 * saved under the name the server gives. Uses the dashboard's own export link when the page has
 * one (`a[href^="/api/export"]`), else a link to the same address.
 */
import type { Page } from "playwright-core";
import { readDownload, type DownloadedCsv } from "./chart-panel";

export type ExportParams = Record<string, string | number | undefined>;

export function exportPath(params: ExportParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, String(value));
  const text = query.toString();
  return text ? `/api/export?${text}` : "/api/export";
}

export class ExportDownload {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Links to the full export the current page offers. */
  async pageLinks(): Promise<string[]> {
    return this.page
      .locator('a[href^="/api/export"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
  }

  async download(params: ExportParams): Promise<DownloadedCsv> {
    if (!this.page.url().startsWith(this.baseUrl)) {
      await this.page.goto(new URL("/agencies", this.baseUrl).toString(), { waitUntil: "domcontentloaded" });
    }
    const href = exportPath(params);
    const [download] = await Promise.all([
      this.page.waitForEvent("download", { timeout: 20_000 }),
      this.page.evaluate((url) => {
        const link = document.createElement("a");
        link.href = url;
        link.download = "";
        document.body.append(link);
        link.click();
        link.remove();
      }, href),
    ]);
    return readDownload(download);
  }

  /** Clicks a link the page itself offers and reads what it downloads. */
  async downloadLink(href: string): Promise<DownloadedCsv> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download", { timeout: 20_000 }),
      this.page.locator(`a[href="${href}"]`).first().click(),
    ]);
    return readDownload(download);
  }
}
