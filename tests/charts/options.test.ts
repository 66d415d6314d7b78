import { describe, expect, it } from "vitest";
import {
  buildChartOption,
  axisNumber,
  csvColumnsOf,
  formatCell,
  pieLabel,
  pieTooltip,
  tooltipFormatter,
  yearSpan,
  type ChartData,
  type ChartSpec,
  type DataColumn,
  PERCENT_UNIT,
  isPercentRow,
} from "@/lib/charts";

const regions: ChartData = {
  columns: [
    { key: "place", label: "地区", kind: "text" },
    { key: "received", label: "新收申请", kind: "count" },
    { key: "rate", label: "公开率", kind: "percent" },
  ],
  rows: [
    { place: "长沙市", received: 120, rate: 62.5 },
    { place: "湘潭市", received: 40, rate: null },
  ],
};

type Series = { type: string; name: string; data: unknown[]; stack?: string };

describe("bar chart option", () => {
  it("draws one bar per row with the table's numbers, unknown as a gap", () => {
    const option = buildChartOption(regions, { type: "bar", category: "place", series: ["rate"] });
    const series = option.series as Series[];
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ type: "bar", name: "公开率", data: [62.5, null] });
    expect(option.xAxis).toMatchObject({ type: "category", data: ["长沙市", "湘潭市"] });
    expect(option.yAxis).toMatchObject({ type: "value", axisLabel: { formatter: "{value}%" } });
  });

  it("puts categories on the y axis, first row on top, when horizontal", () => {
    const option = buildChartOption(regions, {
      type: "bar",
      category: "place",
      series: ["received"],
      horizontal: true,
    });
    expect(option.yAxis).toMatchObject({ type: "category", inverse: true, data: ["长沙市", "湘潭市"] });
    expect(option.xAxis).toMatchObject({ type: "value", axisLabel: { formatter: axisNumber } });
  });

  it("gives category labels less room on a narrow screen", () => {
    const spec: ChartSpec = { type: "bar", category: "place", series: ["received"], horizontal: true };
    const width = (compact: boolean) =>
      (buildChartOption(regions, spec, { compact }).yAxis as { axisLabel: { width: number } }).axisLabel.width;
    expect(width(true)).toBeLessThan(width(false));
  });

  it("turns crowded category labels on a narrow screen rather than dropping them", () => {
    const many: ChartData = {
      columns: regions.columns,
      rows: ["甲", "乙", "丙", "丁", "戊"].map((place) => ({ place, received: 1, rate: 1 })),
    };
    const spec: ChartSpec = { type: "bar", category: "place", series: ["received"] };
    const rotate = (compact: boolean) =>
      (buildChartOption(many, spec, { compact }).xAxis as { axisLabel: { rotate: number } }).axisLabel.rotate;
    expect(rotate(false)).toBe(0);
    expect(rotate(true)).toBeGreaterThan(0);
  });

  it("draws every category label under vertical bars, none hidden for overlap", () => {
    const outcomes: ChartData = {
      columns: regions.columns,
      rows: ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"].map((place) => ({ place, received: 1, rate: 1 })),
    };
    for (const compact of [true, false]) {
      const axis = (buildChartOption(outcomes, { type: "bar", category: "place", series: ["received"] }, { compact }).xAxis as {
        axisLabel: { interval: number; hideOverlap?: boolean };
      }).axisLabel;
      expect(axis.interval).toBe(0);
      expect(axis.hideOverlap ?? false).toBe(false);
    }
  });

  it("writes tooltip numbers as the data table writes them", () => {
    expect(tooltipFormatter(true)(0)).toBe(formatCell({ key: "r", label: "", kind: "percent" }, 0));
    expect(tooltipFormatter(true)(54.87)).toBe("54.9%");
    expect(tooltipFormatter(false)(3988553)).toBe("3,988,553");
    expect(tooltipFormatter(false)(null)).toBe("—");
  });

  it("keeps a pie's labels inside the ring on a phone, where outside labels are cut off", () => {
    const shares: ChartData = {
      columns: [
        { key: "outcome", label: "结果", kind: "text" },
        { key: "n", label: "件数", kind: "count" },
      ],
      rows: [
        { outcome: "结果维持", n: 27 },
        { outcome: "结果纠正", n: 10 },
      ],
    };
    const spec: ChartSpec = { type: "pie", category: "outcome", value: "n" };
    const label = (compact: boolean) => (buildChartOption(shares, spec, { compact }).series as { label: { position?: string } }[])[0].label;
    expect(label(true).position).toBe("inside");
    expect(label(false).position).toBeUndefined();
    expect(buildChartOption(shares, spec, { compact: true }).legend).toMatchObject({ type: "plain" });
  });

  it("writes pie slices' shares with one decimal and escapes their names in the tooltip", () => {
    expect(pieLabel({ name: "规章", value: 3, percent: 50 })).toBe("规章\n50.0%");
    expect(pieTooltip({ name: "<b>", value: 1234, percent: 12.34 })).toBe("&lt;b&gt;：1,234（12.3%）");
  });

  it("stacks series and shows a legend when there are several", () => {
    const option = buildChartOption(regions, {
      type: "bar",
      category: "place",
      series: ["received", "rate"],
      stacked: true,
    });
    const series = option.series as Series[];
    expect(series.map((s) => s.stack)).toEqual(["total", "total"]);
    expect(option.legend).toMatchObject({ show: true });
  });

  it("colours bars by a group column with one stacked series per group", () => {
    const reasons: ChartData = {
      columns: [
        { key: "group", label: "类别", kind: "text" },
        { key: "reason", label: "理由", kind: "text" },
        { key: "n", label: "件数", kind: "count" },
      ],
      rows: [
        { group: "甲", reason: "一", n: 1 },
        { group: "甲", reason: "二", n: 2 },
        { group: "乙", reason: "三", n: 3 },
      ],
    };
    const option = buildChartOption(reasons, { type: "bar", category: "reason", series: ["n"], colorBy: "group" });
    const series = option.series as Series[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ["甲", [1, 2, null]],
      ["乙", [null, null, 3]],
    ]);
    expect(new Set(series.map((s) => s.stack)).size).toBe(1);
  });

  it("refuses a series that is not in the table", () => {
    expect(() => buildChartOption(regions, { type: "bar", category: "place", series: ["nope"] })).toThrow(
      /nope/,
    );
  });
});

