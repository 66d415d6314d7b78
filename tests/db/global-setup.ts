/**
 * Global setup of the storage tests: migrate once, then let every test file start from a copy.
 * PGlite: a migrated in-memory database dumped to a tarball (loading it takes ~1 s, migrating ~5 s).
 * Server (DATABASE_URL set): a migrated template database that test files clone and drop.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { adminUrl, databaseUrl, quoteIdent } from "./support/server";

declare module "vitest" {
  export interface ProvidedContext {
    dbTest: { pgliteSnapshot: string; serverTemplate: string | null };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "atlas-db-test-"));
  const pgliteSnapshot = path.join(folder, "migrated.tar");
  const pglite = await openDatabase({ url: null, dataDir: "memory" });
  try {
    await prepareDatabase(pglite);
    const blob = await pglite.dumpDataDir!();
    await writeFile(pgliteSnapshot, new Uint8Array(await blob.arrayBuffer()));
  } finally {
    await pglite.close();
  }

  const serverTemplate = process.env.DATABASE_URL ? await createTemplate(process.env.DATABASE_URL) : null;
  project.provide("dbTest", { pgliteSnapshot, serverTemplate });

  return async () => {
    await rm(folder, { recursive: true, force: true });
    if (serverTemplate) await dropDatabase(process.env.DATABASE_URL!, serverTemplate);
  };
}

async function createTemplate(url: string): Promise<string> {
  const name = `atlas_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = await openDatabase({ url: adminUrl(url), maxConnections: 1 });
  try {
    await admin.exec(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.close();
  }
  const template = await openDatabase({ url: databaseUrl(url, name), maxConnections: 1 });
  try {
    await prepareDatabase(template);
  } finally {
    await template.close();
  }
  return name;
}

async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = await openDatabase({ url: adminUrl(url), maxConnections: 1 });
  try {
    await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } finally {
    await admin.close();
  }
}
