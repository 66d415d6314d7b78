/**
 * Importing files and folders: each file is read by the report reader and stored in its own
 * transaction, so one bad file never stops the rest. Files stream from a folder walk, so memory
 * does not grow with the corpus.
 */
import { opendir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readReport } from "../../lib/report";
import { isReadError } from "../../lib/report/types";
import { executePrepared, type Database, type DatabaseHandle } from "../client";
import { reports, sources } from "../schema";
import { silentProgress, type FileOutcome, type ProgressSink } from "./progress";
import type { ReadFunction } from "./reader-pool";
import { READER_VERSION } from "../../lib/report/version";
import { REPORT_EXTENSIONS, describeSource } from "./source-file";
import { rereadReading } from "./reread";
import { placementProblem, recordFailure, storeReading, type CommitMode, type PlacedReport } from "./store";

export interface ImportFailure {
  file: string;
  code: string;
  reason: string;
}

export interface ImportSummary {
  imported: number;
  replaced: number;
  /** Documents stored by another reader version, read again (see db/import/reread.ts). */
  reread: number;
  unchanged: number;
  failed: ImportFailure[];
  elapsedMs: number;
}

export interface ImportOptions {
  progress?: ProgressSink;
  /** Files in flight at once (see defaultConcurrency). Above 1, two files for the same agency and year may be stored in either order. */
  concurrency?: number;
  /** Replaces the in-process reader: a pool of reader threads, or a stand-in in tests. */
  read?: ReadFunction;
}

type FileResult = { outcome: Exclude<FileOutcome, "failed"> } | { outcome: "failed"; code: string; reason: string };

export async function importPaths(handle: DatabaseHandle, paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const progress = options.progress ?? silentProgress;
  const concurrency = options.concurrency ?? defaultConcurrency(handle);
  const summary: ImportSummary = { imported: 0, replaced: 0, reread: 0, unchanged: 0, failed: [], elapsedMs: 0 };
  const started = Date.now();
  const files = reportFiles(paths);

  const worker = async () => {
    for (;;) {
      const next = await files.next();
      if (next.done) return;
      const file = next.value;
      const result = await importFile(handle.db, file, options.read ?? readReport, commitModeOf(handle));
      if (result.outcome === "failed") summary.failed.push({ file, code: result.code, reason: result.reason });
      else summary[result.outcome]++;
      progress.fileDone(file, result.outcome, result.outcome === "failed" ? result.reason : undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  progress.finish();
  summary.failed.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)); // files finish out of order when in flight together
  summary.elapsedMs = Date.now() - started;
  return summary;
}

/**
 * The server overlaps many transactions (each waits on round trips, not CPU; measured: 8 in
 * flight store ~1.8× what 1 does); PGlite runs one statement at a time in this process.
 */
/** See CommitMode: only the server may skip the flush wait. */
function commitModeOf(handle: DatabaseHandle): CommitMode {
  return handle.engine === "postgres" ? "fast" : "durable";
}

export function defaultConcurrency(handle: DatabaseHandle): number {
  return handle.engine === "postgres" ? 8 : 1;
}

/** One file, start to end. Never throws: every problem becomes a failed result with a reason. */
export async function importFile(
  db: Database,
  file: string,
  read: ReadFunction = readReport,
  commit: CommitMode = "durable",
): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    return { outcome: "failed", code: "IO_ERROR", reason: messageOf(error) };
  }
  const fileName = path.basename(file);
  const facts = describeSource(bytes, fileName);
  try {
    // Known bytes read by this reader need no reading at all: re-importing a folder is cheap.
    const storedBy = await readerVersionOf(db, facts.sha256);
    if (storedBy === READER_VERSION) return { outcome: "unchanged" };
    const reading = await readSafely(read, bytes, fileName);
    const problem = isReadError(reading)
      ? { code: reading.error.code, reason: reading.error.message }
      : placementProblem(reading) && { code: "NOT_PLACEABLE", reason: placementProblem(reading)! };
    if (problem) {
      await recordFailure(db, { fileName, sha256: facts.sha256, ...problem });
      return { outcome: "failed", ...problem };
    }
    if (storedBy !== null) {
      const result = await rereadReading(db, facts.sha256, reading as PlacedReport, READER_VERSION);
      return result.outcome === "moved" ? { outcome: "failed", code: "READING_MOVED", reason: result.reason } : { outcome: result.outcome };
    }
    const result = await storeReading(db, reading as PlacedReport, { fileName, bytes, facts }, READER_VERSION, commit);
    return { outcome: result.outcome };
  } catch (error) {
    const failure = { code: "STORE_FAILED", reason: messageOf(error) };
    // The reading's transaction rolled back; keep a note of the failure outside it.
    const noted = await recordFailure(db, { fileName, sha256: facts.sha256, ...failure }).then(
      () => "",
      (noteError: unknown) => ` (and the failure could not be recorded: ${messageOf(noteError)})`,
    );
    return { outcome: "failed", code: failure.code, reason: failure.reason + noted };
  }
}

async function readSafely(read: ReadFunction, bytes: Uint8Array, fileName: string): ReturnType<ReadFunction> {
  try {
    return await read(bytes, fileName);
  } catch (error) {
    // The reader promises not to throw; if it does, the file fails and the import goes on.
    return { file: fileName, error: { code: "UNREADABLE_DOCUMENT", message: `reader failed: ${messageOf(error)}` } };
  }
}

/** The reader version of the stored reading of these bytes, or null when they are not stored. */
async function readerVersionOf(db: Database, sha256: string): Promise<string | null> {
  const rows = await executePrepared<{ reader_version: string }>(db, sql`
    select r.reader_version from ${sources} s join ${reports} r on r.source_id = s.id where s.sha256 = ${sha256} limit 1`);
  return rows[0]?.reader_version ?? null;
}

/** Every report file named or found under a named folder, in a stable (sorted) order. */
export async function* reportFiles(paths: readonly string[]): AsyncGenerator<string> {
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) yield* walk(p);
    else yield p; // a missing file is yielded too, so it is reported as failed
  }
}

async function* walk(folder: string): AsyncGenerator<string> {
  const entries: { name: string; dir: boolean }[] = [];
  for await (const entry of await opendir(folder)) {
    if (entry.name.startsWith(".")) continue;
    entries.push({ name: entry.name, dir: entry.isDirectory() });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.dir) yield* walk(full);
    else if (REPORT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) yield full;
  }
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Drizzle wraps driver errors as "Failed query: <sql> params: <values>"; the driver's own message says why.
  if (error.cause instanceof Error) return `database: ${error.cause.message}`;
  return error.message.split("\n")[0];
}
