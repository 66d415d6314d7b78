/**
 * `npm run bench:import [-- --files N]`: imports a corpus of N (default 5,000) generated report
 * files into each engine — PGlite in a freshly migrated folder, and the PostgreSQL server (BENCH_DATABASE_URL,
 * else DATABASE_URL, else 127.0.0.1:5432) in a database made for the run — and prints reports/s,
 * RSS at checkpoints (memory must stay flat as the corpus grows) and peak RSS.
 *
 * Each engine runs in its own child process, so each peak RSS is that engine's alone. Two figures
 * per engine: end to end (read + store, what `npm run import` does) and store only (readings
 * prepared in memory, one at a time), which isolates the database from the reader's cost.
 * The machine is shared, so wall time alone misleads: each run also prints CPU milliseconds per
 * report, of this process (all its threads; for PGlite that includes the database) and, for the
 * server, of its backends serving the run (read from /proc: the server must run on this machine).
 * `--engines postgres` (or pglite) runs one engine only; `--concurrency N` sets the transactions in
 * flight for the store-only run (default: the importer's).
 */
import { spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DatabaseHandle, type Engine } from "@/db/client";
import type { FileOutcome, ProgressSink } from "@/db/import/progress";
import { defaultConcurrency, importPaths } from "@/db/import/run";
import { defaultReaderCount, startReaderPool } from "@/db/import/reader-pool";
import { describeSource } from "@/db/import/source-file";
import { storeReading, type PlacedReport } from "@/db/import/store";
import { READER_VERSION } from "@/lib/report/version";
import { prepareDatabase } from "@/db/prepare";
import { readReportText } from "@/lib/report";
import { isReadError } from "@/lib/report/types";
import { ensureImportCorpus } from "./import-corpus";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** CPU time of this process, all threads, in ms. */
const processCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU time (ms) of the server backends connected to the handle's database; null for PGlite or a remote server. */
async function serverCpuMs(handle: DatabaseHandle): Promise<Map<number, number> | null> {
  if (handle.engine !== "postgres") return null;
  const rows = (await handle.db.execute(sql`select pid from pg_stat_activity where datname = current_database()`)) as unknown as { pid: number }[];
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // Fields after the command name: utime and stime are the 12th and 13th (clock ticks, 100/s on Linux).
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      return null; // not on this machine
    }
  }
  return ticks;
}

/** Measures a run: wall time and CPU per report, client and server. */
async function measured(label: string, handle: DatabaseHandle, count: number, run: () => Promise<void>): Promise<void> {
  const serverBefore = await serverCpuMs(handle);
  const cpuBefore = processCpuMs();
  const started = Date.now();
  await run();
  const seconds = (Date.now() - started) / 1000;
  const clientMs = (processCpuMs() - cpuBefore) / count;
  const serverAfter = await serverCpuMs(handle);
  let serverMs: number | null = null;
  if (serverBefore && serverAfter) {
    let total = 0;
    for (const [pid, ms] of serverAfter) total += ms - (serverBefore.get(pid) ?? 0);
    serverMs = total / count;
  }
  console.log(
    `${label}: ${count} reports in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(0)} reports/s; ` +
      `CPU per report: client ${clientMs.toFixed(2)} ms` + (serverMs === null ? "" : `, server ${serverMs.toFixed(2)} ms`),
  );
}

/** Prints RSS every `every` files: the line to watch for growth. */
function checkpoints(label: string, every: number): ProgressSink {
  let done = 0;
  const started = Date.now();
  return {
    fileDone(_file: string, _outcome: FileOutcome) {
      done++;
      if (done % every !== 0) return;
      const seconds = (Date.now() - started) / 1000;
      console.log(`  ${label} ${String(done).padStart(6)} files  ${(done / seconds).toFixed(0).padStart(5)}/s  rss ${mb(process.memoryUsage().rss)}  heap ${mb(process.memoryUsage().heapUsed)}`);
    },
    finish() {},
  };
}

/** A migrated PGlite folder, made by the parent so the child's RSS is the import's, not initdb's (~0.5 GB once). */
async function preparePgliteFolder(): Promise<string> {
  const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "atlas-bench-")), "pglite");
  const handle = await openDatabase({ url: null, dataDir });
  try {
    await prepareDatabase(handle);
  } finally {
    await handle.close();
  }
  return dataDir;
}

