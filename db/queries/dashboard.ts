/**
 * The dashboard's reads: plain getXByY functions over the schema. Pages never write SQL; every
 * view filters through `reportFilterFrom`, so a chart, its list, its count and the full CSV export
 * all mean the same set of reports.
 *
 * Only current readings count (a replaced reading stays in the store for its history).
 * Values are summed in the database per group and metric key; measures (lib/measures) turn the
 * sums into counts and rates, so a region's rate is Σ numerator / Σ denominator.
 *
 * No `import "server-only"` here: the export route, the browser tests and command-line tools
 * import these reads outside React's server build, where that guard throws. The module still
 * never reaches the browser: only server components, server actions and route handlers use it.
 */
import { and, asc, countDistinct, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { metricKeysOf, type TemplateId } from "../../lib/metrics/dictionary";
import { getDb } from "../client";
import {
  agencies,
  divisions,
  reportIssues,
  reportValues,
  reports,
  sources,
  type ValueMethod,
} from "../schema";

// ── filters ─────────────────────────────────────────────────────────────────────────────────

export type PlaceLevel = "country" | "province" | "city" | "county";

/** A GB/T 2260 code's level from its shape: 430000 province, 430100 city, 430321 county. */
export function placeLevelOf(code: string | null | undefined): PlaceLevel {
  if (!code) return "country";
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "city";
  return "county";
}

const placeCode = z.string().regex(/^\d{6}$/);

/**
 * The filters every dashboard view understands, as they arrive in the URL. Bad values are
 * dropped (treated as "not set") rather than failing the page: a shared link with a stale
 * parameter should still open.
 */
export const reportFiltersSchema = z.object({
  place: placeCode.optional().catch(undefined),
  year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  kind: z
    .string()
    .regex(/^[A-Za-z]{1,40}$/)
    .optional()
    .catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined).transform((v) => v || undefined),
});

export interface ReportFilters {
  /** A place code: its own agencies and everything below it. */
  place?: string;
  year?: number;
  /** An agency kind id of lib/agency-kind. */
  kind?: string;
  /** Part of the agency's name. */
  q?: string;
  /** Restrict to these agencies (trends and comparisons of chosen agencies). */
  agencyIds?: number[];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Agencies in a place: the place's own agencies and everything below it. */
export function placeCondition(place: string | undefined): SQL | undefined {
  switch (placeLevelOf(place)) {
    case "country":
      return undefined;
    case "province":
      return eq(agencies.provinceCode, place!);
    case "city":
      return eq(agencies.cityCode, place!);
    case "county":
      return eq(agencies.divisionCode, place!);
  }
}

/**
 * The one WHERE clause of the dashboard, over `reports` joined with `agencies`: current readings
 * in the place (and below), of the year, of the agency kind, whose agency name contains `q`.
 */
export function reportFilterFrom(filters: ReportFilters): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(reports.isCurrent, true),
    placeCondition(filters.place),
    filters.year === undefined ? undefined : eq(reports.year, filters.year),
    filters.kind ? eq(agencies.kind, filters.kind) : undefined,
    filters.q ? ilike(agencies.name, `%${escapeLike(filters.q)}%`) : undefined,
    filters.agencyIds ? inArray(agencies.id, filters.agencyIds.length ? filters.agencyIds : [-1]) : undefined,
  ];
  return and(...conditions)!;
}

// ── totals ──────────────────────────────────────────────────────────────────────────────────

/** Sums of metric values over a set of reports, with how many reports and agencies they are. */
export interface Totals {
  reports: number;
  agencies: number;
  values: Record<string, number>;
}

const emptyTotals = (): Totals => ({ reports: 0, agencies: 0, values: {} });

/**
 * Totals per group. `group` is an SQL expression over reports/agencies (a year, a place code,
 * an agency kind); rows whose group is null are left out. `keys` limits the sums to what the
 * caller's measures read.
 *
 * One statement: the reports (left-joined to the values of `keys`) grouped twice with GROUPING
 * SETS — by group alone for the report and agency counts, by group and metric key for the sums.
 * Every card reads through here, so one round trip instead of two per card adds up.
 */
