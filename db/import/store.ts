/**
 * Storing one reading: source, agency, report, numbers, issues and the cross-year checks in ONE
 * transaction — all or nothing. Safe under concurrency: a transaction-scoped advisory lock per
 * agency serialises imports of one agency (so two years arriving at once still see each other),
 * and unique constraints (source sha256, one current report per agency and year) back it up.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { ParsedReport, ReportIssue } from "../../lib/report/types";
import { agencyIdentityKey } from "../../lib/agency-identity";
import { agencyKindOf } from "../../lib/agency-kind";
import { executePrepared, type Database, type Transaction } from "../client";
import { cityCodeOf, provinceCodeOf } from "../gazetteer";
import { agencies, importFailures, replacements, reportIssues, reports, reportValues, sources } from "../schema";
import { LATEST_NAME_WINS } from "./agency-name";
import { reportStatusOf, storedValues, type StoredValue } from "./provenance";
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

/**
 * `fast` commits without waiting for the WAL flush (server only: its WAL writer flushes within a
 * fraction of a second). PGlite has no WAL writer process, so there an unflushed commit would stay
 * unflushed until a checkpoint — a dump or a killed process would lose it: always `durable`.
 */
export type CommitMode = "durable" | "fast";

export async function storeReading(
  db: Database,
  report: PlacedReport,
  source: SourceDocument,
  readerVersion: string,
  commit: CommitMode = "durable",
): Promise<StoreResult> {
  const divisionCode = report.region?.code ?? null;
  const identityKey = agencyIdentityKey(report.agency, divisionCode);
  const readerIssues = report.issues.filter((i) => !(YEAR_CHAIN_CODES as readonly string[]).includes(i.code));
  return db.transaction(async (tx) => {
    const sourceId = await insertSource(tx, source, `${identityKey}|${divisionCode ?? ""}`, commit);
    if (sourceId === null) return { outcome: "unchanged", reportId: await reportIdOfSource(tx, source.facts.sha256) };

    const { reportId, replacedReportId, neighbours } = await insertReading(tx, {
      agency: { name: report.agency, identityKey, divisionCode },
      year: report.year,
      template: report.template,
      status: reportStatusOf(readerIssues),
      sourceId,
      readerVersion,
      values: storedValues(report),
      issues: readerIssues,
      replacementReason: `a different document (sha256 ${source.facts.sha256.slice(0, 12)}…, ${source.fileName}) for the same agency and year`,
    });
    // The year chains need the neighbours' values, which the insert brought back: a third
    // statement only when they break (or a later year must be rechecked).
    const earlier = neighbours.find((n) => n.year === report.year - 1);
    const later = neighbours.find((n) => n.year === report.year + 1);
    const breaks = earlier ? yearChainIssues(earlier, report) : [];
    if (breaks.length > 0) await addIssues(tx, reportId, breaks, reportStatusOf([...readerIssues, ...breaks]));
    if (later) await recheckLaterYear(tx, later, report);
    return replacedReportId === null
      ? { outcome: "imported", reportId }
      : { outcome: "replaced", reportId, replacedReportId };
  });
}

/**
 * Takes the agency's lock, then stores the source: its id, or null when a document with these
 * bytes is already stored. A failure recorded earlier for the same bytes (by an older reader) is
 * forgotten. One statement: the lock is the row source of the insert, so it is held before the
 * insert checks for a conflict, and for the rest of the transaction. The same row source turns
 * off waiting for the WAL flush at this transaction's commit (see db/README.md, "Throughput").
 */
async function insertSource(tx: Transaction, source: SourceDocument, lockKey: string, commit: CommitMode): Promise<number | null> {
  const { sha256, format, charset, byteSize } = source.facts;
  const [row] = await executePrepared<{ id: number }>(tx, sql`
    with forgotten as (delete from ${importFailures} where sha256 = ${sha256})
    insert into ${sources} (sha256, file_name, format, charset, byte_size, bytes)
    select ${sha256}::text, ${source.fileName}::text, ${format}::source_format, ${charset}::text, ${byteSize}::int, ${bytesParam(source.bytes)}::bytea
    from (select pg_advisory_xact_lock(${AGENCY_LOCK_NAMESPACE}::int, hashtext(${lockKey}::text)),
                 set_config('synchronous_commit', ${commit === "fast" ? "off" : "on"}::text, true)) as locked
    on conflict (sha256) do nothing
    returning id`);
  return row ? Number(row.id) : null;
}

