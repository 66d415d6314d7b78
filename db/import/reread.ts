/**
 * Re-reading a stored document after the reader changed (lib/report/version.ts). The document's
 * bytes are unchanged, so its reading stays the same row (one reading per source): if the new
 * reading has the same numbers, issues and template, only its reader version moves on; otherwise
 * its numbers and issues are replaced in place, in one transaction, and the cross-year checks
 * with its neighbours are redone. A new reading that places the document elsewhere (another
 * agency or year) is not moved silently: it fails with READING_MOVED and the old reading stays.
 */
import { sql } from "drizzle-orm";
import type { ReportIssue } from "../../lib/report/types";
import { agencyIdentityKey } from "../../lib/agency-identity";
import type { Database, Transaction } from "../client";
import { reports } from "../schema";
import { reportStatusOf, storedValues } from "./provenance";
import { lockAgency, neighboursOf, parsedJson, recheckLaterYear, replaceNumbersAndIssues, rowsOf, type PlacedReport } from "./store";
import { YEAR_CHAIN_CODES, yearChainIssues } from "./year-chains";

export type RereadResult = { outcome: "reread" | "unchanged"; reportId: number } | { outcome: "moved"; reason: string };

interface StoredReading {
  report_id: number;
  agency_id: number;
  year: number;
  template: string;
  is_current: boolean;
  identity_key: string;
  division_code: string | null;
  values: [string, number, string][] | string;
  issues: [string, string, string[], string][] | string;
}

export async function rereadReading(db: Database, sha256: string, report: PlacedReport, readerVersion: string): Promise<RereadResult> {
  const divisionCode = report.region?.code ?? null;
  const identityKey = agencyIdentityKey(report.agency, divisionCode);
  return db.transaction(async (tx) => {
    await lockAgency(tx, `${identityKey}|${divisionCode ?? ""}`);
    const stored = await storedReading(tx, sha256);
    if (stored.identity_key !== identityKey || stored.division_code !== divisionCode || stored.year !== report.year) {
      return {
        outcome: "moved" as const,
        reason: `reader ${readerVersion} places this document at ${report.agency} (${divisionCode ?? "no place"}) ${report.year}, not where it is stored; the old reading is kept`,
      };
    }
    const earlier = stored.is_current ? (await neighboursOf(tx, stored.agency_id, report.year)).find((n) => n.year === report.year - 1) : undefined;
    const issues: ReportIssue[] = [
      ...report.issues.filter((i) => !(YEAR_CHAIN_CODES as readonly string[]).includes(i.code)),
      ...(earlier ? yearChainIssues(earlier, report) : []),
    ];
    const values = storedValues(report);
    const same = stored.template === report.template && sameRows(parsedJson(stored.values), values.map((v) => [v.metricKey, v.value, v.method]))
      && sameRows(parsedJson(stored.issues), issues.map((i) => [i.code, i.severity, i.keys ?? [], i.message]));
    if (same) {
      await tx.execute(sql`update ${reports} set reader_version = ${readerVersion} where id = ${stored.report_id}`);
      return { outcome: "unchanged" as const, reportId: stored.report_id };
    }
    await tx.execute(sql`
      update ${reports} set reader_version = ${readerVersion}, template = ${report.template}, status = ${reportStatusOf(issues)},
        printed_name = ${report.agency}, imported_at = now()
      where id = ${stored.report_id}`);
    await replaceNumbersAndIssues(tx, stored.report_id, values, issues);
    const later = stored.is_current ? (await neighboursOf(tx, stored.agency_id, report.year)).find((n) => n.year === report.year + 1) : undefined;
    if (later) await recheckLaterYear(tx, later, report);
    return { outcome: "reread" as const, reportId: stored.report_id };
  });
}

async function storedReading(tx: Transaction, sha256: string): Promise<StoredReading> {
  const result = await tx.execute(sql`
    select r.id as report_id, r.agency_id, r.year, r.template, r.is_current, a.identity_key, a.division_code,
      (select coalesce(json_agg(json_build_array(v.metric_key, v.value, v.method) order by v.metric_key), '[]'::json)
       from report_values v where v.report_id = r.id) as values,
      (select coalesce(json_agg(json_build_array(i.code, i.severity, i.keys, i.message) order by i.id), '[]'::json)
       from report_issues i where i.report_id = r.id) as issues
    from sources s join reports r on r.source_id = s.id join agencies a on a.id = r.agency_id
    where s.sha256 = ${sha256}`);
  return rowsOf<StoredReading>(result)[0];
}

/** Same rows regardless of order (the database orders keys by enum position, the reader by its own). */
function sameRows(a: unknown[][], b: unknown[][]): boolean {
  const canon = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
  const [x, y] = [canon(a), canon(b)];
  return x.length === y.length && x.every((row, i) => row === y[i]);
}
