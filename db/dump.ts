/**
 * A full, engine-neutral dump of the database contents as JSON Lines: every reading (current and
 * replaced) with its source document's bytes, numbers and issues, the replacement history and the
 * recorded failures. Moving from PGlite to a server is export → import-dump; nothing is lost.
 *
 * Rows are written in storage order and read back in that order, so history stays in sequence.
 * Ids are not dumped: sources are identified by sha256, agencies by identity key and division. The
 * key is not dumped either: the loader derives it from each report's printed name, so loading a
 * dump also merges name variants stored apart before the current identity rule.
 */
import { asc, eq, gt, inArray, sql } from "drizzle-orm";
import { agencyIdentityKey } from "../lib/agency-identity";
import type { DatabaseHandle, Transaction } from "./client";
import { LATEST_NAME_WINS } from "./import/agency-name";
import {
  agencies,
  importFailures,
  replacements,
  reportIssues,
  reports,
  reportValues,
  sources,
  type ReportStatus,
  type SourceFormat,
  type ValueMethod,
} from "./schema";

export const DUMP_FORMAT = "disclosure-atlas-dump";
export const DUMP_VERSION = 1;

export interface DumpHeader {
  type: "header";
  format: typeof DUMP_FORMAT;
  version: number;
  exportedAt: string;
}

export interface DumpReport {
  type: "report";
  agency: { name: string; divisionCode: string | null; provinceCode: string | null; cityCode: string | null; kind: string };
  year: number;
  /** The agency's name as this report prints it; absent in dumps made before agency identity keys. */
  printedName?: string;
  template: "2021" | "2019";
  status: ReportStatus;
  readerVersion: string;
  importedAt: string;
  isCurrent: boolean;
  source: {
    sha256: string;
    fileName: string;
    format: SourceFormat;
    charset: string | null;
    byteSize: number;
    storedAt: string;
    base64: string;
  };
  /** [metric key, value, method], in key order. */
  values: [string, number, ValueMethod][];
  issues: { code: string; severity: "error" | "warning" | "info"; keys: string[]; message: string }[];
}

export interface DumpReplacement {
  type: "replacement";
  replacedSha256: string;
  replacementSha256: string;
  reason: string;
  replacedAt: string;
}

export interface DumpFailure {
  type: "failure";
  fileName: string;
  sha256: string;
  code: string;
  reason: string;
  failedAt: string;
}

export type DumpLine = DumpHeader | DumpReport | DumpReplacement | DumpFailure;

const PAGE = 100;

/** Every line of the dump, paged through the database by id (keyset), so memory stays flat. */
export async function* dumpLines(handle: DatabaseHandle): AsyncGenerator<DumpLine> {
  const { db } = handle;
  yield { type: "header", format: DUMP_FORMAT, version: DUMP_VERSION, exportedAt: new Date().toISOString() };
  for (let after = 0; ; ) {
    const page = await db
      .select({ report: reports, agency: agencies, source: sources })
      .from(reports)
      .innerJoin(agencies, eq(agencies.id, reports.agencyId))
      .innerJoin(sources, eq(sources.id, reports.sourceId))
      .where(gt(reports.id, after))
      .orderBy(asc(reports.id))
      .limit(PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1].report.id;
    const ids = page.map((p) => p.report.id);
    const values = await db
      .select()
      .from(reportValues)
      .where(inArray(reportValues.reportId, ids))
      .orderBy(asc(reportValues.reportId), asc(sql`${reportValues.metricKey}::text`));
    const issues = await db
      .select()
      .from(reportIssues)
      .where(inArray(reportIssues.reportId, ids))
      .orderBy(asc(reportIssues.reportId), asc(reportIssues.id));
    for (const { report, agency, source } of page) {
      yield {
        type: "report",
        agency: {
          name: agency.name,
          divisionCode: agency.divisionCode,
          provinceCode: agency.provinceCode,
          cityCode: agency.cityCode,
          kind: agency.kind,
        },
        year: report.year,
        printedName: report.printedName,
        template: report.template as DumpReport["template"],
        status: report.status,
        readerVersion: report.readerVersion,
        importedAt: report.importedAt.toISOString(),
        isCurrent: report.isCurrent,
        source: {
          sha256: source.sha256,
          fileName: source.fileName,
          format: source.format,
          charset: source.charset,
          byteSize: source.byteSize,
          storedAt: source.storedAt.toISOString(),
          base64: Buffer.from(source.bytes).toString("base64"),
        },
        values: values.filter((v) => v.reportId === report.id).map((v) => [v.metricKey, v.value, v.method]),
        issues: issues
          .filter((i) => i.reportId === report.id)
          .map((i) => ({ code: i.code, severity: i.severity, keys: i.keys, message: i.message })),
      };
    }
  }
  yield* replacementLines(handle);
  yield* failureLines(handle);
}

