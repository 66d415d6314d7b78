/** Setup, seeding, the data folder's lock, and reset: the operator's view of the store. */
import { execFile } from "node:child_process";
import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseLockedError, openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { resetDatabase } from "@/db/reset";
import { REPORT_EXTENSIONS } from "@/db/import/source-file";
import { BUNDLED_REPORTS_FOLDER, isEmpty, seedIfEmpty } from "@/db/seed";
import { divisions } from "@/db/schema";
import { countRows, enginesUnderTest, migratedSnapshot, openTestDatabase } from "./support/database";
import { tempFolder } from "./support/readings";

const run = promisify(execFile);
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

const tsxBin = () => path.join(process.cwd(), "node_modules", ".bin", "tsx");

async function bundledFileCount(): Promise<number> {
  const names = await readdir(BUNDLED_REPORTS_FOLDER);
  return names.filter((n) => REPORT_EXTENSIONS.has(path.extname(n).toLowerCase())).length;
}

describe("a PGlite data folder", () => {
  it("is seeded once and reused by the next start", async () => {
    const folder = await tempFolder();
    folders.push(folder);
    const dataDir = path.join(folder, "pglite");

    const first = await openDatabase({ url: null, dataDir, loadDataDir: await migratedSnapshot() });
    await prepareDatabase(first);
    const summary = await seedIfEmpty(first);
    const seeded = await countRows(first);
    await first.close();

    expect(summary).not.toBeNull();
    expect(summary!.imported + summary!.failed.length).toBe(await bundledFileCount());
    const second = await openDatabase({ url: null, dataDir });
    try {
      await prepareDatabase(second);
      expect(await seedIfEmpty(second)).toBeNull();
      expect(await countRows(second)).toEqual(seeded);
    } finally {
      await second.close();
    }
  });

  it("serves one process at a time, with a clear message for the second", async () => {
    const folder = await tempFolder();
    folders.push(folder);
    const dataDir = path.join(folder, "pglite");
    const holder = await openDatabase({ url: null, dataDir, loadDataDir: await migratedSnapshot() });
    try {
      await expect(openDatabase({ url: null, dataDir })).rejects.toThrow(DatabaseLockedError);
      await expect(openDatabase({ url: null, dataDir })).rejects.toThrow(/in use by process \d+/);
    } finally {
      await holder.close();
    }
    const next = await openDatabase({ url: null, dataDir }); // released on close
    await next.close();
  });

  it("refuses a second import process while one holds the folder", async () => {
    const folder = await tempFolder();
    folders.push(folder);
    const dataDir = path.join(folder, "pglite");
    const holder = await openDatabase({ url: null, dataDir, loadDataDir: await migratedSnapshot() });
    try {
      const { DATABASE_URL: _server, ...inherited } = process.env;
      const env = { ...inherited, PGLITE_DIR: dataDir };
      const failure = await run(tsxBin(), ["db/cli/import.ts", "--readers", "0", BUNDLED_REPORTS_FOLDER], { env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain(`in use by process ${process.pid}`);
      expect(await isEmpty(holder)).toBe(true); // the refused process wrote nothing
    } finally {
      await holder.close();
    }
  });

  it("takes over a lock that names this process but is not held by it (a restarted container's pid 1)", async () => {
    const folder = await tempFolder();
    folders.push(folder);
    const dataDir = path.join(folder, "pglite");
    await writeFile(`${dataDir}.lock`, String(process.pid));
    const handle = await openDatabase({ url: null, dataDir, loadDataDir: await migratedSnapshot() });
    await handle.close();
  });

  it("takes over a lock left by a process that is gone", async () => {
    const folder = await tempFolder();
    folders.push(folder);
    const dataDir = path.join(folder, "pglite");
    const { stdout } = await run(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    await writeFile(`${dataDir}.lock`, stdout); // that pid has exited
    const handle = await openDatabase({ url: null, dataDir, loadDataDir: await migratedSnapshot() });
    await handle.close();
  });
});

describe.each(enginesUnderTest())("reset on %s", (engine) => {
  it("empties every table and leaves a migrated schema with its divisions", async () => {
    const database = await openTestDatabase(engine);
    try {
      await seedIfEmpty(database);
      expect(await isEmpty(database)).toBe(false);

      await resetDatabase(database);

      expect(await isEmpty(database)).toBe(true);
      expect(await countRows(database)).toMatchObject({ agencies: 0, sources: 0, reports: 0, failures: 0 });
      const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(divisions);
      expect(n).toBeGreaterThan(3000);
    } finally {
      await database.dispose();
    }
  });
});

describe("npm run db:reset", () => {
  it("refuses without --yes when there is no terminal to ask", async () => {
    const folder = await tempFolder();
    folders.push(folder);
    // Without DATABASE_URL: never point this at a shared server.
    const { DATABASE_URL: _server, ...inherited } = process.env;
    const env = { ...inherited, PGLITE_DIR: path.join(folder, "pglite") };
    const failure = await run(tsxBin(), ["db/cli/reset.ts"], { env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/--yes/);
  });
});
