/** The place codes copied onto agencies for region filters follow the gazetteer's hierarchy. */
import { describe, expect, it } from "vitest";
import { allDivisions } from "@/lib/places";
import { cityCodeOf, gazetteerDivisions, provinceCodeOf } from "@/db/gazetteer";

describe("place codes of an agency", () => {
  const divisions = gazetteerDivisions();
  const byCode = new Map(divisions.map((d) => [d.code, d]));

  it("stores every division of the gazetteer, each with a stored parent", () => {
    expect(divisions).toHaveLength(allDivisions().length);
    for (const d of divisions) if (d.parentCode) expect(byCode.has(d.parentCode), d.code).toBe(true);
  });

  it("puts a county in its city and its province", () => {
    const county = divisions.find((d) => d.level === "county" && byCode.get(d.parentCode!)?.level === "city")!;
    expect(cityCodeOf(county.code)).toBe(county.parentCode);
    expect(provinceCodeOf(county.code)).toBe(byCode.get(county.parentCode!)!.parentCode);
  });

  it("gives no city to a county directly under its province (a municipality's district)", () => {
    const direct = divisions.find((d) => d.level === "county" && byCode.get(d.parentCode!)?.level === "province")!;
    expect(cityCodeOf(direct.code)).toBeNull();
    expect(provinceCodeOf(direct.code)).toBe(direct.parentCode);
  });

  it("gives a city itself, a province no city, and nothing to a malformed code", () => {
    const city = divisions.find((d) => d.level === "city")!;
    const province = divisions.find((d) => d.level === "province")!;
    expect(cityCodeOf(city.code)).toBe(city.code);
    expect(cityCodeOf(province.code)).toBeNull();
    expect(provinceCodeOf(province.code)).toBe(province.code);
    expect(cityCodeOf("12ab")).toBeNull();
    expect(provinceCodeOf(null)).toBeNull();
  });
});
