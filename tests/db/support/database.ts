/**
 * A private database per test file, on each engine under test: PGlite always, the server too when
 * DATABASE_URL is set. Both start migrated (from the global setup's snapshot or template).
 */
import { readFile } from "node:fs/promises";
import { sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle, type Engine } from "@/db/client";
import {
  agencies,
  importFailures,
  replacements,
  reportIssues,
  reports,
  reportValues,
  sources,
} from "@/db/schema";
import { adminUrl, databaseUrl, quoteIdent } from "./server";

export function enginesUnderTest(): Engine[] {
  return inject("dbTest").serverTemplate ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase extends DatabaseHandle {
  /** Closes and, on the server, drops the private database. */
  dispose(): Promise<void>;
  /** For the server: a URL to the same private database, to open a second, racing connection. */
  url: string | null;
}

/** The migrated PGlite data folder made by the global setup, as a tarball to start from. */
export async function migratedSnapshot(): Promise<Blob> {
  return new Blob([await readFile(inject("dbTest").pgliteSnapshot)]);
}

export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  const { serverTemplate } = inject("dbTest");
  if (engine === "pglite") {
    const handle = await openDatabase({ url: null, dataDir: "memory", loadDataDir: await migratedSnapshot() });
    return { ...handle, url: null, dispose: () => handle.close() };
  }
  const serverUrl = process.env.DATABASE_URL!;
  const name = `atlas_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(serverUrl, (admin) => cloneTemplate(admin, name, serverTemplate!));
  const url = databaseUrl(serverUrl, name);
  const handle = await openDatabase({ url });
  return {
    ...handle,
    url,
    dispose: async () => {
      await handle.close();
      await withAdmin(serverUrl, (admin) => admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(serverUrl: string, work: (admin: DatabaseHandle) => Promise<T>): Promise<T> {
  const admin = await openDatabase({ url: adminUrl(serverUrl), maxConnections: 1 });
  try {
    return await work(admin);
  } finally {
    await admin.close();
  }
}

/** Test files clone at the same time; the server briefly refuses a template another clone is reading. */
async function cloneTemplate(admin: DatabaseHandle, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.exec(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String((error as Error).message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** Empties every table the importer writes (divisions stay). */
export async function clearData(handle: DatabaseHandle): Promise<void> {
  await handle.exec(
    "TRUNCATE replacements, report_issues, report_values, reports, sources, agencies, import_failures RESTART IDENTITY CASCADE",
  );
}

export interface RowCounts {
  agencies: number;
  sources: number;
  reports: number;
  currentReports: number;
  values: number;
  issues: number;
  replacements: number;
  failures: number;
}

export async function countRows(handle: DatabaseHandle): Promise<RowCounts> {
  const count = async (table: PgTable, where?: SQL) => {
    const query = handle.db.select({ n: sql<number>`count(*)::int` }).from(table);
    const [row] = await (where ? query.where(where) : query);
    return row.n;
  };
  return {
    agencies: await count(agencies),
    sources: await count(sources),
    reports: await count(reports),
    currentReports: await count(reports, sql`${reports.isCurrent}`),
    values: await count(reportValues),
    issues: await count(reportIssues),
    replacements: await count(replacements),
    failures: await count(importFailures),
  };
}