async function totalsBy(
  group: SQL<unknown> | AnyPgColumn,
  filters: ReportFilters,
  keys: readonly string[],
): Promise<Map<string, Totals>> {
  const db = await getDb();
  const groupText = sql<string | null>`(${group})::text`;
  const valueJoin = and(
    eq(reportValues.reportId, reports.id),
    keys.length ? inArray(reportValues.metricKey, [...keys]) : sql`false`,
  );
  const rows = await db
    .select({
      group: groupText,
      key: reportValues.metricKey,
      /** 1 on the rows of the (group) set: the counts; 0 on the (group, key) rows: the sums. */
      countsRow: sql<number>`grouping(${reportValues.metricKey})`.mapWith(Number),
      reports: sql<number>`count(distinct ${reports.id})`.mapWith(Number),
      agencies: sql<number>`count(distinct ${reports.agencyId})`.mapWith(Number),
      sum: sql<number | null>`sum(${reportValues.value})`.mapWith(Number),
    })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .leftJoin(reportValues, valueJoin)
    .where(reportFilterFrom(filters))
    .groupBy(sql`grouping sets ((${groupText}), (${groupText}, ${reportValues.metricKey}))`);
  const totals = new Map<string, Totals>();
  const entryOf = (group: string) => {
    const entry = totals.get(group) ?? emptyTotals();
    totals.set(group, entry);
    return entry;
  };
  for (const row of rows) {
    if (row.group === null) continue;
    const entry = entryOf(row.group);
    if (row.countsRow === 1) {
      entry.reports = row.reports;
      entry.agencies = row.agencies;
    } else if (row.key !== null && row.sum !== null) {
      entry.values[row.key] = row.sum;
    }
  }
  return totals;
}

/** Totals of the filtered reports as one group. */
export async function getTotals(filters: ReportFilters, keys: readonly string[]): Promise<Totals> {
  const all = await totalsBy(sql`'all'`, filters, keys);
  return all.get("all") ?? emptyTotals();
}

/** Totals per report year (the filters' own year is ignored). */
export async function getTotalsByYear(
  filters: ReportFilters,
  keys: readonly string[],
): Promise<Map<number, Totals>> {
  const byYear = await totalsBy(reports.year, { ...filters, year: undefined }, keys);
  return new Map([...byYear].map(([year, totals]) => [Number(year), totals]));
}

/** Totals per agency kind. */
export async function getTotalsByKind(
  filters: ReportFilters,
  keys: readonly string[],
): Promise<Map<string, Totals>> {
  return totalsBy(agencies.kind, { ...filters, kind: undefined }, keys);
}

/**
 * The expression that puts an agency in a child of `place`. Below a province the children are
 * its cities and the county-level units directly under it (municipal districts, 省直辖县), so
 * an agency's city code or, lacking one, its own code; below a city, the agency's own code.
 * An agency of the place itself falls in the group of the place's own code.
 */
function childGroupOf(place: string | undefined): SQL<unknown> | AnyPgColumn {
  switch (placeLevelOf(place)) {
    case "country":
      return agencies.provinceCode;
    case "province":
      return sql`coalesce(${agencies.cityCode}, ${agencies.divisionCode})`;
    case "city":
    case "county":
      return agencies.divisionCode;
  }
}

export interface PlaceTotals {
  code: string;
  name: string;
  /** True for the place's own agencies (本级), which belong to no child. */
  isSelf: boolean;
  totals: Totals;
}

/** Totals for each child place of `filters.place` (provinces for the whole country). */
export async function getTotalsByChildPlace(
  filters: ReportFilters,
  keys: readonly string[],
): Promise<PlaceTotals[]> {
  const byCode = await totalsBy(childGroupOf(filters.place), filters, keys);
  const names = await getDivisionNames([...byCode.keys()]);
  return [...byCode].map(([code, totals]) => ({
    code,
    name: names.get(code) ?? code,
    isSelf: code === filters.place,
    totals,
  }));
}

// ── places, years, kinds ────────────────────────────────────────────────────────────────────

export interface Place {
  code: string;
  name: string;
  level: "province" | "city" | "county";
  parentCode: string | null;
}

