/**
 * Real files through the real reader into the store: a GBK copy of a seed report, its Word 97-2003
 * copy and an official PDF. What is stored must be exactly what the reader read, identity as the fixture expects.
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
import { yearChainIssues } from "@/db/import/year-chains";
import { agencies, reportIssues, reports, reportValues, sources } from "@/db/schema";
import { applyKey } from "@/lib/metrics/dictionary";
import { clearData, enginesUnderTest, openTestDatabase, type TestDatabase } from "./support/database";
import { jsonReader, tempFolder } from "./support/readings";

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

  it("a Word 97-2003 .doc is read and stored whole", async () => {
    const docFile = path.join(folder, "seed.doc");
    await writeFile(docFile, await readFile("tests/fixtures/converted/000.lo.doc"));

    const row = await importAndCheck(docFile, SEED);

    expect(row.format).toBe("doc");
    expect(row.charset).toBeNull();
  });

  it("one agency's reports printing its name differently (洪泽区 / 淮安市洪泽区) are one agency, chained across years", async () => {
    const files = ["tests/fixtures/real/r05.pdf", "tests/fixtures/real/r09.pdf"];
    const readings = await Promise.all(files.map(async (f) => (await readReport(new Uint8Array(await readFile(f)), path.basename(f))) as ParsedReport));
    const [earlier, later] = readings.sort((a, b) => a.year! - b.year!);
    expect(earlier.agency).not.toBe(later.agency); // the case this guards: printed names differ

    expect((await importPaths(database, files)).failed).toEqual([]);

    const stored = await database.db.select().from(agencies);
    expect(stored).toHaveLength(1);
    expect(stored[0].name).toBe(later.agency);
    const years = await database.db
      .select({ year: reports.year, printedName: reports.printedName })
      .from(reports)
      .where(eq(reports.agencyId, stored[0].id))
      .orderBy(reports.year);
    expect(years).toEqual([earlier, later].map((r) => ({ year: r.year, printedName: r.agency })));
    const chainCodes = async () =>
      (await database.db.select({ code: reportIssues.code, keys: reportIssues.keys }).from(reportIssues).innerJoin(reports, eq(reports.id, reportIssues.reportId)))
        .filter((i) => i.code.endsWith("_CHAIN"))
        .map((i) => ({ code: i.code, keys: i.keys }));
    const expectedChain = yearChainIssues({ year: earlier.year!, values: earlier.values }, { year: later.year!, values: later.values });
    expect(await chainCodes()).toEqual(expectedChain.map((i) => ({ code: i.code, keys: i.keys })));

    // The chain really links them: a corrected earlier year, printed a third way, breaks the carry.
    const carriedForward = applyKey("carriedForward", "total");
    const breaking = (later.values[applyKey("carriedOver", "total")] ?? 0) + 7;
    const corrected = { ...earlier, agency: `江苏省淮安市${earlier.agency}`, values: { ...earlier.values, [carriedForward]: breaking } };
    const correctedFile = path.join(folder, "corrected.json");
    await writeFile(correctedFile, JSON.stringify(corrected));
    expect(await importPaths(database, [correctedFile], { read: jsonReader })).toMatchObject({ replaced: 1, failed: [] });
    expect(await database.db.select().from(agencies)).toHaveLength(1);
    expect(await chainCodes()).toContainEqual({ code: "CARRY_CHAIN", keys: [applyKey("carriedOver", "total")] });
  });
});
