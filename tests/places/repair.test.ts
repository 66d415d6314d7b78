import { describe, expect, it } from "vitest";
import { glyphDistance, repairPlaceName } from "@/lib/places";

describe("glyph distance", () => {
  it("finds characters that differ by a stroke closer than characters that share only a radical", () => {
    expect(glyphDistance("泸", "沪")!).toBeLessThan(25);
    expect(glyphDistance("沐", "汝")!).toBeGreaterThan(40);
    expect(glyphDistance("木", "木")).toBe(0);
  });
});

describe("repairing misspelt place names", () => {
  it("repairs an OCR misreading to the look-alike division", () => {
    expect(repairPlaceName("沪州市", 1)).toMatchObject({ name: "泸州市", kind: "misread" });
    expect(repairPlaceName("壁山区", 1)).toMatchObject({ name: "璧山区", kind: "misread" });
  });

  it("accepts a variant spelling of a long name only when one name fits", () => {
    const repair = repairPlaceName("阿尔善宝力格镇", 1);
    expect(repair).toMatchObject({ name: "阿尔善宝拉格镇", kind: "variant" });
  });

  it("refuses a short name with many one-character neighbours and no look-alike", () => {
    // 东阳县 is no county; 东阳市, 信阳县 … differ by more than a stroke
    expect(repairPlaceName("木阳县", 1)).toBeNull();
  });

  it("never changes the suffix", () => {
    expect(repairPlaceName("沪州县", 1)).toBeNull();
  });

  it("narrows candidates to a known province", () => {
    expect(repairPlaceName("沪州市", 1, (code) => code.startsWith("51"))).toMatchObject({ name: "泸州市" });
    expect(repairPlaceName("沪州市", 1, (code) => code.startsWith("32"))).toBeNull();
  });
});
