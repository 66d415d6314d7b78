/**
 * The full export's reads: every current report matching the dashboard's filters, paged by
 * report id (keyset: `id > last`, never OFFSET), each page with its numbers. A caller streams
 * page after page, so memory holds one page whatever the size of the store.
 *
 * The WHERE clause is the dashboard's own `reportFilterFrom`, so the export holds exactly the
 * reports the dashboard's charts are computed from.
 */
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencyKindLabel } from "../../lib/agency-kind";
import type { ExportReport, ExportValue } from "../../lib/csv/report-export";
import type { TemplateId } from "../../lib/metrics/dictionary";
import { getDb, type Database } from "../client";
import { agencies, divisions, reportValues, reports } from "../schema";
import { reportFilterFrom, type ReportFilters } from "./dashboard";

export interface ExportPageItem {
  report: ExportReport;
  values: ExportValue[];
}

/** Reports per page: ~220 numbers each, so a page is some tens of thousands of rows at most. */
export const EXPORT_PAGE_SIZE = 200;

const province = alias(divisions, "province");
const city = alias(divisions, "city");
const county = alias(divisions, "county");

async function reportPage(
  db: Database,
  filters: ReportFilters,
  template: TemplateId | undefined,
  afterId: number,
  limit: number,
): Promise<ExportReport[]> {
  const rows = await db
    .select({
      reportId: reports.id,
      agencyId: agencies.id,
      agency: agencies.name,
      kind: agencies.kind,
      divisionCode: agencies.divisionCode,
      province: province.name,
      city: city.name,
      county: county.name,
      countyLevel: county.level,
      year: reports.year,
      template: reports.template,
      status: reports.status,
    })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .leftJoin(province, eq(province.code, agencies.provinceCode))
    .leftJoin(city, eq(city.code, agencies.cityCode))
    .leftJoin(county, eq(county.code, agencies.divisionCode))
    .where(
      and(
        reportFilterFrom(filters),
        template ? eq(reports.template, template) : undefined,
        gt(reports.id, afterId),
      ),
    )
    .orderBy(asc(reports.id))
    .limit(limit);
  return rows.map(({ countyLevel, ...row }) => ({
    ...row,
    template: row.template as TemplateId,
    kindLabel: agencyKindLabel(row.kind),
    // the agency's own division is only a county column when it is below city level
    county: countyLevel === "county" ? row.county : null,
  }));
}

async function valuesOf(db: Database, reportIds: number[]): Promise<Map<number, ExportValue[]>> {
  const rows = await db
    .select({
      reportId: reportValues.reportId,
      key: reportValues.metricKey,
      value: reportValues.value,
      origin: reportValues.method,
    })
    .from(reportValues)
    .where(inArray(reportValues.reportId, reportIds));
  const byReport = new Map<number, ExportValue[]>(reportIds.map((id) => [id, []]));
  for (const { reportId, ...value } of rows) byReport.get(reportId)!.push(value);
  return byReport;
}

/**
 * Pages of matching reports with their numbers, in report id order. `template` narrows to one
 * template's reports (the wide export then has only that template's columns).
 */
export async function* getExportPages(
  filters: ReportFilters,
  options: { template?: TemplateId; pageSize?: number; db?: Database } = {},
): AsyncGenerator<ExportPageItem[]> {
  const db = options.db ?? (await getDb());
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  for (let afterId = 0; ; ) {
    const page = await reportPage(db, filters, options.template, afterId, pageSize);
    if (page.length === 0) return;
    const values = await valuesOf(db, page.map((r) => r.reportId));
    yield page.map((report) => ({ report, values: values.get(report.reportId)! }));
    if (page.length < pageSize) return;
    afterId = page.at(-1)!.reportId;
  }
}
