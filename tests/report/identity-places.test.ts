/**
 * Placing agencies named after every division in the gazetteer: the reading of names (full and
 * short, chained, shared by several places) must hold for all of China, not just the fixtures.
 */
import { describe, expect, it } from "vitest";
import { readIdentity } from "@/lib/report/identity";
import { allDivisions, divisionByCode, divisionsNamed, townshipsNamed, townshipsOf } from "@/lib/places";

const titled = (agency: string) => readIdentity(`${agency}2023年政府信息公开工作年度报告\n一、总体情况`);

describe("placing agencies named after any division", () => {
  it("places every division named alone, or flags the name as shared", () => {
    const wrong: string[] = [];
    for (const d of allDivisions()) {
      const agency = `${d.name}财政局`;
      const want = divisionsNamed(d.name).length === 1 ? d.code : null;
      const got = titled(agency);
      if (got.agency !== agency || got.region.code !== want) wrong.push(`${agency} → ${got.region.code}`);
    }
    expect(wrong).toEqual([]);
  });

  it("places every division named after its parent (济南市市中区, 黔南布依族苗族自治州都匀市)", () => {
    const wrong: string[] = [];
    for (const d of allDivisions()) {
      if (!d.parentCode) continue;
      const agency = `${divisionByCode(d.parentCode)!.name}${d.name}司法局`;
      if (titled(agency).region.code !== d.code) wrong.push(agency);
    }
    expect(wrong).toEqual([]);
  });

  it("places township governments in their county when the township or its county is named", () => {
    const wrong: string[] = [];
    const counties = allDivisions().filter((d, i) => d.level === "county" && i % 10 === 0);
    for (const county of counties) {
      for (const town of townshipsOf(county.code).slice(0, 3)) {
        const alone = `${town.name}人民政府`;
        const sharedName = new Set(townshipsNamed(town.name).map((t) => t.divisionCode)).size > 1;
        if (titled(alone).region.code !== (sharedName ? null : county.code)) wrong.push(alone);
        const withCounty = `${county.name}${town.name}人民政府`;
        const countyShared = divisionsNamed(county.name).filter((d) => townshipsOf(d.code).some((t) => t.name === town.name)).length > 1;
        if (!countyShared && titled(withCounty).region.code !== county.code) wrong.push(withCounty);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("places street offices (…街道办事处) like their street, or flags a street name several counties share", () => {
    const wrong: string[] = [];
    const counties = allDivisions().filter((d, i) => d.level === "county" && i % 4 === 0);
    for (const county of counties) {
      for (const street of townshipsOf(county.code).filter((t) => t.name.endsWith("街道"))) {
        const office = `${street.name}办事处`;
        const sharedName = new Set(townshipsNamed(street.name).map((t) => t.divisionCode)).size > 1;
        if (titled(office).region.code !== (sharedName ? null : county.code)) wrong.push(office);
      }
    }
    expect(wrong).toEqual([]);
  });
});
