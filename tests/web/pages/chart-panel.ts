/**
 * One chart on a page, through the test-id contract: container `chart-<id>` (with
 * `data-chart-ready="true"` once drawn), data table `table-<id>`, toggle `toggle-<id>` (查看数据)
 * and download `csv-<id>` (下载 CSV).
 */
import type { Download, Locator, Page } from "playwright-core";
import { parseCsv } from "@/lib/csv";

export interface TableData {
  header: string[];
  rows: string[][];
}

export interface DownloadedCsv {
  fileName: string;
  text: string;
  header: string[];
  rows: string[][];
}

export async function readDownload(download: Download): Promise<DownloadedCsv> {
  const stream = await download.createReadStream();
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString("utf8");
  const [header = [], ...rows] = parseCsv(text);
  return { fileName: download.suggestedFilename(), text, header, rows };
}

export class ChartPanel {
  readonly container: Locator;
  readonly table: Locator;
  readonly toggle: Locator;
  readonly csvButton: Locator;

  constructor(
    private readonly page: Page,
    readonly id: string,
  ) {
    this.container = page.getByTestId(`chart-${id}`);
    this.table = page.getByTestId(`table-${id}`);
    this.toggle = page.getByTestId(`toggle-${id}`);
    this.csvButton = page.getByTestId(`csv-${id}`);
  }

  async waitReady(timeout = 15_000): Promise<void> {
    await this.container.and(this.page.locator('[data-chart-ready="true"]')).waitFor({ timeout });
  }

  /** A chart with no data shows an empty state (`data-empty="true"`) and no table or CSV. */
  async isEmpty(): Promise<boolean> {
    return (await this.container.getAttribute("data-empty")) === "true";
  }

  /** Whether the chart drew something: a canvas or an svg with a non-zero size. */
  async hasDrawing(): Promise<boolean> {
    return this.container.evaluate((el) =>
      [...el.querySelectorAll("canvas, svg")].some((g) => {
        const box = g.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      }),
    );
  }

  /** Opens the data table with the 查看数据 toggle (if it is hidden) and checks it shows. */
  async showTable(): Promise<void> {
    if (!(await this.table.isVisible())) await this.toggle.click();
    await this.table.waitFor({ state: "visible", timeout: 5_000 });
  }

  /** The data table's cells as text: header row first, then one array per body row. */
  async readTable(): Promise<TableData> {
    const cells = await this.table.evaluate((el) =>
      [...el.querySelectorAll("tr")].map((tr) =>
        [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim()),
      ),
    );
    const [header = [], ...rows] = cells;
    return { header, rows };
  }

  async downloadCsv(): Promise<DownloadedCsv> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.csvButton.click()]);
    return readDownload(download);
  }
}
