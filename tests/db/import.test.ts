/** Storing readings: all or nothing, idempotent, history-keeping, and a bad file never stops the rest. */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { APPLY_COLUMNS, applyKey, metricKeysOf } from "@/lib/metrics/dictionary";
import type { ParsedReport } from "@/lib/report/types";
import { importFile, importPaths } from "@/db/import/run";
import { READER_VERSION } from "@/lib/report/version";
import { agencies, importFailures, replacements, reportIssues, reports, reportValues, sources } from "@/db/schema";
import { clearData, countRows, enginesUnderTest, openTestDatabase, type TestDatabase } from "./support/database";
import { jsonReader, makeReading, tempFolder, writeReading } from "./support/readings";

describe.each(enginesUnderTest())("import on %s", (engine) => {
  let database: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    await clearData(database);
    folder = await tempFolder();
    return () => rm(folder, { recursive: true, force: true });
  });

  const importWithFake = (...paths: string[]) => importPaths(database, paths, { read: jsonReader });

  it("stores the reading, its source bytes, every number with its provenance, and its issues", async () => {
    const recoveredKey = applyKey("granted", "total");
    const reading = makeReading({
      issues: [{ code: "VALUE_RECOVERED", severity: "warning", keys: [recoveredKey], message: "total recovered from the row sum" }],
      values: { [metricKeysOf("2021")[0]]: null },
    });
    const file = await writeReading(folder, "a.txt", reading);

    const summary = await importWithFake(file);

    expect(summary).toMatchObject({ imported: 1, replaced: 0, unchanged: 0, failed: [] });
    const numbers = Object.values(reading.values).filter((v) => v !== null).length;
    expect(await countRows(database)).toMatchObject({ agencies: 1, sources: 1, reports: 1, values: numbers, issues: 1 });
    const [report] = await database.db.select().from(reports);
    expect(report).toMatchObject({ year: reading.year, template: "2021", status: "warnings", isCurrent: true });
    const [agency] = await database.db.select().from(agencies);
    expect(agency).toMatchObject({ name: reading.agency, divisionCode: "430321", provinceCode: "430000", cityCode: "430300", kind: "healthcareSecurity" });
    const methods = await database.db.select({ key: reportValues.metricKey, method: reportValues.method }).from(reportValues);
    expect(methods.filter((m) => m.method === "recovered").map((m) => m.key)).toEqual([recoveredKey]);
    const [source] = await database.db.select().from(sources);
    expect(Buffer.from(source.bytes).toString("utf8")).toBe(JSON.stringify(reading));
    expect(source).toMatchObject({ fileName: "a.txt", format: "txt", charset: "UTF-8" });
  });

  it.each([
    ["the numbers", { values: { [`${metricKeysOf("2021")[0]}.notAKey`]: 1 } }],
    ["the issues, after the numbers", { issues: [{ code: "ROW_TOTAL", severity: "fatal" as never, message: "x" }] }],
  ])("a failure while writing %s leaves no partial rows", async (_where, broken) => {
    const file = await writeReading(folder, "broken.txt", makeReading(broken));

    const summary = await importWithFake(file);

    expect(summary.imported).toBe(0);
    expect(summary.failed).toEqual([{ file, code: "STORE_FAILED", reason: expect.any(String) }]);
    expect(await countRows(database)).toMatchObject({ agencies: 0, sources: 0, reports: 0, values: 0, issues: 0 });
    expect(await countRows(database)).toMatchObject({ failures: 1 });
  });

  it("re-importing the same content changes nothing", async () => {
    const file = await writeReading(folder, "a.txt", makeReading());
    await importWithFake(file);
    const before = await snapshot(database);

    const again = await importWithFake(file, folder);

    expect(again).toMatchObject({ imported: 0, replaced: 0, unchanged: 2, failed: [] });
    expect(await snapshot(database)).toEqual(before);
  });

  it("a changed file for the same agency and year replaces the reading and keeps the old one", async () => {
    const first = await writeReading(folder, "v1.txt", makeReading({}, 1));
    await importWithFake(first);
    const second = await writeReading(folder, "v2.txt", makeReading({}, 2));

    const summary = await importWithFake(second);

    expect(summary).toMatchObject({ imported: 0, replaced: 1 });
    expect(await countRows(database)).toMatchObject({ agencies: 1, sources: 2, reports: 2, currentReports: 1, replacements: 1 });
    const [current] = await database.db
      .select({ id: reports.id, fileName: sources.fileName })
      .from(reports)
      .innerJoin(sources, eq(sources.id, reports.sourceId))
      .where(eq(reports.isCurrent, true));
    expect(current.fileName).toBe("v2.txt");
    const [history] = await database.db.select().from(replacements);
    expect(history.replacementReportId).toBe(current.id);
    const [old] = await database.db.select().from(reports).where(eq(reports.id, history.replacedReportId));
    expect(old.isCurrent).toBe(false);
    const key = metricKeysOf("2021")[3];
    const [newValue] = await database.db
      .select({ value: reportValues.value })
      .from(reportValues)
      .where(and(eq(reportValues.reportId, current.id), eq(reportValues.metricKey, key)));
    expect(newValue.value).toBe(makeReading({}, 2).values[key]);
  });

  it.each([
    ["county", "430321", ["湘潭县农业农村局", "湖南省湘潭市湘潭县农业农村局", "湖南湘潭县 农业农村局"]],
    ["city", "430300", ["湘潭市农业农村局", "湖南省湘潭市农业农村局", "湖南湘潭市农业农村局"]],
  ])("a %s agency printed differently each year is one agency, named as last printed", async (_level, code, names) => {
    const region = { code, province: "湖南省", city: "湘潭市", county: null };
    const readings = names.map((agency, i) => makeReading({ agency, region, year: 2022 + i }, i + 1));
    // Newest first: the name shown must follow the year, not the order of arrival.
    for (const [i, reading] of [...readings.entries()].reverse()) await importWithFake(await writeReading(folder, `${i}.txt`, reading));

    expect(await countRows(database)).toMatchObject({ agencies: 1, reports: names.length });
    const [agency] = await database.db.select().from(agencies);
    expect(agency).toMatchObject({ name: names.at(-1), nameYear: 2022 + names.length - 1, divisionCode: code });
    const printed = await database.db.select({ year: reports.year, name: reports.printedName }).from(reports).orderBy(reports.year);
    expect(printed.map((p) => p.name)).toEqual(names);
  });

  it("the same words in another place stay another agency", async () => {
    await importWithFake(await writeReading(folder, "a.txt", makeReading()));
    const elsewhere = { code: "430381", province: "湖南省", city: "湘潭市", county: "湘乡市" };
    await importWithFake(await writeReading(folder, "b.txt", makeReading({ region: elsewhere }, 2)));

    expect(await countRows(database)).toMatchObject({ agencies: 2 });
  });

  describe("a document stored by an older reader version", () => {
    const key = metricKeysOf("2021")[3];
    async function storedByOldReader() {
      const file = await writeReading(folder, "a.txt", makeReading());
      await importWithFake(file);
      await database.db.update(reports).set({ readerVersion: "older" });
      return file;
    }

    it("is read again and its numbers replaced in place when they changed", async () => {
      const file = await storedByOldReader();
      const [before] = await database.db.select().from(reports);
      const newerReader: typeof jsonReader = async (bytes, name) => {
        const reading = (await jsonReader(bytes, name)) as ParsedReport;
        return { ...reading, values: { ...reading.values, [key]: 999 } };
      };

      const summary = await importPaths(database, [file], { read: newerReader });

      expect(summary).toMatchObject({ reread: 1, imported: 0, replaced: 0, unchanged: 0, failed: [] });
      const [after] = await database.db.select().from(reports);
      expect(after).toMatchObject({ id: before.id, readerVersion: READER_VERSION, isCurrent: true });
      const [value] = await database.db.select({ value: reportValues.value }).from(reportValues).where(eq(reportValues.metricKey, key));
      expect(value.value).toBe(999);
      expect(await countRows(database)).toMatchObject({ reports: 1, sources: 1 });
      // Now read by this version: a further import does not read it at all.
      expect(await importPaths(database, [file], { read: () => Promise.reject(new Error("must not read")) })).toMatchObject({ unchanged: 1 });
    });

    it("a re-read year that changed its carried-forward numbers rechecks the next year", async () => {
      const carriedForward = applyKey("carriedForward", "total");
      const y2023 = makeReading({ year: 2023 }, 1);
      const y2024 = makeReading({ year: 2024, values: carriedFrom(y2023) }, 2);
      const file2023 = await writeReading(folder, "2023.txt", y2023);
      await importWithFake(file2023, await writeReading(folder, "2024.txt", y2024));
      expect(await chainIssues(database, 2024)).toEqual([]);
      await database.db.update(reports).set({ readerVersion: "older" });
      const newerReader: typeof jsonReader = async (bytes, name) => {
        const reading = (await jsonReader(bytes, name)) as ParsedReport;
        return reading.year === 2023 ? { ...reading, values: { ...reading.values, [carriedForward]: 1234 } } : reading;
      };

      expect(await importPaths(database, [file2023], { read: newerReader })).toMatchObject({ reread: 1, failed: [] });

      expect(await chainIssues(database, 2024)).toMatchObject([{ code: "CARRY_CHAIN", keys: [applyKey("carriedOver", "total")] }]);
    });

    it("keeps its rows when the new reading is the same, and only records the new version", async () => {
      const file = await storedByOldReader();
      const before = await snapshot(database);

      const summary = await importWithFake(file);

      expect(summary).toMatchObject({ unchanged: 1, reread: 0, failed: [] });
      const after = await snapshot(database);
      expect(after.values).toEqual(before.values);
      expect(after.issues).toEqual(before.issues);
      expect(after.reports.map((r) => r.readerVersion)).toEqual([READER_VERSION]);
    });
  });

  it("a report without agency or year is recorded as failed with the reason", async () => {
    const noAgency = await writeReading(folder, "no-agency.txt", makeReading({ agency: null }));
    const noYear = await writeReading(folder, "no-year.txt", makeReading({ year: null }));

    const summary = await importWithFake(noAgency, noYear);

    expect(summary.failed.map((f) => [path.basename(f.file), f.code])).toEqual([
      ["no-agency.txt", "NOT_PLACEABLE"],
      ["no-year.txt", "NOT_PLACEABLE"],
    ]);
    expect(summary.failed[0].reason).toMatch(/agency/);
    expect(summary.failed[1].reason).toMatch(/year/);
    const recorded = await database.db.select().from(importFailures);
    expect(recorded.map((f) => f.fileName).sort()).toEqual(["no-agency.txt", "no-year.txt"]);
    expect(await countRows(database)).toMatchObject({ reports: 0, sources: 0 });
  });

  it("a bad file is reported and the rest of the folder imports", async () => {
    await writeReading(folder, "1.txt", makeReading({ year: 2023 }));
    await writeFile(path.join(folder, "2-empty.txt"), "");
    await writeFile(path.join(folder, "3-garbage.txt"), "not a report at all");
    await writeReading(folder, "4.txt", makeReading({ year: 2024 }));
    await writeFile(path.join(folder, "notes.json"), "{}"); // not a report extension: skipped

    const summary = await importWithFake(folder);

    expect(summary.imported).toBe(2);
    expect(summary.failed.map((f) => [path.basename(f.file), f.code])).toEqual([
      ["2-empty.txt", "EMPTY_FILE"],
      ["3-garbage.txt", "UNREADABLE_DOCUMENT"],
    ]);
    expect(await countRows(database)).toMatchObject({ reports: 2 });
  });

  it("a missing path is a failure, not a crash", async () => {
    const result = await importFile(database.db, path.join(folder, "nope.txt"), jsonReader);
    expect(result).toMatchObject({ outcome: "failed", code: "IO_ERROR" });
  });

  it("importing one file twice at once stores it once", async () => {
    const file = await writeReading(folder, "a.txt", makeReading());
    const other = database.url ? await openRacingHandle(database.url) : database;
    try {
      const [a, b] = await Promise.all([
        importPaths(database, [file], { read: jsonReader }),
        importPaths(other, [file], { read: jsonReader }),
      ]);
      expect(a.imported + b.imported).toBe(1);
      expect(a.unchanged + b.unchanged).toBe(1);
      expect(await countRows(database)).toMatchObject({ agencies: 1, sources: 1, reports: 1 });
    } finally {
      if (other !== database) await other.close();
    }
  });

  it("two different files for one agency and year racing leave one current reading", async () => {
    const first = await writeReading(folder, "v1.txt", makeReading({}, 1));
    const second = await writeReading(folder, "v2.txt", makeReading({}, 2));
    const other = database.url ? await openRacingHandle(database.url) : database;
    try {
      await Promise.all([
        importPaths(database, [first], { read: jsonReader }),
        importPaths(other, [second], { read: jsonReader }),
      ]);
      expect(await countRows(database)).toMatchObject({ agencies: 1, reports: 2, currentReports: 1, replacements: 1 });
    } finally {
      if (other !== database) await other.close();
    }
  });

  it("the carry chain is checked when a neighbouring year arrives, in either order", async () => {
    const carriedForward = applyKey("carriedForward", "total");
    const carriedOver = applyKey("carriedOver", "total");
    const y2023 = makeReading({ year: 2023, values: { [carriedForward]: 5 } }, 1);
    const y2024 = makeReading({ year: 2024, values: { ...carriedFrom(y2023), [carriedOver]: 4 } }, 2); // total breaks: 4 ≠ 5
    const y2025 = makeReading({ year: 2025, values: carriedFrom(y2024) }, 3); // every column holds
    const later = await writeReading(folder, "2024.txt", y2024);
    const earlier = await writeReading(folder, "2023.txt", y2023);
    const next = await writeReading(folder, "2025.txt", y2025);

    await importWithFake(later); // alone: nothing to compare
    expect(await chainIssues(database, 2024)).toEqual([]);
    await importWithFake(earlier); // arrives after: the break lands on 2024
    await importWithFake(next);

    const issues = await chainIssues(database, 2024);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "CARRY_CHAIN", keys: [carriedOver] });
    expect(issues[0].message).toContain("4");
    expect(issues[0].message).toContain("5");
    expect(await chainIssues(database, 2025)).toEqual([]);
    expect(await chainIssues(database, 2023)).toEqual([]);
    const [status2024] = await database.db.select({ status: reports.status }).from(reports).where(eq(reports.year, 2024));
    expect(status2024.status).toBe("warnings");

    // A corrected 2023 that agrees with 2024 clears the break.
    const fixed = await writeReading(folder, "2023-fixed.txt", { ...y2023, values: { ...y2023.values, [carriedForward]: 4 } });
    await importWithFake(fixed);
    expect(await chainIssues(database, 2024)).toEqual([]);
  });
});

