import { describe, expect, it } from "vitest";
import { printedTablesOf } from "@/lib/charts/printed-tables";
import { TEMPLATE_IDS, metricKeysOf } from "@/lib/metrics/dictionary";

describe("printed report tables", () => {
  it.each(TEMPLATE_IDS)("place every key of template %s in exactly one cell", (template) => {
    const placed = printedTablesOf(template).flatMap((t) => t.rows.flatMap((r) => r.keys.filter((k) => k !== null)));
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed].sort()).toEqual([...metricKeysOf(template)].sort());
  });

  it("lays table 三 out as printed: rows in order, seven applicant columns", () => {
    const apply = printedTablesOf("2021").find((t) => t.title.startsWith("三"))!;
    expect(apply.columns).toHaveLength(7);
    expect(apply.columns.at(-1)).toBe("总计");
    expect(apply.rows[0].label).toContain("本年新收");
    expect(apply.rows.at(-1)!.label).toContain("结转下年度");
  });

  it("has the 2019 template's single 其他处理 row and no 2021-only rows", () => {
    const apply = printedTablesOf("2019").find((t) => t.title.startsWith("三"))!;
    const labels = apply.rows.map((r) => r.label).join("\n");
    expect(labels).not.toContain("逾期不补正");
    expect(apply.rows.length).toBe(printedTablesOf("2021").find((t) => t.title.startsWith("三"))!.rows.length - 2);
  });

  it("splits table 二 into blocks of rows that share their columns", () => {
    const active = printedTablesOf("2021").filter((t) => t.title.startsWith("二"));
    expect(active.length).toBeGreaterThan(1);
    for (const block of active) for (const row of block.rows) expect(row.keys).toHaveLength(block.columns.length);
  });

  it("orders the 2019 table 二 by that template's own columns, shared decisions last", () => {
    const active = printedTablesOf("2019").filter((t) => t.title.startsWith("二"));
    const licensing = active.flatMap((t) => t.rows.map((r) => ({ r, t }))).find(({ r }) => r.label === "行政许可")!;
    expect(licensing.t.columns).toEqual(["上一年项目数量", "本年增/减", "处理决定数量"]);
    expect(active[0].rows[0].label).toBe("规章");
  });

  it("keeps the 2021 table 二 in printed order", () => {
    const rows = printedTablesOf("2021")
      .filter((t) => t.title.startsWith("二"))
      .flatMap((t) => t.rows.map((r) => r.label));
    expect(rows).toEqual(["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"]);
  });

  it("shows table 四 as three blocks by five outcomes", () => {
    const review = printedTablesOf("2021").find((t) => t.title.startsWith("四"))!;
    expect(review.rows).toHaveLength(3);
    expect(review.columns).toHaveLength(5);
  });
});