async function* replacementLines(handle: DatabaseHandle): AsyncGenerator<DumpReplacement> {
  const rows = await handle.db
    .select({
      replacedSha256: sql<string>`(select s.sha256 from ${reports} r join ${sources} s on s.id = r.source_id where r.id = ${replacements.replacedReportId})`,
      replacementSha256: sql<string>`(select s.sha256 from ${reports} r join ${sources} s on s.id = r.source_id where r.id = ${replacements.replacementReportId})`,
      reason: replacements.reason,
      replacedAt: replacements.replacedAt,
    })
    .from(replacements)
    .orderBy(asc(replacements.id));
  for (const r of rows) {
    yield { type: "replacement", replacedSha256: r.replacedSha256, replacementSha256: r.replacementSha256, reason: r.reason, replacedAt: r.replacedAt.toISOString() };
  }
}

async function* failureLines(handle: DatabaseHandle): AsyncGenerator<DumpFailure> {
  const rows = await handle.db.select().from(importFailures).orderBy(asc(importFailures.id));
  for (const f of rows) {
    yield { type: "failure", fileName: f.fileName, sha256: f.sha256, code: f.code, reason: f.reason, failedAt: f.failedAt.toISOString() };
  }
}

export interface DumpLoadSummary {
  reports: number;
  replacements: number;
  failures: number;
}

/**
 * Loads a dump into a database that holds no reports yet, in one transaction: either the whole
 * dump is there afterwards, or nothing is. Stored issues and statuses are kept as dumped (not
 * recomputed), so the contents are the same as the exported database's.
 */
export async function loadDump(handle: DatabaseHandle, lines: AsyncIterable<DumpLine>): Promise<DumpLoadSummary> {
  return handle.db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(sources);
    if (n > 0) throw new Error("the database already holds reports: load a dump only into an empty database (npm run db:reset first)");
    const summary: DumpLoadSummary = { reports: 0, replacements: 0, failures: 0 };
    const reportIdBySha = new Map<string, number>();
    let sawHeader = false;
    for await (const line of lines) {
      if (!sawHeader) {
        checkHeader(line);
        sawHeader = true;
        continue;
      }
      if (line.type === "report") {
        reportIdBySha.set(line.source.sha256, await loadReport(tx, line));
        summary.reports++;
      } else if (line.type === "replacement") {
        await loadReplacement(tx, line, reportIdBySha);
        summary.replacements++;
      } else if (line.type === "failure") {
        await tx.insert(importFailures).values({ ...line, failedAt: new Date(line.failedAt) });
        summary.failures++;
      } else {
        throw new Error(`unexpected dump line of type ${(line as { type?: string }).type}`);
      }
    }
    if (!sawHeader) throw new Error("the dump is empty");
    return summary;
  });
}

function checkHeader(line: DumpLine): void {
  if (line.type !== "header" || line.format !== DUMP_FORMAT) throw new Error("not a Disclosure Atlas dump (no header line)");
  if (line.version > DUMP_VERSION) throw new Error(`dump version ${line.version} is newer than this program (${DUMP_VERSION})`);
}

async function loadReport(tx: Transaction, line: DumpReport): Promise<number> {
  const printedName = line.printedName ?? line.agency.name;
  const identityKey = agencyIdentityKey(printedName, line.agency.divisionCode);
  const [agency] = await tx
    .insert(agencies)
    .values({ ...line.agency, identityKey, nameYear: line.year })
    .onConflictDoUpdate({ target: [agencies.identityKey, agencies.divisionCode], set: LATEST_NAME_WINS })
    .returning({ id: agencies.id });
  const bytes = new Uint8Array(Buffer.from(line.source.base64, "base64"));
  const { base64: _omit, storedAt, ...sourceFacts } = line.source;
  const [source] = await tx
    .insert(sources)
    .values({ ...sourceFacts, bytes, storedAt: new Date(storedAt) })
    .returning({ id: sources.id });
  const [report] = await tx
    .insert(reports)
    .values({
      agencyId: agency.id,
      year: line.year,
      printedName,
      template: line.template,
      status: line.status,
      sourceId: source.id,
      readerVersion: line.readerVersion,
      importedAt: new Date(line.importedAt),
      isCurrent: line.isCurrent,
    })
    .returning({ id: reports.id });
  if (line.values.length > 0) {
    await tx
      .insert(reportValues)
      .values(line.values.map(([metricKey, value, method]) => ({ reportId: report.id, metricKey, value, method })));
  }
  if (line.issues.length > 0) {
    await tx.insert(reportIssues).values(line.issues.map((i) => ({ reportId: report.id, ...i })));
  }
  return report.id;
}

async function loadReplacement(tx: Transaction, line: DumpReplacement, reportIdBySha: Map<string, number>): Promise<void> {
  const replacedReportId = reportIdBySha.get(line.replacedSha256);
  const replacementReportId = reportIdBySha.get(line.replacementSha256);
  if (replacedReportId === undefined || replacementReportId === undefined) {
    throw new Error(`replacement refers to a document not in the dump (${line.replacedSha256} → ${line.replacementSha256})`);
  }
  const [replacement] = await tx
    .select({ agencyId: reports.agencyId, year: reports.year })
    .from(reports)
    .where(eq(reports.id, replacementReportId));
  await tx.insert(replacements).values({
    agencyId: replacement.agencyId,
    year: replacement.year,
    replacedReportId,
    replacementReportId,
    reason: line.reason,
    replacedAt: new Date(line.replacedAt),
  });
}
