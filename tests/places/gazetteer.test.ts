import { describe, expect, it } from "vitest";
import {
  allDivisions,
  ancestorsOf,
  childrenOf,
  divisionByCode,
  divisionsForAreaCode,
  divisionsNamed,
  divisionsWithShortName,
  hostLabelsIn,
  labelNamesPlace,
  pinyinForms,
  regionOf,
  scanPlaceNames,
  shortNames,
  townshipsNamed,
  townshipsOf,
} from "@/lib/places";

describe("the division hierarchy", () => {
  it("holds every province, city and county once, each with a parent one level up", () => {
    const all = allDivisions();
    const byLevel = (level: string) => all.filter((d) => d.level === level).length;
    expect(byLevel("province")).toBe(31); // the mainland's provinces, regions and municipalities
    expect(byLevel("city")).toBeGreaterThan(330);
    expect(byLevel("county")).toBeGreaterThan(2800);
    expect(new Set(all.map((d) => d.code)).size).toBe(all.length);
    for (const d of all) {
      expect(d.code).toMatch(/^\d{6}$/);
      if (d.level === "province") expect(d.parentCode).toBeNull();
      else expect(divisionByCode(d.parentCode!)).toBeDefined();
      if (d.level === "city") expect(divisionByCode(d.parentCode!)!.level).toBe("province");
    }
  });

  it("puts the municipalities' districts directly under the province", () => {
    const district = divisionsNamed("崇明区")[0];
    expect(district.parentCode).toBe("310000");
    expect(ancestorsOf(district.code).map((d) => d.name)).toEqual(["上海市"]);
    expect(regionOf(district.code)).toEqual({ code: "310151", province: "上海市", city: null, county: "崇明区" });
  });

  it("puts county-level units governed by a province directly under it", () => {
    for (const name of ["天门市", "保亭黎族苗族自治县"]) {
      const [unit] = divisionsNamed(name);
      expect(unit.level).toBe("county");
      expect(divisionByCode(unit.parentCode!)!.level).toBe("province");
      expect(regionOf(unit.code)!.city).toBeNull();
    }
  });

  it("leaves statistical functional zones out of the hierarchy", () => {
    expect(allDivisions().some((d) => /开发区$|工业园区$/.test(d.name))).toBe(false);
    expect(divisionByCode("320576")).toBeUndefined(); // 苏州工业园区
  });

  it("lists children and ancestors", () => {
    const hunanCities = childrenOf("430000");
    expect(hunanCities.map((d) => d.name)).toContain("湘潭市");
    expect(childrenOf("430300").map((d) => d.name)).toContain("湘潭县");
    expect(ancestorsOf("430321").map((d) => d.code)).toEqual(["430000", "430300"]);
    expect(ancestorsOf("430000")).toEqual([]);
  });
});

describe("names", () => {
  it("derives the short forms reports use for autonomous divisions", () => {
    expect(shortNames("黔南布依族苗族自治州")).toEqual(expect.arrayContaining(["黔南", "黔南州"]));
    expect(shortNames("保亭黎族苗族自治县")).toEqual(expect.arrayContaining(["保亭", "保亭县"]));
    expect(shortNames("内蒙古自治区")).toEqual(["内蒙古"]);
    expect(shortNames("城区")).toEqual([]); // one character is never a name
  });

  it("gives a short name to the highest division only (湘潭 is the city, not the county)", () => {
    expect(divisionsWithShortName("湘潭").map((d) => d.name)).toEqual(["湘潭市"]);
    expect(divisionsWithShortName("吉林").map((d) => d.name)).toEqual(["吉林省"]);
  });

  it("keeps every division bearing a shared full name", () => {
    expect(divisionsNamed("鼓楼区").length).toBeGreaterThanOrEqual(4);
  });

  it("scans a text for the longest name at each position", () => {
    const found = scanPlaceNames("湘潭县医疗保障局与湘潭市").map((m) => m.names[0].name);
    expect(found).toEqual(["湘潭县", "湘潭市"]);
  });

  it("finds townships and the county they belong to", () => {
    const [town] = townshipsNamed("周家桥街道");
    expect(town.divisionCode).toBe("310105");
    expect(townshipsOf("310105").map((t) => t.name)).toContain("周家桥街道");
    // farms and airports listed at township level are landmarks, not indexed as names
    expect(townshipsNamed("大兴国际机场")).toEqual([]);
  });

  it("maps telephone area codes to the cities they serve", () => {
    expect(divisionsForAreaCode("0571")).toEqual(["330100"]);
    expect(divisionsForAreaCode("0898").length).toBeGreaterThan(1); // all of Hainan
    expect(divisionsForAreaCode("0000")).toEqual([]);
  });
});

describe("web addresses", () => {
  it("reads host labels and the pinyin of place names", () => {
    expect(hostLabelsIn("电子版见 www.qiannan.gov.cn 与 https://zwgk.zizhou.gov.cn/nb")).toEqual(["qiannan", "zizhou"]);
    expect(pinyinForms("黔南布依族苗族自治州")).toContain("qiannan");
    expect(labelNamesPlace("qiannan", "黔南布依族苗族自治州")).toBe(true);
    expect(labelNamesPlace("fzgl", "福州市")).toBe(false);
  });
});

describe("cities without districts", () => {
  it("count their townships as the city's", () => {
    for (const city of ["东莞市", "嘉峪关市"]) {
      const [division] = divisionsNamed(city);
      expect(division.level).toBe("city");
      expect(townshipsOf(division.code).length).toBeGreaterThan(0);
    }
  });
});
