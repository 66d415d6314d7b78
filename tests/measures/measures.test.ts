import { describe, expect, it } from "vitest";
import { applyKey, isMetricKey, metricKeysOf, reviewKey, type TemplateId } from "@/lib/metrics/dictionary";
import {
  MEASURES,
  REASON_GROUP_INFO,
  aggregateValues,
  computeMeasure,
  measureById,
  reasonKeysOf,
  type MetricValues,
} from "@/lib/measures";

const PENALTY = MEASURES.find((m) => m.id === "penalties")!.keys[0];

/** A report of the given template with every cell 0, then the given cells set. */
function report(cells: Record<string, number | null>, template: TemplateId = "2021"): MetricValues {
  const values: Record<string, number | null> = {};
  for (const key of metricKeysOf(template)) values[key] = 0;
  return { ...values, ...cells };
}

const total = (row: string) => applyKey(row, "total");

/** A consistent table: 10 received, 4 granted, 1 partly, 2 withheld (1 + 1), 1 not held, 1 duplicate, 1 other. */
const sample = report({
  [total("newReceived")]: 10,
  [total("carriedOver")]: 2,
  [total("granted")]: 4,
  [total("partiallyGranted")]: 1,
  [total("withheld.stateSecret")]: 1,
  [total("withheld.thirdParty")]: 1,
  [total("unavailable.notHeld")]: 1,
  [total("notProcessed.duplicate")]: 1,
  [total("otherHandling.noFee")]: 1,
  [total("handledTotal")]: 10,
  [total("carriedForward")]: 2,
  [PENALTY]: 37,
  [reviewKey("review", "upheld")]: 2,
  [reviewKey("review", "corrected")]: 1,
  [reviewKey("review", "pending")]: 1,
  [reviewKey("review", "total")]: 4,
  [reviewKey("litigation.direct", "corrected")]: 1,
  [reviewKey("litigation.direct", "total")]: 2,
  [reviewKey("litigation.afterReview", "upheld")]: 1,
  [reviewKey("litigation.afterReview", "pending")]: 1,
  [reviewKey("litigation.afterReview", "total")]: 2,
});

const expected: Record<string, number> = {
  received: 10,
  carriedOver: 2,
  handled: 10,
  granted: 4,
  partiallyGranted: 1,
  withheld: 2,
  unavailable: 1,
  notProcessed: 1,
  otherHandling: 1,
  carriedForward: 2,
  penalties: 37,
  licensing: 0,
  coercion: 0,
  reviews: 4,
  reviewCorrected: 1,
  litigations: 4,
  litigationCorrected: 1,
  disclosureRate: 0.5,
  withheldRate: 0.2,
  unavailableRate: 0.1,
  notProcessedRate: 0.1,
  completionRate: 10 / 12,
  reviewCorrectionRate: 1 / 3,
  litigationCorrectionRate: 1 / 3,
};

describe("measures", () => {
  it("has a known value in this test for every measure", () => {
    expect(Object.keys(expected).sort()).toEqual(MEASURES.map((m) => m.id).sort());
  });

  it.each(Object.entries(expected))("computes %s from the report's cells", (id, value) => {
    expect(computeMeasure(id, sample)).toBeCloseTo(value, 10);
  });

  it("names every measure in Chinese and explains its formula", () => {
    for (const m of MEASURES) {
      expect(m.label).toMatch(/[\u4e00-\u9fff]/);
      expect(m.formula.length).toBeGreaterThan(0);
      expect(m.keys.length).toBeGreaterThan(0);
    }
  });

  it.each(MEASURES.filter((m) => m.kind === "rate").map((m) => m.id))(
    "gives null, not 0 or NaN, when %s has a zero denominator",
    (id) => {
      expect(computeMeasure(id, report({}))).toBeNull();
    },
  );

  it("reads only keys of the metric dictionary", () => {
    for (const m of MEASURES) for (const key of m.keys) expect(isMetricKey(key), `${m.id}: ${key}`).toBe(true);
  });

  it("gives every measure a distinct id and name", () => {
    expect(new Set(MEASURES.map((m) => m.id)).size).toBe(MEASURES.length);
    expect(new Set(MEASURES.map((m) => m.label)).size).toBe(MEASURES.length);
  });

  it("counts zero as zero, not as unknown", () => {
    expect(computeMeasure("received", report({}))).toBe(0);
  });

  it.each(MEASURES.map((m) => m.id))("gives null for %s when a cell it reads is unknown", (id) => {
    const measure = measureById(id);
    expect(computeMeasure(id, report({ [measure.keys[0]]: null }))).toBeNull();
  });

  it("ignores rows a 2019 report's template does not have", () => {
    const r2019 = report({ [total("otherHandling.other")]: 3 }, "2019");
    expect(computeMeasure("otherHandling", r2019)).toBe(3);
  });

  it("puts every reason row of table 三 in exactly one group", () => {
    const grouped = REASON_GROUP_INFO.flatMap((g) => g.reasons.map((r) => r.key));
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(reasonKeysOf("withheld")).toHaveLength(8);
    expect(reasonKeysOf("unavailable")).toHaveLength(3);
    expect(reasonKeysOf("notProcessed")).toHaveLength(5);
    expect(reasonKeysOf("otherHandling")).toHaveLength(3);
  });

  it("labels reasons without their enumerators or template notes", () => {
    const labels = REASON_GROUP_INFO.flatMap((g) => g.reasons.map((r) => r.label));
    for (const label of labels) expect(label).not.toMatch(/^\d|（/);
    expect(REASON_GROUP_INFO.map((g) => g.label)).toEqual(["不予公开", "无法提供", "不予处理", "其他处理"]);
  });
});

describe("aggregateValues", () => {
  it("adds reports key by key, so a region's rate comes from its totals", () => {
    const a = report({ [total("granted")]: 1, [total("handledTotal")]: 1 });
    const b = report({ [total("granted")]: 0, [total("handledTotal")]: 9 });
    const sum = aggregateValues([a, b]);
    expect(sum[total("handledTotal")]).toBe(10);
    expect(computeMeasure("disclosureRate", sum)).toBeCloseTo(0.1, 10);
  });

  it("keeps a key unknown only when no report knows it", () => {
    const sum = aggregateValues([{ x: null }, { x: 2 }, { y: null }]);
    expect(sum).toEqual({ x: 2, y: null });
  });

  it("gives an empty result for no reports, and measures over it are null", () => {
    expect(computeMeasure("received", aggregateValues([]))).toBeNull();
  });
});