describe("line chart option", () => {
  it("draws one line per column over the category rows, keeping gaps", () => {
    const trend: ChartData = {
      columns: [
        { key: "year", label: "年度", kind: "text" },
        { key: "a", label: "长沙市", kind: "count" },
        { key: "b", label: "湘潭市", kind: "count" },
      ],
      rows: [
        { year: "2022", a: 1, b: null },
        { year: "2023", a: 3, b: 4 },
      ],
    };
    const option = buildChartOption(trend, { type: "line", category: "year", series: ["a", "b"] });
    const series = option.series as (Series & { connectNulls: boolean })[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ["长沙市", [1, 3]],
      ["湘潭市", [null, 4]],
    ]);
    expect(series.every((s) => s.connectNulls === false)).toBe(true);
    expect(option.xAxis).toMatchObject({ data: ["2022", "2023"] });
  });
});

describe("pie chart option", () => {
  it("leaves out empty and unknown slices", () => {
    const shares: ChartData = {
      columns: [
        { key: "outcome", label: "办理结果", kind: "text" },
        { key: "n", label: "件数", kind: "count" },
      ],
      rows: [
        { outcome: "予以公开", n: 5 },
        { outcome: "不予公开", n: 0 },
        { outcome: "无法提供", n: null },
      ],
    };
    const option = buildChartOption(shares, { type: "pie", category: "outcome", value: "n" });
    const [pie] = option.series as { data: unknown[] }[];
    expect(pie.data).toEqual([{ name: "予以公开", value: 5 }]);
  });
});

describe("data table cells", () => {
  const count: DataColumn = { key: "n", label: "件数", kind: "count" };
  const percent: DataColumn = { key: "r", label: "公开率", kind: "percent" };

  it("shows unknown as a dash and percent with its sign", () => {
    expect(formatCell(count, null)).toBe("—");
    expect(formatCell(percent, null)).toBe("—");
    expect(formatCell(percent, 62.5)).toBe("62.5%");
    expect(formatCell(count, 1234)).toBe("1,234");
  });

  it("writes zero percent as 0.0%, like every other rate", () => {
    expect(formatCell(percent, 0)).toBe("0.0%");
    expect(formatCell(percent, 54.87)).toBe("54.9%");
  });

  it("writes the numbers of a percent row in a table that mixes counts and rates", () => {
    const mixed: ChartData = {
      columns: [{ key: "measure", label: "指标", kind: "text" }, { key: "unit", label: "单位", kind: "text" }, count],
      rows: [
        { measure: "新收申请", unit: "件", n: 714 },
        { measure: "公开率", unit: PERCENT_UNIT, n: 0 },
      ],
      unitColumn: "unit",
    };
    const shown = mixed.rows.map((row) => formatCell(count, row.n, isPercentRow(mixed, row)));
    expect(shown).toEqual(["714", "0.0%"]);
  });

  it("names the unit of percent columns in CSV headers", () => {
    expect(csvColumnsOf([count, percent]).map((c) => c.label)).toEqual(["件数", "公开率（%）"]);
  });
});

describe("year axis", () => {
  it("spans every year from the first to the last, so missing years show as gaps", () => {
    expect(yearSpan([2023, 2019, 2021])).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(yearSpan([])).toEqual([]);
  });
});

describe("axis numbers", () => {
  it("shortens large counts with 万 and 亿 so labels fit a phone", () => {
    expect(axisNumber(800)).toBe("800");
    expect(axisNumber(120000)).toBe("12万");
    expect(axisNumber(4_615_000)).toBe("461.5万");
    expect(axisNumber(300_000_000)).toBe("3亿");
    expect(axisNumber(-20000)).toBe("-2万");
  });
});