/** A bytea parameter both drivers bind as binary: postgres.js wants a Buffer, PGlite takes any Uint8Array. */
function bytesParam(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Takes the agency's transaction-scoped lock on its own (the insert of a new source takes it inline). */
export async function lockAgency(tx: Transaction, lockKey: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AGENCY_LOCK_NAMESPACE}::int, hashtext(${lockKey}::text))`);
}

async function reportIdOfSource(tx: Transaction, sha256: string): Promise<number | null> {
  const rows = await tx
    .select({ id: reports.id })
    .from(reports)
    .innerJoin(sources, eq(sources.id, reports.sourceId))
    .where(eq(sources.sha256, sha256));
  return rows[0]?.id ?? null;
}

export interface Neighbour extends YearReading {
  reportId: number;
  values: Record<string, number>;
}

/** The chain keys as a PostgreSQL array literal (keys are dotted words: nothing to quote). */
const CHAIN_KEYS_LITERAL = `{${YEAR_CHAIN_KEYS.join(",")}}`;

interface ReadingRows {
  agency: { name: string; identityKey: string; divisionCode: string | null };
  year: number;
  template: string;
  /** From the reader's issues; the year chains may raise it afterwards. */
  status: string;
  sourceId: number;
  readerVersion: string;
  values: StoredValue[];
  issues: readonly ReportIssue[];
  /** Recorded when the reading replaces the current one of its agency and year. */
  replacementReason: string;
}

/**
 * Everything but the source in ONE statement: the agency (created on first sight, found by its
 * identity key; its name and kind follow its latest year's printed name — LATEST_NAME_WINS), the
 * current reading of this year marked as replaced (and the replacement recorded), the report, its
 * numbers (three array parameters — keys, values, methods — unnested by the server, not ~800 bound
 * parameters; measured cheaper for the server than unpacking JSON) and issues (one JSON parameter;
 * the enum casts reject an unknown key or severity, failing the whole transaction), and back the
 * current readings of the year before and after with the values the year chains compare.
 * The report insert reads `retired` to the end first, so the old reading is no longer current when
 * the new one enters the one-current-per-year index. The neighbours are read in the snapshot of
 * this statement, taken after the agency lock (an earlier statement) was granted.
 */
async function insertReading(
  tx: Transaction,
  row: ReadingRows,
): Promise<{ reportId: number; replacedReportId: number | null; neighbours: Neighbour[] }> {
  const { name, identityKey, divisionCode } = row.agency;
  const numbers = numberArrays(row.values);
  const issues = JSON.stringify(issueRecords(row.issues));
  const [out] = await executePrepared<{ report_id: number; replaced_id: number | null; neighbours: Neighbour[] | string }>(tx, sql`
    with agency as (
      insert into ${agencies} (name, name_year, identity_key, division_code, province_code, city_code, kind)
      values (${name}, ${row.year}, ${identityKey}, ${divisionCode}, ${provinceCodeOf(divisionCode)}, ${cityCodeOf(divisionCode)}, ${agencyKindOf(name)})
      on conflict on constraint agencies_identity_uq do update
        set name = ${LATEST_NAME_WINS.name}, kind = ${LATEST_NAME_WINS.kind}, name_year = ${LATEST_NAME_WINS.nameYear}
      returning id
    ), retired as (
      update ${reports} set is_current = false
      from agency
      where ${reports.agencyId} = agency.id and ${reports.year} = ${row.year} and ${reports.isCurrent}
      returning ${reports.id}
    ), report as (
      insert into ${reports} (agency_id, year, printed_name, template, status, source_id, reader_version)
      select agency.id, ${row.year}, ${name}, ${row.template}, ${row.status}, ${row.sourceId}, ${row.readerVersion}
      from agency, (select count(*) from retired) as retired_first
      returning id
    ), numbers as (
      insert into ${reportValues} (report_id, metric_key, value, method)
      select report.id, v.metric_key, v.value, v.method
      from report, unnest(${numbers.keys}::metric_key[], ${numbers.values}::float8[], ${numbers.methods}::value_method[]) as v(metric_key, value, method)
    ), noted as (
      insert into ${reportIssues} (report_id, code, severity, keys, message)
      select report.id, i.code, i.severity, i.keys, i.message
      from report, jsonb_to_recordset(${issues}::jsonb) as i(code text, severity issue_severity, keys text[], message text)
    ), history as (
      insert into ${replacements} (agency_id, year, replaced_report_id, replacement_report_id, reason)
      select agency.id, ${row.year}, retired.id, report.id, ${row.replacementReason}
      from agency, retired, report
    )
    select report.id as report_id,
      (select id from retired) as replaced_id,
      ${neighboursJson(sql`agency.id`, row.year)} as neighbours
    from report, agency`);
  return {
    reportId: Number(out.report_id),
    replacedReportId: out.replaced_id === null ? null : Number(out.replaced_id),
    neighbours: parsedJson(out.neighbours),
  };
}

/** The current readings of the year before and after, with just the values the year chains compare, as JSON. */
function neighboursJson(agencyId: SQL, year: number): SQL {
  return sql`(select coalesce(json_agg(json_build_object(
      'reportId', r.id,
      'year', r.year,
      'values', (select coalesce(json_object_agg(v.metric_key, v.value), '{}'::json)
                 from ${reportValues} v
                 where v.report_id = r.id and v.metric_key = any(${CHAIN_KEYS_LITERAL}::metric_key[]))
    )), '[]'::json)
   from ${reports} r
   where r.agency_id = ${agencyId} and r.year in (${year - 1}::int, ${year + 1}::int) and r.is_current)`;
}

export async function neighboursOf(tx: Transaction, agencyId: number, year: number): Promise<Neighbour[]> {
  const result = await tx.execute(sql`select ${neighboursJson(sql`${agencyId}::int`, year)} as neighbours`);
  return parsedJson(rowsOf<{ neighbours: Neighbour[] | string }>(result)[0].neighbours);
}

/** Both drivers parse json columns; a string would mean a driver that does not. */
export function parsedJson<T>(value: T | string): T {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

/** The next year's chain issues depended on the reading just replaced or added: redo them. */
export async function recheckLaterYear(tx: Transaction, later: Neighbour, earlier: YearReading): Promise<void> {
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

/**
 * The numbers as three PostgreSQL array literals. Keys and methods are dotted words and values
 * finite numbers, so nothing needs quoting; anything else is refused rather than mis-split.
 */
function numberArrays(values: readonly StoredValue[]): { keys: string; values: string; methods: string } {
  for (const v of values) {
    if (!/^[A-Za-z0-9_.]+$/.test(v.metricKey) || !Number.isFinite(v.value)) throw new Error(`cannot store ${v.metricKey} = ${v.value}`);
  }
  const literal = (items: readonly (string | number)[]) => `{${items.join(",")}}`;
  return { keys: literal(values.map((v) => v.metricKey)), values: literal(values.map((v) => v.value)), methods: literal(values.map((v) => v.method)) };
}

function issueRecords(issues: readonly ReportIssue[]) {
  return issues.map((i) => ({ code: i.code, severity: i.severity, keys: i.keys ?? [], message: i.message }));
}

/** postgres.js returns the rows themselves, PGlite an object holding them. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Adds issues to a stored report and sets its status, in one statement. */
async function addIssues(tx: Transaction, reportId: number, issues: readonly ReportIssue[], status: string): Promise<void> {
  await tx.execute(sql`
    with noted as (
      insert into ${reportIssues} (report_id, code, severity, keys, message)
      select ${reportId}::int, i.code, i.severity, i.keys, i.message
      from jsonb_to_recordset(${JSON.stringify(issueRecords(issues))}::jsonb) as i(code text, severity issue_severity, keys text[], message text)
    )
    update ${reports} set status = ${status}::report_status where id = ${reportId}`);
}

/** A re-read reading's numbers and issues, replacing those stored (rare: after a reader change). */
export async function replaceNumbersAndIssues(
  tx: Transaction,
  reportId: number,
  values: readonly StoredValue[],
  issues: readonly ReportIssue[],
): Promise<void> {
  await tx.delete(reportValues).where(eq(reportValues.reportId, reportId));
  await tx.delete(reportIssues).where(eq(reportIssues.reportId, reportId));
  if (values.length > 0) await tx.insert(reportValues).values(values.map((v) => ({ reportId, ...v })));
  await insertIssues(tx, reportId, issues);
}

async function insertIssues(tx: Transaction, reportId: number, issues: readonly ReportIssue[]): Promise<void> {
  if (issues.length === 0) return;
  await tx.insert(reportIssues).values(issueRecords(issues).map((i) => ({ reportId, ...i })));
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
