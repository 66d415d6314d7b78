/** Export → load elsewhere → export again gives the same contents: moving engines loses nothing. */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyKey } from "@/lib/metrics/dictionary";
import { dumpLines, loadDump, type DumpLine } from "@/db/dump";
import { readDumpFile } from "@/db/dump-file";
import { importPaths } from "@/db/import/run";
import { countRows, enginesUnderTest, openTestDatabase, type TestDatabase } from "./support/database";
import { jsonReader, makeReading, tempFolder, writeReading } from "./support/readings";

async function collect(database: TestDatabase): Promise<DumpLine[]> {
  const lines: DumpLine[] = [];
  for await (const line of dumpLines(database)) lines.push(line);
  return lines;
}

const withoutHeader = (lines: DumpLine[]) => lines.filter((l) => l.type !== "header");

describe("dump", () => {
  let source: TestDatabase;
  let folder: string;
  let exported: DumpLine[];

  beforeAll(async () => {
    source = await openTestDatabase("pglite");
    folder = await tempFolder();
    // Contents with every kind of row: two years (with a carry break), a replacement, a failure.
    const carriedOver = applyKey("carriedOver", "total");
    await writeReading(folder, "1-2023.txt", makeReading({ year: 2023 }, 1));
    await writeReading(folder, "2-2024.txt", makeReading({ year: 2024, values: { [carriedOver]: 999 } }, 2));
    await writeReading(folder, "3-2024-revised.txt", makeReading({ year: 2024 }, 3));
    await writeReading(folder, "4-other.txt", makeReading({ agency: "某市人民政府", region: { code: "430300", province: "湖南省", city: "湘潭市", county: null } }, 4));
    await writeFile(path.join(folder, "5-empty.txt"), "");
    await importPaths(source, [folder], { read: jsonReader });
    exported = await collect(source);
  });
  afterAll(async () => {
    await source?.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it("holds every reading with its source, the history and the failures", async () => {
    const counts = await countRows(source);
    const byType = (type: DumpLine["type"]) => exported.filter((l) => l.type === type).length;
    expect(exported[0]).toMatchObject({ type: "header", format: "disclosure-atlas-dump" });
    expect(byType("report")).toBe(counts.reports);
    expect(byType("replacement")).toBe(counts.replacements);
    expect(byType("failure")).toBe(counts.failures);
    expect(counts).toMatchObject({ reports: 4, replacements: 1, failures: 1 });
  });

  it.each(["pglite", ...enginesUnderTest().filter((e) => e === "postgres")] as const)(
    "loads into a fresh %s database with the same contents",
    async (engine) => {
      const target = await openTestDatabase(engine);
      const file = path.join(folder, "dump.jsonl");
      try {
        await writeFile(file, exported.map((l) => JSON.stringify(l)).join("\n") + "\n");
        const summary = await loadDump(target, readDumpFile(file));
        expect(summary).toEqual({ reports: 4, replacements: 1, failures: 1 });
        expect(withoutHeader(await collect(target))).toEqual(withoutHeader(exported));
        expect(await countRows(target)).toEqual(await countRows(source));
      } finally {
        await target.dispose();
      }
    },
  );

  it("merges agencies stored apart under name variants (a dump from before identity keys)", async () => {
    const reportLines = exported.filter((l): l is Extract<DumpLine, { type: "report" }> => l.type === "report");
    const variant = reportLines.find((l) => l.year === 2023)!;
    // As stored before the identity rule: the 2023 reading under a second agency named as printed.
    const printedApart = { ...variant, printedName: undefined, agency: { ...variant.agency, name: `湖南省湘潭市${variant.agency.name}` } };
    const old = exported.map((l) => (l === variant ? printedApart : l));
    const target = await openTestDatabase("pglite");
    try {
      await loadDump(target, (async function* () { yield* old; })());
      expect((await countRows(target)).agencies).toBe((await countRows(source)).agencies);
    } finally {
      await target.dispose();
    }
  });

  it("refuses to load into a database that already holds reports, and changes nothing", async () => {
    const before = await countRows(source);
    await expect(loadDump(source, (async function* () { yield* exported; })())).rejects.toThrow(/empty database/);
    expect(await countRows(source)).toEqual(before);
  });
});
