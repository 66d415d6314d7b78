import { describe, expect, it } from "vitest";
import { changeOf, formatChange, formatValue, ratePercent } from "@/lib/measures";

describe("formatValue", () => {
  it("writes unknown values as a dash", () => {
    expect(formatValue("count", null)).toBe("—");
    expect(formatValue("rate", null)).toBe("—");
    expect(formatValue("rate", Number.NaN)).toBe("—");
  });

  it("writes counts with separators and rates as percent", () => {
    expect(formatValue("count", 12345)).toBe("12,345");
    expect(formatValue("count", 0)).toBe("0");
    expect(formatValue("rate", 0.256)).toBe("25.6%");
    expect(formatValue("rate", 0)).toBe("0.0%");
  });
});

describe("changes from the previous year", () => {
  it("is unknown when either year is unknown", () => {
    expect(changeOf(3, null)).toBeNull();
    expect(changeOf(null, 3)).toBeNull();
    expect(formatChange("count", changeOf(3, null))).toBe("—");
  });

  it("signs counts and writes rates in percentage points", () => {
    expect(formatChange("count", changeOf(12, 5))).toBe("+7");
    expect(formatChange("count", changeOf(5, 12))).toBe("−7");
    expect(formatChange("count", changeOf(5, 5))).toBe("±0");
    expect(formatChange("rate", changeOf(0.25, 0.2))).toBe("+5.0 个百分点");
  });

  it("rounds rates to one decimal of percent", () => {
    expect(ratePercent(1 / 3)).toBe(33.3);
    expect(ratePercent(null)).toBeNull();
  });
});
