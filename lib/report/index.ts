/**
 * The report reader: a published annual report in, checked canonical numbers out.
 * Each stage lives in its own module; this file only wires them together.
 */
import { extractDocument } from "./extract";
import { withoutInvisibles } from "./extract/invisible";
import { readIdentity } from "./identity";
import { readTables } from "./tables";
import type { ReadOutcome } from "./types";

export type { ParsedReport, ReadError, ReadOutcome, ReportIssue, Region } from "./types";
export { isReadError } from "./types";

/** Reads one report file's bytes. Never throws: unreadable input becomes a ReadError. */
export async function readReport(bytes: Uint8Array, fileName: string): Promise<ReadOutcome> {
  const document = await extractDocument(bytes, fileName);
  if ("error" in document) return { file: fileName, error: document.error };
  return readReportText(document.text, fileName);
}

/** Reads a report already turned into text (tables as tab-separated lines). */
export function readReportText(raw: string, fileName?: string): ReadOutcome {
  const text = withoutInvisibles(raw);
  const identity = readIdentity(text);
  const tables = readTables(text, identity.year);
  return {
    ...(fileName === undefined ? {} : { file: fileName }),
    agency: identity.agency,
    year: identity.year,
    template: tables.template,
    region: identity.region,
    values: tables.values,
    issues: [...identity.issues, ...tables.issues],
  };
}
