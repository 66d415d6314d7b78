/**
 * Every fixture's expected agency, year and region, read through the identity step
 * (text files) or the whole reader (PDFs, which need extraction first).
 */
import { describe, expect, it } from "vitest";
import { readReport } from "@/lib/report";
import { readIdentity } from "@/lib/report/identity";
import { AGENCY_AS_PRINTED, fixtureBytes, fixturesIn, normName as norm } from "./support/fixtures";

async function identityOf(dir: string, file: string) {
  const bytes = fixtureBytes(dir, file);
  if (!file.endsWith(".pdf")) return readIdentity(bytes.toString("utf8"));
  const outcome = await readReport(new Uint8Array(bytes), file);
  if ("error" in outcome) throw new Error(`${file}: ${outcome.error.message}`);
  return outcome;
}

describe("identity of every fixture", () => {
  const all = fixturesIn(["openings", "seeds", "real"]);

  it("finds the fixtures", () => {
    expect(all.length).toBeGreaterThanOrEqual(50);
  });

  for (const { dir, stem, file, expected } of all) {
    it(`${dir}/${file}`, async () => {
      const got = await identityOf(dir, file);
      expect(norm(got.agency)).toBe(norm(AGENCY_AS_PRINTED[stem] ?? expected.agency));
      expect(got.year).toBe(expected.year);
      expect(got.region).toEqual(expected.region);
    });
  }
});
