/** The store's identity rule: one agency across the ways its name is printed, never across places. */
import { describe, expect, it } from "vitest";
import { agencyIdentityKey, normaliseAgencyName, unifyAgencyNames } from "@/lib/agency-identity";

describe("agency identity key", () => {
  it.each([
    ["county agency", "430321", ["湘潭县财政局", "湖南省湘潭市湘潭县财政局", "湖南湘潭湘潭县财政局", "湘潭市湘潭县财政局", "湖南省 湘潭县财政局", "湘潭县　财政局"]],
    ["city agency", "430300", ["湘潭市生态环境局", "湖南省湘潭市生态环境局", "湖南湘潭市生态环境局"]],
    ["district of a municipality", "110108", ["海淀区教育委员会", "北京市海淀区教育委员会", "北京海淀区教育委员会"]],
  ])("a %s printed with or without its province and city is one key", (_kind, code, variants) => {
    const keys = new Set(variants.map((name) => agencyIdentityKey(name, code)));
    expect(keys.size).toBe(1);
    // The agency's own place stays in the key: stripping stops at it.
    expect([...keys][0]).toBe(normaliseAgencyName(variants[0]));
  });

  it("keeps a county whose name begins with its city's short name (湘潭县 under 湘潭市)", () => {
    expect(agencyIdentityKey("湘潭县人民政府", "430321")).toBe("湘潭县人民政府");
    expect(agencyIdentityKey("湘潭县人民政府", "430321")).not.toBe(agencyIdentityKey("湘潭市人民政府", "430321"));
  });

  it("does not strip names that are not the place's ancestors", () => {
    // 长沙 is not an ancestor of 湘潭县: a different agency, not a variant.
    expect(agencyIdentityKey("长沙市湘潭县财政局", "430321")).not.toBe(agencyIdentityKey("湘潭县财政局", "430321"));
  });

  it("normalises width and white space, also without a place", () => {
    expect(agencyIdentityKey("ＸＸ县 财政局", null)).toBe(agencyIdentityKey("XX县财政局", null));
  });
});

describe("one name per agency across a batch", () => {
  const reading = (agency: string | null, code: string | null) => ({ agency, region: { code }, issues: [] as { code: string; severity: "info"; message: string }[] });

  it("names every reading of one agency by the form printed without its higher-level places", () => {
    const named = unifyAgencyNames([reading("淮安市洪泽区人民政府", "320813"), reading("洪泽区人民政府", "320813"), reading("江苏省淮安市洪泽区人民政府", "320813")]);
    expect(named.map((r) => r.agency)).toEqual(["洪泽区人民政府", "洪泽区人民政府", "洪泽区人民政府"]);
    expect(named[0].issues[0]).toMatchObject({ code: "AGENCY_NAME_UNIFIED", severity: "info" });
    expect(named[0].issues[0].message).toContain("淮安市洪泽区人民政府");
    expect(named[1].issues).toEqual([]);
  });

  it("keeps printed names where no reading prints the bare form, or the places differ", () => {
    const alone = [reading("柳州市柳南区人民政府", "450204")];
    expect(unifyAgencyNames(alone)).toEqual(alone);
    const twoPlaces = [reading("鼓楼区人民政府", "320106"), reading("福州市鼓楼区人民政府", "350102")];
    expect(unifyAgencyNames(twoPlaces).map((r) => r.agency)).toEqual(["鼓楼区人民政府", "福州市鼓楼区人民政府"]);
    const noPlace = [reading("某某局", null), reading(null, "320813")];
    expect(unifyAgencyNames(noPlace)).toEqual(noPlace);
  });
});