const placeColumns = {
  code: divisions.code,
  name: divisions.name,
  level: divisions.level,
  parentCode: divisions.parentCode,
};

/**
 * Names of gazetteer codes already read. The divisions table is reference data (GB/T 2260 codes
 * and their names, loaded at setup), so a code's name does not change while the server runs;
 * breakdown cards name the same provinces and cities on every request.
 */
const divisionNameMemo = new Map<string, string>();

export async function getDivisionNames(codes: string[]): Promise<Map<string, string>> {
  const missing = codes.filter((code) => !divisionNameMemo.has(code));
  if (missing.length) {
    const db = await getDb();
    const rows = await db
      .select({ code: divisions.code, name: divisions.name })
      .from(divisions)
      .where(inArray(divisions.code, missing));
    for (const row of rows) divisionNameMemo.set(row.code, row.name);
  }
  return new Map(codes.flatMap((code) => (divisionNameMemo.has(code) ? [[code, divisionNameMemo.get(code)!]] : [])));
}

/** The place and its ancestors, province first. Empty for the whole country or an unknown code. */
export async function getPlaceChain(code: string | undefined): Promise<Place[]> {
  if (!code) return [];
  const db = await getDb();
  const candidates = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`];
  const rows = await db.select(placeColumns).from(divisions).where(inArray(divisions.code, candidates));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const chain: Place[] = [];
  for (let at = byCode.get(code); at; at = at.parentCode ? byCode.get(at.parentCode) : undefined) {
    chain.unshift(at);
  }
  return chain;
}

/** Child places of `code` (provinces for the whole country) that have at least one current report. */
export async function getChildPlacesWithReports(code: string | undefined): Promise<Place[]> {
  const db = await getDb();
  const group = childGroupOf(code);
  const rows = await db
    .selectDistinct({ code: sql<string>`(${group})::text` })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(reportFilterFrom({ place: code }));
  const codes = rows.map((r) => r.code).filter((c): c is string => c !== null && c !== code);
  if (codes.length === 0) return [];
  return db.select(placeColumns).from(divisions).where(inArray(divisions.code, codes)).orderBy(asc(divisions.code));
}

/** Places whose name contains `text` and that have current reports (at any level), for pickers. */
export async function searchPlacesByName(text: string, limit = 10): Promise<Place[]> {
  const db = await getDb();
  const withReports = (column: AnyPgColumn) =>
    db
      .selectDistinct({ code: sql<string>`${column}` })
      .from(agencies)
      .innerJoin(reports, eq(reports.agencyId, agencies.id))
      .where(and(eq(reports.isCurrent, true), sql`${column} is not null`));
  const codes = withReports(agencies.provinceCode)
    .union(withReports(agencies.cityCode))
    .union(withReports(agencies.divisionCode));
  return db
    .select(placeColumns)
    .from(divisions)
    .where(and(ilike(divisions.name, `%${escapeLike(text)}%`), inArray(divisions.code, codes)))
    .orderBy(asc(divisions.code))
    .limit(limit);
}

/** Years that have current reports (in the place, of the kind, when given), newest first. */
export async function getReportYears(filters: Pick<ReportFilters, "place" | "kind"> = {}): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ year: reports.year })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(reportFilterFrom({ place: filters.place, kind: filters.kind }))
    .orderBy(desc(reports.year));
  return rows.map((r) => r.year);
}

/** Agency kinds that occur among agencies with current reports. */
export async function getAgencyKindsInUse(): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ kind: agencies.kind })
    .from(agencies)
    .innerJoin(reports, eq(reports.agencyId, agencies.id))
    .where(eq(reports.isCurrent, true))
    .orderBy(asc(agencies.kind));
  return rows.map((r) => r.kind);
}

// ── agencies ────────────────────────────────────────────────────────────────────────────────

export interface AgencyListItem {
  id: number;
  name: string;
  kind: string;
  divisionCode: string | null;
  placeName: string | null;
  years: number[];
}

/** Agencies with at least one current report matching the filters, and how many there are. */
export async function getAgenciesByFilters(
  filters: ReportFilters,
  page: { offset: number; limit: number },
): Promise<{ items: AgencyListItem[]; total: number }> {
  const db = await getDb();
  const where = reportFilterFrom(filters);
  const [items, [count]] = await Promise.all([
    db
      .select({
        id: agencies.id,
        name: agencies.name,
        kind: agencies.kind,
        divisionCode: agencies.divisionCode,
        placeName: divisions.name,
        years: sql<number[]>`array_agg(distinct ${reports.year} order by ${reports.year})`,
      })
      .from(agencies)
      .innerJoin(reports, eq(reports.agencyId, agencies.id))
      .leftJoin(divisions, eq(divisions.code, agencies.divisionCode))
      .where(where)
      .groupBy(agencies.id, divisions.name)
      .orderBy(asc(agencies.divisionCode), asc(agencies.name))
      .offset(page.offset)
      .limit(page.limit),
    db
      .select({ total: countDistinct(agencies.id) })
      .from(agencies)
      .innerJoin(reports, eq(reports.agencyId, agencies.id))
      .where(where),
  ]);
  return {
    items: items.map((i) => ({ ...i, years: (i.years ?? []).map(Number) })),
    total: Number(count?.total ?? 0),
  };
}

/** Agencies whose name contains `text`, for pickers. */
export async function searchAgenciesByName(text: string, limit = 10) {
  const db = await getDb();
  return db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind, placeName: divisions.name })
    .from(agencies)
    .leftJoin(divisions, eq(divisions.code, agencies.divisionCode))
    .where(ilike(agencies.name, `%${escapeLike(text)}%`))
    .orderBy(asc(agencies.name))
    .limit(limit);
}

export async function getAgencyById(id: number) {
  const db = await getDb();
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, id));
  return agency ?? null;
}

export async function getAgenciesByIds(ids: number[]) {
  if (ids.length === 0) return [];
  const db = await getDb();
  return db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind, divisionCode: agencies.divisionCode })
    .from(agencies)
    .where(inArray(agencies.id, ids));
}

export interface StoredValue {
  value: number;
  method: ValueMethod;
}

export interface AgencyReport {
  id: number;
  year: number;
  template: TemplateId;
  status: string;
  importedAt: Date;
  fileName: string;
  format: string;
  /** Every key of the template; `null` when the reading has no value for it. */
  values: Record<string, StoredValue | null>;
  issues: { code: string; severity: string; keys: string[]; message: string }[];
}

/** An agency's current reports, oldest year first, with every number and issue. */
export async function getReportsByAgency(agencyId: number): Promise<AgencyReport[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: reports.id,
      year: reports.year,
      template: reports.template,
      status: reports.status,
      importedAt: reports.importedAt,
      fileName: sources.fileName,
      format: sources.format,
    })
    .from(reports)
    .innerJoin(sources, eq(sources.id, reports.sourceId))
    .where(and(eq(reports.agencyId, agencyId), eq(reports.isCurrent, true)))
    .orderBy(asc(reports.year));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [values, issues] = await Promise.all([
    db.select().from(reportValues).where(inArray(reportValues.reportId, ids)),
    db.select().from(reportIssues).where(inArray(reportIssues.reportId, ids)).orderBy(asc(reportIssues.id)),
  ]);
  return rows.map((row) => {
    const template = row.template as TemplateId;
    const stored: Record<string, StoredValue | null> = {};
    for (const key of metricKeysOf(template)) stored[key] = null;
    for (const v of values) if (v.reportId === row.id) stored[v.metricKey] = { value: v.value, method: v.method };
    return {
      ...row,
      template,
      values: stored,
      issues: issues
        .filter((i) => i.reportId === row.id)
        .map((i) => ({ code: i.code, severity: i.severity, keys: i.keys, message: i.message })),
    };
  });
}

/** The document a report was read from, whole. */
export async function getSourceByReport(reportId: number) {
  const db = await getDb();
  const [row] = await db
    .select({
      reportId: reports.id,
      agencyId: reports.agencyId,
      year: reports.year,
      fileName: sources.fileName,
      format: sources.format,
      charset: sources.charset,
      bytes: sources.bytes,
    })
    .from(reports)
    .innerJoin(sources, eq(sources.id, reports.sourceId))
    .where(eq(reports.id, reportId));
  return row ?? null;
}
