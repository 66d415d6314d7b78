/** Comparisons shared by the browser tests. */
import type { Page } from "playwright-core";
import type { DownloadedCsv, TableData } from "../pages/chart-panel";
import { numberOfCell } from "./stored";

/**
 * Errors a page raised while open: uncaught exceptions, console errors (hydration, React) and
 * same-origin requests that failed (a broken link prefetch, a missing asset), with their URLs.
 */
export function collectPageErrors(page: Page, origin: string): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    // the browser's own "Failed to load resource" line carries no URL; the response below does
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && response.url().startsWith(origin)) {
      errors.push(`HTTP ${response.status()}: ${response.url().slice(origin.length)}`);
    }
  });
  return errors;
}

/**
 * The CSV of a chart says what its data table says: same header (CSV percent columns carry
 * "（%）"), same rows, text equal, numbers equal up to the table's display rounding.
 */
export function csvMatchesTable(csv: DownloadedCsv, table: TableData): string[] {
  const problems: string[] = [];
  const header = csv.header.map((h) => h.replace(/（%）$/, ""));
  if (header.join("|") !== table.header.join("|")) problems.push(`header ${header} vs ${table.header}`);
  if (csv.rows.length !== table.rows.length) problems.push(`rows ${csv.rows.length} vs ${table.rows.length}`);
  csv.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const shown = table.rows[r]?.[c] ?? "";
      if (!cellsAgree(cell, shown)) problems.push(`row ${r + 1} col ${table.header[c]}: csv "${cell}" vs table "${shown}"`);
    }),
  );
  return problems;
}

function cellsAgree(csvCell: string, shown: string): boolean {
  if (csvCell === shown) return true;
  const csvNumber = csvCell === "" ? null : Number(csvCell);
  if (csvNumber !== null && !Number.isFinite(csvNumber)) return csvCell.replace(/^'/, "") === shown;
  const shownNumber = numberOfCell(shown);
  if (csvNumber === null || shownNumber === null) return csvNumber === shownNumber;
  return Math.abs(csvNumber - shownNumber) <= 0.051; // the table rounds to 1–2 decimals
}

/** Two numbers equal up to display rounding; null only matches null. */
export function closeTo(actual: number | null, expected: number | null, tolerance = 0.051): boolean {
  if (actual === null || expected === null) return actual === expected;
  return Math.abs(actual - expected) <= tolerance;
}
