/**
 * The data the browser tests and the web benchmark run on: the bundled reports imported into a
 * database the run owns — a fresh PGlite folder in a temporary directory, or, when DATABASE_URL
 * is set, a fresh database on that server — and dropped afterwards.
 *
 * PGlite serves one process at a time and `next start` holds the folder, so test files read the
 * same data from a dump of the folder loaded into memory.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { importBundledReports } from "./import";

/** Serializable: handed from the global setup to the test files through vitest's provide/inject. */
export type TestDataInfo = { engine: "pglite"; dumpFile: string } | { engine: "postgres"; url: string };

export interface TestData {
  info: TestDataInfo;
  /** Environment for `next start` so the app reads this data. */
  appEnv: Record<string, string | undefined>;
  dispose(): Promise<void>;
}


async function preparePglite(): Promise<TestData> {
  const dir = mkdtempSync(path.join(tmpdir(), "atlas-web-"));
  const folder = path.join(dir, "pglite");
  const dumpFile = path.join(dir, "seeded.tar");
  const handle = await openDatabase({ url: null, dataDir: folder });
  try {
    await importBundledReports(handle);
    const dump = await handle.dumpDataDir!();
    writeFileSync(dumpFile, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
  return {
    info: { engine: "pglite", dumpFile },
    appEnv: { DATABASE_URL: undefined, PGLITE_DIR: folder },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function preparePostgres(serverUrl: string): Promise<TestData> {
  const name = `atlas_web_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dispose = async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end({ timeout: 5 });
  };
  try {
    const handle = await openDatabase({ url: url.toString() });
    try {
      await importBundledReports(handle);
    } finally {
      await handle.close();
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { info: { engine: "postgres", url: url.toString() }, appEnv: { DATABASE_URL: url.toString() }, dispose };
}

/** Imports the bundled reports into a database this run owns. */
export function prepareTestData(): Promise<TestData> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  return serverUrl ? preparePostgres(serverUrl) : preparePglite();
}

/** Opens the test data from a test file (PGlite: an in-memory copy of the seeded folder). */
export function openTestData(info: TestDataInfo): Promise<DatabaseHandle> {
  if (info.engine === "postgres") return openDatabase({ url: info.url, maxConnections: 2 });
  const dump = new Blob([readFileSync(info.dumpFile)]);
  return openDatabase({ url: null, dataDir: "memory", loadDataDir: dump });
}
