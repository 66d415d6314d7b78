/**
 * Storing one reading: source, agency, report, numbers, issues and the cross-year checks in ONE
 * transaction — all or nothing. Safe under concurrency: a transaction-scoped advisory lock per
 * agency serialises imports of one agency (so two years arriving at once still see each other),
 * and unique constraints (source sha256, one current report per agency and year) back it up.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ParsedReport, ReportIssue } from "../../lib/report/types";
import { agencyKindOf } from "../../lib/agency-kind";
import type { Database, Transaction } from "../client";
import { cityCodeOf, provinceCodeOf } from "../gazetteer";
import { agencies, importFailures, replacements, reportIssues, reports, reportValues, sources } from "../schema";
import { reportStatusOf, storedValues } from "./provenance";
import type { SourceFacts } from "./source-file";
import { YEAR_CHAIN_CODES, YEAR_CHAIN_KEYS, yearChainIssues, type YearReading } from "./year-chains";

/** A reading that can be placed: it names its agency and its year. */
export type PlacedReport = ParsedReport & { agency: string; year: number };

export interface SourceDocument {
  fileName: string;
  bytes: Uint8Array;
  facts: SourceFacts;
}

export type StoreResult =
  | { outcome: "imported"; reportId: number }
  | { outcome: "replaced"; reportId: number; replacedReportId: number }
  | { outcome: "unchanged"; reportId: number | null };

/** Why a reading cannot be stored, or null when it can. */
export function placementProblem(report: ParsedReport): string | null {
  const missing = [!report.agency?.trim() && "agency", !report.year && "year"].filter(Boolean);
  return missing.length ? `cannot place the report: no ${missing.join(" and no ")} found` : null;
}

/** Namespace of this module's advisory locks (first argument of the two-key form). */
const AGENCY_LOCK_NAMESPACE = 7_242_001;