async function openBenchDatabase(engine: Engine, pgliteDir: string, tag: string): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }> {
  if (engine === "pglite") {
    const handle = await openDatabase({ url: null, dataDir: pgliteDir });
    return { handle, dispose: () => handle.close() };
  }
  const server = new URL(serverUrl());
  const name = `atlas_bench_${process.pid}_${tag}`;
  const adminUrl = new URL(server);
  adminUrl.pathname = "/postgres";
  const admin = await openDatabase({ url: adminUrl.toString(), maxConnections: 1 });
  try {
    // One statement each: the server runs a multi-statement string as one transaction, and these refuse that.
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.close();
    throw error;
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await prepareDatabase(handle);
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

function serverUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/** End to end: the corpus through importPaths with reader threads, exactly as `npm run import` does it. */
async function endToEnd(engine: Engine, pgliteDir: string, corpus: string, files: number): Promise<void> {
  const db = await openBenchDatabase(engine, pgliteDir, "e2e");
  const readers = defaultReaderCount();
  const pool = readers > 0 ? startReaderPool(readers) : null;
  try {
    await measured(`${engine} end to end (${readers} reader thread${readers === 1 ? "" : "s"})`, db.handle, files, async () => {
      const summary = await importPaths(db.handle, [corpus], {
        progress: checkpoints(`${engine} e2e`, 1000),
        read: pool?.read,
        concurrency: pool ? Math.max(defaultConcurrency(db.handle), pool.size * 2 + 1) : undefined,
      });
      console.log(`  imported ${summary.imported}, replaced ${summary.replaced}, failed ${summary.failed.length}`);
    });
  } finally {
    await pool?.close();
    await db.dispose();
  }
}

/**
 * Store only: each corpus text read once per template up front; then N readings made from those
 * (agency and year varied, like the corpus) stored one transaction each, several in flight on the server.
 */
async function storeOnly(engine: Engine, pgliteDir: string, corpus: string, count: number): Promise<void> {
  // Agencies 0…4 of the corpus come from the five template texts.
  const samples = [0, 1, 2, 3, 4].map((agency) => {
    const file = path.join(corpus, "000", `a0000${agency}-2024.txt`);
    const text = readFileSync(file, "utf8");
    const reading = readReportText(text, path.basename(file));
    if (isReadError(reading)) throw new Error(`cannot read ${file}`);
    return { text, reading: reading as PlacedReport };
  });
  const db = await openBenchDatabase(engine, pgliteDir, "store");
  const progress = checkpoints(`${engine} store`, 1000);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const sample = samples[i % samples.length];
      const reading = { ...sample.reading, agency: `${sample.reading.agency}${Math.floor(i / 5)}`, year: 2021 + (i % 5) };
      const bytes = new TextEncoder().encode(`${sample.text}\n<!-- ${i} -->`);
      await storeReading(db.handle.db, reading, { fileName: `r${i}.txt`, bytes, facts: describeSource(bytes, `r${i}.txt`) }, READER_VERSION);
      progress.fileDone(`r${i}`, "imported");
    }
  };
  try {
    await measured(`${engine} store only`, db.handle, count, async () => {
      const inFlight = Number(argValue("--concurrency", String(defaultConcurrency(db.handle))));
      await Promise.all(Array.from({ length: inFlight }, worker));
    });
  } finally {
    await db.dispose();
  }
}

async function child(engine: Engine, pgliteDirs: string[], corpus: string, files: number): Promise<void> {
  await endToEnd(engine, pgliteDirs[0], corpus, files);
  await storeOnly(engine, pgliteDirs[1], corpus, files);
  console.log(`${engine} peak RSS: ${mb(peakRss())}`);
}

async function parent(): Promise<void> {
  const files = Number(argValue("--files", "5000"));
  const corpus = ensureImportCorpus(files, console.log);
  const engines = argValue("--engines", "pglite,postgres").split(",") as Engine[];
  for (const engine of engines) {
    console.log(`\n== ${engine} ==`);
    const dirs = engine === "pglite" ? [await preparePgliteFolder(), await preparePgliteFolder()] : ["-", "-"];
    const code = await new Promise<number>((resolve) => {
      const passOn = ["--concurrency"].flatMap((name) => (process.argv.includes(name) ? [name, argValue(name, "")] : []));
      const args = [...process.execArgv, process.argv[1], "--child", engine, "--files", String(files), "--pglite", dirs.join(","), ...passOn];
      const proc = spawn(process.execPath, args, { stdio: "inherit", env: process.env });
      proc.on("exit", (c) => resolve(c ?? 1));
    });
    for (const dir of dirs) if (dir !== "-") rmSync(path.dirname(dir), { recursive: true, force: true });
    if (code !== 0) console.log(`${engine}: failed (exit ${code})`);
  }
}

const childEngine = argValue("--child", "");
if (childEngine) {
  const files = Number(argValue("--files", "5000"));
  child(childEngine as Engine, argValue("--pglite", "-,-").split(","), ensureImportCorpus(files), files).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else {
  parent().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
