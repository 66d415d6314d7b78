/** The hand-checked fixtures in tests/fixtures: each report file beside its NAME.expected.json. */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Region } from "@/lib/report/types";

export const FIXTURES = path.resolve(__dirname, "../../fixtures");

export interface Expected {
  agency: string;
  year: number;
  template?: string;
  region: Region;
  values?: Record<string, number | null>;
  ambiguous?: string[];
}

/** What seeds/ and real/ state besides identity: the template and the table values. */
export interface TableExpected extends Expected {
  template: string;
  values: Record<string, number | null>;
}

export interface Fixture<E extends Expected = Expected> {
  dir: string;
  stem: string;
  file: string;
  expected: E;
}

/**
 * Where an expected file names the agency differently from the report itself, so no reader of
 * the file alone can match it: r09's title and prose all say 淮安市洪泽区人民政府; its expected file
 * uses 洪泽区人民政府, the name of the same agency's 2023 report (r05). Read alone, a file keeps the
 * name as printed; read in one batch with r05 (as the parse command reads a folder) it takes r05's
 * unprefixed name — fixtures.test.ts checks both.
 */
export const AGENCY_AS_PRINTED: Record<string, string> = { r09: "淮安市洪泽区人民政府" };

/** The scorer's comparison of names: NFKC, no whitespace. */
export const normName = (s: string | null) => (s === null ? null : s.normalize("NFKC").replace(/\s+/g, ""));

export function fixturesIn<E extends Expected = Expected>(dirs: readonly string[]): Fixture<E>[] {
  return dirs.flatMap((dir) => {
    const names = readdirSync(path.join(FIXTURES, dir));
    return names
      .filter((n) => n.endsWith(".expected.json"))
      .map((n) => {
        const stem = n.slice(0, -".expected.json".length);
        const file = names.find((f) => f.startsWith(`${stem}.`) && !f.endsWith(".expected.json"))!;
        const expected = JSON.parse(readFileSync(path.join(FIXTURES, dir, n), "utf8")) as E;
        return { dir, stem, file, expected };
      });
  });
}

export function fixtureBytes(dir: string, file: string): Buffer {
  return readFileSync(path.join(FIXTURES, dir, file));
}
