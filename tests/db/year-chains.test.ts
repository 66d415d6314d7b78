/** The cross-year rules the store runs, and how stored numbers get their provenance and status. */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { APPLY_COLUMNS, METRICS, applyKey } from "@/lib/metrics/dictionary";
import { reportStatusOf, storedValues } from "@/db/import/provenance";
import { charsetOf } from "@/db/import/source-file";
import { yearChainIssues } from "@/db/import/year-chains";

const carried = (row: "carriedOver" | "carriedForward", base: number) =>
  Object.fromEntries(APPLY_COLUMNS.map((c, i) => [applyKey(row, c), base + i]));

describe("yearChainIssues", () => {
  it("finds nothing when every column carries over", () => {
    expect(yearChainIssues({ year: 2023, values: carried("carriedForward", 1) }, { year: 2024, values: carried("carriedOver", 1) })).toEqual([]);
  });

  it("raises one CARRY_CHAIN issue per broken column, on the later year's key", () => {
    const later = { ...carried("carriedOver", 1), [applyKey("carriedOver", "research")]: 40 };
    const issues = yearChainIssues({ year: 2023, values: carried("carriedForward", 1) }, { year: 2024, values: later });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "CARRY_CHAIN", keys: [applyKey("carriedOver", "research")] });
  });

  it("compares only consecutive years and only given numbers", () => {
    const before = { year: 2022, values: carried("carriedForward", 1) };
    expect(yearChainIssues(before, { year: 2024, values: carried("carriedOver", 9) })).toEqual([]);
    const unknown = Object.fromEntries(APPLY_COLUMNS.map((c) => [applyKey("carriedOver", c), null]));
    expect(yearChainIssues({ year: 2023, values: carried("carriedForward", 1) }, { year: 2024, values: unknown })).toEqual([]);
  });

  it("checks stocks in force against last year's stock and this year's flows (IN_FORCE_CHAIN)", () => {
    const inForce = METRICS.find((m) => m.key.endsWith(".inForce"))!.key;
    const stem = inForce.slice(0, -".inForce".length);
    const earlier = { year: 2023, values: { [inForce]: 10 } };
    const agrees = { year: 2024, values: { [inForce]: 12, [`${stem}.issued`]: 3, [`${stem}.repealed`]: 1 } };
    const breaks = { year: 2024, values: { ...agrees.values, [inForce]: 15 } };
    expect(yearChainIssues(earlier, agrees)).toEqual([]);
    expect(yearChainIssues(earlier, breaks)).toMatchObject([{ code: "IN_FORCE_CHAIN", severity: "warning", keys: [inForce] }]);
  });
});

describe("provenance", () => {
  const [a, b, c, d] = METRICS.map((m) => m.key);

  it("marks recovered and corrected numbers from the issues that name them; stores no nulls", () => {
    const rows = storedValues({
      values: { [a]: 1, [b]: 2, [c]: 3, [d]: null },
      issues: [
        { code: "ROW_INCOMPLETE", severity: "warning", keys: [b], message: "" },
        { code: "VALUE_CORRECTED", severity: "warning", keys: [c], message: "" },
        { code: "ROW_TOTAL", severity: "error", keys: [a], message: "" },
      ],
    });
    expect(rows).toEqual([
      { metricKey: a, value: 1, method: "read" },
      { metricKey: b, value: 2, method: "recovered" },
      { metricKey: c, value: 3, method: "corrected" },
    ]);
  });

  it("rates a report by its worst issue", () => {
    expect(reportStatusOf([])).toBe("clean");
    expect(reportStatusOf([{ severity: "info" }])).toBe("clean");
    expect(reportStatusOf([{ severity: "info" }, { severity: "warning" }])).toBe("warnings");
    expect(reportStatusOf([{ severity: "warning" }, { severity: "error" }])).toBe("errors");
  });

  it("names the charset of a text source", () => {
    expect(charsetOf(new TextEncoder().encode("政府信息公开"))).toBe("UTF-8");
    const gbk = new Uint8Array(iconv.encode("本机关政府信息公开工作年度报告，依据条例编制。", "gbk"));
    expect(charsetOf(gbk)).toMatch(/GB|GBK|18030/i);
  });
});
