import { describe, expect, it } from "vitest";
import { changeOf, formatChange, formatCount, formatPercent, formatValue, ratePercent } from "@/lib/measures";

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

  it("keeps rates in data rows at full precision, as percent without float noise", () => {
    expect(ratePercent(1 / 3)).toBeCloseTo(33.333333, 6);
    expect(ratePercent(0.549)).toBe(54.9); // not 54.900000000000006
    expect(ratePercent(0)).toBe(0);
    expect(ratePercent(null)).toBeNull();
  });
});

describe("one way to write a number", () => {
  it("writes percentages with one decimal, zero included", () => {
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatPercent(54.87)).toBe("54.9%");
    expect(formatPercent(55)).toBe("55.0%");
    expect(formatPercent(null)).toBe("—");
  });

  it("writes a rate and the same rate kept in a data row alike", () => {
    for (const rate of [0, 0.0004, 1 / 3, 0.549, 0.5499, 1]) {
      expect(formatPercent(ratePercent(rate))).toBe(formatValue("rate", rate));
    }
  });

  it("writes counts with separators and unknown counts as a dash", () => {
    expect(formatCount(3988553)).toBe("3,988,553");
    expect(formatCount(undefined)).toBe("—");
  });
});
