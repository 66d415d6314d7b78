/**
 * Every fixture with a hand-checked expected file, read by the whole reader (extraction,
 * identity, tables) as the parse command reads it, and compared on everything the expected file
 * states: template, every value (a key listed as ambiguous may be null instead), agency, year
 * and region.
 */
import { describe, expect, it } from "vitest";
import { unifyAgencyNames } from "@/lib/agency-identity";
import { readReport, type ParsedReport } from "@/lib/report";
import { AGENCY_AS_PRINTED, fixtureBytes, fixturesIn, normName as norm, type TableExpected } from "./support/fixtures";

async function read(dir: string, file: string): Promise<ParsedReport> {
  const outcome = await readReport(new Uint8Array(fixtureBytes(dir, file)), file);
  if ("error" in outcome) throw new Error(`${file}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome;
}

describe("every fixture through the whole reader", () => {
  const all = fixturesIn<TableExpected>(["seeds", "real"]);

  it("finds the fixtures", () => {
    expect(all.length).toBeGreaterThanOrEqual(14);
  });

  for (const { dir, stem, file, expected } of all) {
    it(`${dir}/${file}`, async () => {
      const report = await read(dir, file);
      expect(report.template).toBe(expected.template);

      const ambiguous = new Set(expected.ambiguous ?? []);
      const wrong: string[] = [];
      for (const [key, value] of Object.entries(expected.values)) {
        const got = report.values[key];
        const right = value === null ? got === null : got === value || (got === null && ambiguous.has(key));
        if (!right) wrong.push(`${key}: expected ${value}, got ${got}`);
      }
      expect(wrong).toEqual([]);
      // every key of the template is present; a table not in the file gives nulls, never zeros
      expect(Object.keys(report.values).length).toBeGreaterThan(150);
      if (Object.keys(expected.values).length === 0) {
        // table 三 is not in these files (r06 stops inside it, keeping table 二)
        const applyValues = Object.entries(report.values).filter(([k]) => k.startsWith("apply."));
        expect(applyValues.every(([, v]) => v === null)).toBe(true);
        const missing = report.issues.filter((i) => i.code === "TABLE_MISSING").flatMap((i) => i.keys ?? []);
        expect(missing).toEqual(expect.arrayContaining(applyValues.map(([k]) => k)));
      }
      // a null value is never silent
      const named = new Set(report.issues.flatMap((i) => i.keys ?? []));
      const silent = Object.entries(report.values).filter(([k, v]) => v === null && !named.has(k));
      expect(silent.map(([k]) => k)).toEqual([]);

      expect(report.year).toBe(expected.year);
      expect(norm(report.agency)).toBe(norm(AGENCY_AS_PRINTED[stem] ?? expected.agency));
      for (const part of ["code", "province", "city", "county"] as const) {
        if (part in expected.region) expect(report.region[part], part).toBe(expected.region[part]);
      }
    });
  }

  it("names each agency as its expected file does when the fixtures are read as one batch", async () => {
    const readings = await Promise.all(all.map(({ dir, file }) => read(dir, file)));
    const named = unifyAgencyNames(readings);
    expect(named.map((r) => norm(r.agency))).toEqual(all.map((f) => norm(f.expected.agency)));
    const renamed = named.filter((r, i) => r !== readings[i]);
    expect(renamed.map((r) => r.file)).toEqual(Object.keys(AGENCY_AS_PRINTED).map((stem) => all.find((f) => f.stem === stem)!.file));
    expect(renamed.every((r) => r.issues.some((i) => i.code === "AGENCY_NAME_UNIFIED"))).toBe(true);
  });
});
