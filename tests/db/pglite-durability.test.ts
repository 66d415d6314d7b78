/**
 * PGlite has no WAL writer process: a commit that skipped the flush stays unflushed until a
 * checkpoint. An import on PGlite must be durable at once, so a data-folder dump taken right after
 * it (as the browser tests and operators do) holds every imported report.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { importPaths } from "@/db/import/run";
import { countRows, openTestDatabase, type TestDatabase } from "./support/database";
import { jsonReader, makeReading, tempFolder, writeReading } from "./support/readings";

let database: TestDatabase;
let folder: string;

beforeAll(async () => {
  database = await openTestDatabase("pglite");
  folder = await tempFolder();
});
afterAll(async () => {
  await database?.dispose();
  await rm(folder, { recursive: true, force: true });
});

it("a data-folder dump taken right after an import holds every imported report", async () => {
  const files = await Promise.all(
    [2023, 2024].map((year) => writeReading(folder, `${year}.txt`, makeReading({ year }))),
  );
  const summary = await importPaths(database, files, { read: jsonReader });
  expect(summary.imported).toBe(2);

  const copy = await openDatabase({ url: null, dataDir: "memory", loadDataDir: await database.dumpDataDir!() });
  try {
    const copied = await countRows(copy);
    expect(copied.reports).toBe(2);
    expect(copied).toEqual(await countRows(database));
  } finally {
    await copy.close();
  }
});
