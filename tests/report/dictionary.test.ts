import { describe, expect, it } from "vitest";
import { applyRowsOf, metricKeysOf, metricLabel } from "@/lib/metrics/dictionary";

describe("metric dictionary", () => {
  it("lists the keys of each template", () => {
    expect(metricKeysOf("2021")).toHaveLength(200);
    expect(metricKeysOf("2019")).toHaveLength(198);
    expect(metricKeysOf("2019")).toContain("active2019.procurement.amount");
  });

  it("gives table 三 rows in printed order", () => {
    const rows2021 = applyRowsOf("2021");
    expect(rows2021[0]).toBe("newReceived");
    expect(rows2021.at(-1)).toBe("carriedForward");
    expect(rows2021).toContain("otherHandling.noFee");
    expect(applyRowsOf("2019")).not.toContain("otherHandling.noFee");
  });

  it("labels keys in Chinese and rejects unknown keys", () => {
    expect(metricLabel("active.penalty.decisions")).toBe("行政处罚·处理决定数量");
    expect(() => metricLabel("no.such.key")).toThrow(/unknown metric key/);
  });
});
