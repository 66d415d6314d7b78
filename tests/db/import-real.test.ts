/**
 * Real files through the real reader into the store: a GBK copy of a seed report and an official
 * PDF. What is stored must be exactly what the reader read, identity as the fixture expects.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readReport } from "@/lib/report";
import { isReadError, type ParsedReport } from "@/lib/report/types";
import { importPaths } from "@/db/import/run";
import { storedValues } from "@/db/import/provenance";
import { agencies, reports, reportValues, sources } from "@/db/schema";
import { clearData, enginesUnderTest, openTestDatabase, type TestDatabase } from "./support/database";
import { tempFolder } from "./support/readings";

const SEED = "tests/fixtures/seeds/000_6524e2516c3e27b9";
const PDF = "tests/fixtures/real/r01";

async function expected(stem: string): Promise<{ agency: string; year: number }> {
  return JSON.parse(await readFile(`${stem}.expected.json`, "utf8"));
}

describe.each(enginesUnderTest())("real reports on %s", (engine) => {
  let database: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    folder = await tempFolder();
  });
  afterAll(async () => {
    await database?.dispose();
    await rm(folder, { recursive: true, force: true });
  });
  beforeEach(() => clearData(database));

  async function importAndCheck(file: string, stem: string) {
    const bytes = new Uint8Array(await readFile(file));
    const reading = await readReport(bytes, path.basename(file));
    if (isReadError(reading)) throw new Error(`the reader could not read ${file}: ${reading.error.message}`);

    const summary = await importPaths(database, [file]);

    expect(summary.failed).toEqual([]);
    expect(summary.imported).toBe(1);
    const [row] = await database.db
      .select({ id: reports.id, year: reports.year, agency: agencies.name, bytes: sources.bytes, charset: sources.charset, format: sources.format })
      .from(reports)
      .innerJoin(agencies, eq(agencies.id, reports.agencyId))
      .innerJoin(sources, eq(sources.id, reports.sourceId));
    const truth = await expected(stem);
    expect({ agency: row.agency, year: row.year }).toEqual({ agency: truth.agency, year: truth.year });
    expect(Buffer.from(row.bytes).equals(Buffer.from(bytes))).toBe(true);
    const stored = await database.db
      .select({ metricKey: reportValues.metricKey, value: reportValues.value, method: reportValues.method })
      .from(reportValues)
      .where(eq(reportValues.reportId, row.id))
      .orderBy(reportValues.metricKey);
    const byKey = (a: { metricKey: string }, b: { metricKey: string }) => (a.metricKey < b.metricKey ? -1 : 1);
    expect([...stored].sort(byKey)).toEqual(storedValues(reading as ParsedReport).sort(byKey));
    return row;
  }

  it("a GBK text file is detected, read and stored whole", async () => {
    const text = await readFile(`${SEED}.txt`, "utf8");
    const gbkFile = path.join(folder, "seed-gbk.txt");
    await writeFile(gbkFile, iconv.encode(text, "gbk"));

    const row = await importAndCheck(gbkFile, SEED);

    expect(row.format).toBe("txt");
    expect(row.charset).toMatch(/GB/i);
  });

  it("a PDF is read and stored whole", async () => {
    const row = await importAndCheck(`${PDF}.pdf`, PDF);

    expect(row.format).toBe("pdf");
    expect(row.charset).toBeNull();
  });
});