/** The carriedOver row of the next year, agreeing with this year's carriedForward in every column. */
function carriedFrom(reading: ParsedReport): Record<string, number | null> {
  return Object.fromEntries(
    APPLY_COLUMNS.map((column) => [applyKey("carriedOver", column), reading.values[applyKey("carriedForward", column)]]),
  );
}

async function openRacingHandle(url: string) {
  const { openDatabase } = await import("@/db/client");
  return openDatabase({ url });
}

async function chainIssues(database: TestDatabase, year: number) {
  return database.db
    .select({ code: reportIssues.code, keys: reportIssues.keys, message: reportIssues.message })
    .from(reportIssues)
    .innerJoin(reports, eq(reports.id, reportIssues.reportId))
    .where(and(eq(reports.year, year), eq(reports.isCurrent, true), eq(reportIssues.code, "CARRY_CHAIN")));
}

/** Everything the importer writes, ids included, to show a re-import touched nothing. */
async function snapshot(database: TestDatabase) {
  return {
    agencies: await database.db.select().from(agencies).orderBy(agencies.id),
    reports: await database.db.select().from(reports).orderBy(reports.id),
    sources: await database.db.select({ id: sources.id, sha256: sources.sha256, storedAt: sources.storedAt }).from(sources).orderBy(sources.id),
    values: await database.db.select().from(reportValues).orderBy(reportValues.reportId, reportValues.metricKey),
    issues: await database.db.select().from(reportIssues).orderBy(reportIssues.id),
  };
}
