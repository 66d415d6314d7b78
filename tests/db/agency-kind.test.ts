/** The agency kind is read from the end of the name, for any place: a general suffix rule. */
import { describe, expect, it } from "vitest";
import { AGENCY_KINDS, agencyKindLabel, agencyKindOf } from "@/lib/agency-kind";

describe("agencyKindOf", () => {
  it.each([
    ["湘潭县医疗保障局", "healthcareSecurity"],
    ["淮安市洪泽区人民政府", "government"],
    ["淮安市人民政府办公室", "government"],
    ["海城市卫生健康局", "health"],
    ["北京市卫生健康委员会", "health"],
    ["温州市公安局", "publicSecurity"],
    ["温州市公安局鹿城区分局", "publicSecurity"],
    ["广东省教育厅", "education"],
    ["上海市浦东新区市场监督管理局", "marketRegulation"],
    ["平潭综合实验区", "government"],
    ["黄石市西塞山区八泉街道办事处", "government"],
    ["某某县档案馆", "other"],
  ])("%s is a %s", (name, kind) => {
    expect(agencyKindOf(name)).toBe(kind);
  });

  it("prefers the longest ending: an office of the government is the government, not an office", () => {
    expect(agencyKindOf("长沙市人民政府办公厅")).toBe("government");
  });

  it("has no kind for a missing or blank name", () => {
    expect(agencyKindOf(null)).toBe("other");
    expect(agencyKindOf("  ")).toBe("other");
  });

  it("recognises every listed ending whatever place precedes it", () => {
    for (const kind of AGENCY_KINDS) {
      for (const suffix of kind.suffixes) expect(agencyKindOf(`某某市${suffix}`), suffix).toBe(kind.id);
    }
  });

  it("labels every kind in Chinese, each once", () => {
    const labels = AGENCY_KINDS.map((k) => agencyKindLabel(k.id));
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/[\u4e00-\u9fa5]/);
    expect(agencyKindLabel("no-such-kind")).toBe(agencyKindLabel("other"));
  });
});
