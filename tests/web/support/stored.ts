/**
 * What the database holds, read directly (not through the app's queries) so the browser tests can
 * compare what the pages and downloads show against the stored numbers.
 */
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { agencies, reportValues, reports } from "@/db/schema";

export interface StoredReport {
  reportId: number;
  agencyId: number;
  agency: string;
  kind: string;
  divisionCode: string | null;
  provinceCode: string | null;
  cityCode: string | null;
  year: number;
  template: string;
  values: Map<string, { value: number; method: string }>;
}

export interface StoredFilter {
  year?: number;
  provinceCode?: string;
  kind?: string;
}

/** Current reports with their numbers, optionally narrowed. */
export async function storedReports(db: Database, filter: StoredFilter = {}): Promise<Map<number, StoredReport>> {
  const conditions: SQL[] = [eq(reports.isCurrent, true)];
  if (filter.year !== undefined) conditions.push(eq(reports.year, filter.year));
  if (filter.provinceCode) conditions.push(eq(agencies.provinceCode, filter.provinceCode));
  if (filter.kind) conditions.push(eq(agencies.kind, filter.kind));
  const rows = await db
    .select({
      reportId: reports.id,
      agencyId: agencies.id,
      agency: agencies.name,
      kind: agencies.kind,
      divisionCode: agencies.divisionCode,
      provinceCode: agencies.provinceCode,
      cityCode: agencies.cityCode,
      year: reports.year,
      template: reports.template,
    })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(and(...conditions))
    .orderBy(asc(reports.id));
  const byId = new Map<number, StoredReport>(rows.map((r) => [r.reportId, { ...r, values: new Map() }]));
  const values = await db
    .select({ reportId: reportValues.reportId, key: reportValues.metricKey, value: reportValues.value, method: reportValues.method })
    .from(reportValues);
  for (const v of values) byId.get(v.reportId)?.values.set(v.key, { value: v.value, method: v.method });
  return byId;
}

/** Sum of each key over reports (what a region's or a year's figure is built from). */
export function sumValues(list: Iterable<StoredReport>, keys: readonly string[]): Record<string, number | undefined> {
  const sums: Record<string, number | undefined> = {};
  for (const report of list) {
    for (const key of keys) {
      const stored = report.values.get(key);
      if (stored) sums[key] = (sums[key] ?? 0) + stored.value;
    }
  }
  return sums;
}

/** A number as a data table shows it ("1,234", "25.6%", "—") back to a number or null. */
export function numberOfCell(text: string): number | null {
  const cleaned = text.replace(/[,，\s%]/g, "");
  if (cleaned === "" || cleaned === "—" || cleaned === "-") return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