export async function storeReading(
  db: Database,
  report: PlacedReport,
  source: SourceDocument,
  readerVersion: string,
): Promise<StoreResult> {
  const divisionCode = report.region?.code ?? null;
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${AGENCY_LOCK_NAMESPACE}::int, hashtext(${`${report.agency}|${divisionCode ?? ""}`}))`,
    );
    const sourceId = await insertSource(tx, source);
    if (sourceId === null) return { outcome: "unchanged", reportId: await reportIdOfSource(tx, source.facts.sha256) };

    const agencyId = await upsertAgency(tx, report.agency, divisionCode);
    const replacedReportId = await retireCurrentReport(tx, agencyId, report.year);
    const neighbours = await neighbouringYears(tx, agencyId, report.year);
    const earlier = neighbours.find((n) => n.year === report.year - 1);
    const later = neighbours.find((n) => n.year === report.year + 1);

    const issues: ReportIssue[] = [
      ...report.issues.filter((i) => !(YEAR_CHAIN_CODES as readonly string[]).includes(i.code)),
      ...(earlier ? yearChainIssues(earlier, report) : []),
    ];
    const [{ id: reportId }] = await tx
      .insert(reports)
      .values({
        agencyId,
        year: report.year,
        template: report.template,
        status: reportStatusOf(issues),
        sourceId,
        readerVersion,
      })
      .returning({ id: reports.id });

    await insertValues(tx, reportId, report);
    await insertIssues(tx, reportId, issues);
    if (later) await recheckLaterYear(tx, later, report);
    if (replacedReportId !== null) {
      await tx.insert(replacements).values({
        agencyId,
        year: report.year,
        replacedReportId,
        replacementReportId: reportId,
        reason: `a different document (sha256 ${source.facts.sha256.slice(0, 12)}…, ${source.fileName}) for the same agency and year`,
      });
    }
    await tx.delete(importFailures).where(eq(importFailures.sha256, source.facts.sha256));
    return replacedReportId === null
      ? { outcome: "imported", reportId }
      : { outcome: "replaced", reportId, replacedReportId };
  });
}

/** The stored source's id, or null when a document with these bytes is already stored. */
async function insertSource(tx: Transaction, source: SourceDocument): Promise<number | null> {
  const rows = await tx
    .insert(sources)
    .values({
      sha256: source.facts.sha256,
      fileName: source.fileName,
      format: source.facts.format,
      charset: source.facts.charset,
      byteSize: source.facts.byteSize,
      bytes: source.bytes,
    })
    .onConflictDoNothing({ target: sources.sha256 })
    .returning({ id: sources.id });
  return rows[0]?.id ?? null;
}

async function reportIdOfSource(tx: Transaction, sha256: string): Promise<number | null> {
  const rows = await tx
    .select({ id: reports.id })
    .from(reports)
    .innerJoin(sources, eq(sources.id, reports.sourceId))
    .where(eq(sources.sha256, sha256));
  return rows[0]?.id ?? null;
}

async function upsertAgency(tx: Transaction, name: string, divisionCode: string | null): Promise<number> {
  const [row] = await tx
    .insert(agencies)
    .values({
      name,
      divisionCode,
      provinceCode: provinceCodeOf(divisionCode),
      cityCode: cityCodeOf(divisionCode),
      kind: agencyKindOf(name),
    })
    // DO UPDATE (not NOTHING) so RETURNING yields the existing id; the kind follows the current rule.
    .onConflictDoUpdate({ target: [agencies.name, agencies.divisionCode], set: { kind: sql`excluded.kind` } })
    .returning({ id: agencies.id });
  return row.id;
}

/** Marks the agency's current report for this year as replaced; returns its id. */
async function retireCurrentReport(tx: Transaction, agencyId: number, year: number): Promise<number | null> {
  const rows = await tx
    .update(reports)
    .set({ isCurrent: false })
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year), eq(reports.isCurrent, true)))
    .returning({ id: reports.id });
  return rows[0]?.id ?? null;
}

interface Neighbour extends YearReading {
  reportId: number;
  values: Record<string, number>;
}

/** The current readings of year−1 and year+1 with just the values the year chains compare. */
async function neighbouringYears(tx: Transaction, agencyId: number, year: number): Promise<Neighbour[]> {
  const current = await tx
    .select({ id: reports.id, year: reports.year })
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), inArray(reports.year, [year - 1, year + 1]), eq(reports.isCurrent, true)));
  if (current.length === 0) return [];
  const values = await tx
    .select({ reportId: reportValues.reportId, key: reportValues.metricKey, value: reportValues.value })
    .from(reportValues)
    .where(
      and(
        inArray(
          reportValues.reportId,
          current.map((r) => r.id),
        ),
        inArray(reportValues.metricKey, [...YEAR_CHAIN_KEYS]),
      ),
    );
  return current.map((r) => ({
    reportId: r.id,
    year: r.year,
    values: Object.fromEntries(values.filter((v) => v.reportId === r.id).map((v) => [v.key, v.value])),
  }));
}

/** The next year's chain issues depended on the reading just replaced or added: redo them. */
async function recheckLaterYear(tx: Transaction, later: Neighbour, earlier: YearReading): Promise<void> {
  await tx
    .delete(reportIssues)
    .where(and(eq(reportIssues.reportId, later.reportId), inArray(reportIssues.code, [...YEAR_CHAIN_CODES])));
  await insertIssues(tx, later.reportId, yearChainIssues(earlier, later));
  const remaining = await tx
    .select({ severity: reportIssues.severity })
    .from(reportIssues)
    .where(eq(reportIssues.reportId, later.reportId));
  await tx.update(reports).set({ status: reportStatusOf(remaining) }).where(eq(reports.id, later.reportId));
}

async function insertValues(tx: Transaction, reportId: number, report: ParsedReport): Promise<void> {
  const rows = storedValues(report).map((v) => ({ reportId, ...v }));
  if (rows.length > 0) await tx.insert(reportValues).values(rows);
}

async function insertIssues(tx: Transaction, reportId: number, issues: readonly ReportIssue[]): Promise<void> {
  if (issues.length === 0) return;
  await tx.insert(reportIssues).values(
    issues.map((i) => ({ reportId, code: i.code, severity: i.severity, keys: i.keys ?? [], message: i.message })),
  );
}

/** Remembers a file that could not be stored, once per content. */
export async function recordFailure(
  db: Database,
  failure: { fileName: string; sha256: string; code: string; reason: string },
): Promise<void> {
  await db
    .insert(importFailures)
    .values(failure)
    .onConflictDoUpdate({
      target: importFailures.sha256,
      set: { fileName: failure.fileName, code: failure.code, reason: failure.reason, failedAt: sql`now()` },
    });
}
