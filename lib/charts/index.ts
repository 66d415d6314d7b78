/**
 * ECharts options built by pure functions from a chart's plain table. The browser component only
 * hands the result to ECharts; everything that decides what the chart shows is here and tested.
 */
import type { ComposeOption } from "echarts/core";
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from "echarts/charts";
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from "echarts/components";
import { formatCount, formatPercent } from "../measures/format";
import { columnByKey, labelsOf, numbersOf, type ChartData, type DataColumn } from "./data";

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** What to draw from a chart's table: which column names the categories, which hold values. */
export type ChartSpec =
  | {
      type: "bar";
      category: string;
      series: string[];
      horizontal?: boolean;
      stacked?: boolean;
      /** Colour bars by this text column: one legend entry per distinct value (one series only). */
      colorBy?: string;
    }
  | { type: "line"; category: string; series: string[] }
  | { type: "pie"; category: string; value: string };

/** Calm, distinguishable colours; the first is the portal's accent. */
export const PALETTE = ["#1d4e89", "#b5472f", "#3f8f6b", "#c09a2c", "#6b5b95", "#4a8fb8", "#8c6d62", "#7a8a99"];

const FONT_FAMILY = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
/** Room for category labels of horizontal bars; narrower on a phone so the bars keep their space (long labels wrap, never cut). */
const AXIS_LABEL_WIDTH = { regular: 150, compact: 84 };

/** How the chart is shown: `compact` on narrow screens. */
export interface ChartLayout {
  compact?: boolean;
}

function isPercent(columns: DataColumn[]): boolean {
  return columns.length > 0 && columns.every((c) => c.kind === "percent");
}

/** Axis numbers short enough not to collide on a phone: 120000 → 12万, 300000000 → 3亿. */
export function axisNumber(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e8) return `${trim(value / 1e8)}亿`;
  if (size >= 1e4) return `${trim(value / 1e4)}万`;
  return String(value);
}

const trim = (value: number) => String(Math.round(value * 100) / 100);

function valueAxis(percent: boolean) {
  return {
    type: "value" as const,
    axisLabel: percent ? { formatter: "{value}%", hideOverlap: true } : { formatter: axisNumber, hideOverlap: true },
    splitLine: { lineStyle: { color: "#e5e7eb" } },
  };
}

/** Above this many categories (compact / regular) the labels under vertical bars turn. */
const CROWDED = { compact: 3, regular: 6 };

/**
 * Labels under vertical bars: every one is drawn (interval 0, no overlap hiding, which would drop
 * every other label on a phone). Crowded labels turn; a very long one is cut to the room a turned
 * label has, and the axis tooltip still names it in full.
 */
function verticalCategoryLabels(labels: string[], layout: ChartLayout) {
  const crowded = labels.length > (layout.compact ? CROWDED.compact : CROWDED.regular);
  return crowded
    ? { interval: 0, rotate: 40, width: layout.compact ? 72 : 110, overflow: "truncate" as const }
    : { interval: 0, rotate: 0 };
}

function categoryAxis(labels: string[], horizontal: boolean, layout: ChartLayout) {
  return {
    type: "category" as const,
    data: labels,
    inverse: horizontal, // first row on top, as in the table
    axisLabel: horizontal
      ? { width: layout.compact ? AXIS_LABEL_WIDTH.compact : AXIS_LABEL_WIDTH.regular, overflow: "break" as const }
      : verticalCategoryLabels(labels, layout),
    axisTick: { alignWithLabel: true },
  };
}

function base(showLegend: boolean): ChartOption {
  return {
    color: PALETTE,
    textStyle: { fontFamily: FONT_FAMILY },
    animationDuration: 300,
    legend: { show: showLegend, top: 0, type: "scroll" },
    grid: {
      left: 8,
      right: 24,
      top: showLegend ? 36 : 16,
      bottom: 8,
      outerBoundsMode: "same",
      outerBoundsContain: "axisLabel",
    },
  };
}

/** Tooltip numbers written as the data table writes them. */
export function tooltipFormatter(percent: boolean) {
  return (value: unknown) => {
    const number = typeof value === "number" ? value : null;
    return percent ? formatPercent(number) : formatCount(number);
  };
}

export function buildBarChartOption(
  data: ChartData,
  spec: Extract<ChartSpec, { type: "bar" }>,
  layout: ChartLayout = {},
): ChartOption {
  const columns = spec.series.map((key) => columnByKey(data, key));
  const percent = isPercent(columns);
  const horizontal = spec.horizontal ?? false;
  const labels = labelsOf(data, spec.category);
  const categories = categoryAxis(labels, horizontal, layout);
  const values = valueAxis(percent);
  if (spec.colorBy) {
    const groups = labelsOf(data, spec.colorBy);
    const numbers = numbersOf(data, columns[0].key);
    const names = [...new Set(groups)];
    return {
      ...base(true),
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: tooltipFormatter(percent) },
      xAxis: horizontal ? values : categories,
      yAxis: horizontal ? categories : values,
      // One stacked series per group, each holding only its own rows' values, so a bar's colour says its group.
      series: names.map((name) => ({
        type: "bar" as const,
        name,
        stack: "group",
        data: numbers.map((n, i) => (groups[i] === name ? n : null)),
        barMaxWidth: 28,
      })),
    };
  }
  return {
    ...base(columns.length > 1),
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: tooltipFormatter(percent) },
    xAxis: horizontal ? values : categories,
    yAxis: horizontal ? categories : values,
    series: columns.map((column) => ({
      type: "bar" as const,
      name: column.label,
      data: numbersOf(data, column.key),
      stack: spec.stacked ? "total" : undefined,
      barMaxWidth: 28,
      emphasis: { focus: "series" as const },
    })),
  };
}

export function buildLineChartOption(
  data: ChartData,
  spec: Extract<ChartSpec, { type: "line" }>,
): ChartOption {
  const columns = spec.series.map((key) => columnByKey(data, key));
  const percent = isPercent(columns);
  return {
    ...base(true),
    tooltip: { trigger: "axis", valueFormatter: tooltipFormatter(percent) },
    xAxis: { type: "category", data: labelsOf(data, spec.category), boundaryGap: false },
    yAxis: valueAxis(percent),
    series: columns.map((column) => ({
      type: "line" as const,
      name: column.label,
      data: numbersOf(data, column.key),
      connectNulls: false, // a missing year stays a visible gap
      symbolSize: 7,
    })),
  };
}

/** The parts of ECharts' callback parameters a pie's tooltip and labels write. */
function pieSlice(params: unknown): { name: string; value: number | null; percent: number | null } {
  const p = (Array.isArray(params) ? params[0] : params) as { name?: string; value?: unknown; percent?: unknown };
  const number = (v: unknown) => (typeof v === "number" ? v : null);
  return { name: p?.name ?? "", value: number(p?.value), percent: number(p?.percent) };
}

/** ECharts renders a tooltip string as HTML; names come from stored data. */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function pieTooltip(params: unknown): string {
  const slice = pieSlice(params);
  return `${escapeHtml(slice.name)}：${formatCount(slice.value)}（${formatPercent(slice.percent)}）`;
}

export function pieShare(params: unknown): string {
  return formatPercent(pieSlice(params).percent);
}

export function pieLabel(params: unknown): string {
  const slice = pieSlice(params);
  return `${slice.name}\n${formatPercent(slice.percent)}`;
}

/**
 * A pie. On a wide screen each slice is named beside it; on a phone there is no room beside the
 * ring (outside labels were cut at the screen edge), so slices carry only their share, inside,
 * and the legend below — wrapped, not paged — names them.
 */
export function buildPieChartOption(
  data: ChartData,
  spec: Extract<ChartSpec, { type: "pie" }>,
  layout: ChartLayout = {},
): ChartOption {
  const labels = labelsOf(data, spec.category);
  const values = numbersOf(data, spec.value);
  const slices = labels
    .map((name, i) => ({ name, value: values[i] }))
    .filter((slice): slice is { name: string; value: number } => slice.value !== null && slice.value > 0);
  const compact = layout.compact ?? false;
  return {
    color: PALETTE,
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: { trigger: "item", formatter: pieTooltip },
    legend: { show: true, bottom: 0, type: compact ? "plain" : "scroll" },
    series: [
      {
        type: "pie",
        name: columnByKey(data, spec.value).label,
        percentPrecision: 1, // as in the data table
        radius: compact ? ["34%", "62%"] : ["38%", "66%"],
        center: ["50%", compact ? "42%" : "44%"],
        label: compact
          ? { position: "inside", formatter: pieShare, color: "#fff", fontSize: 11 }
          : { formatter: pieLabel },
        labelLine: { show: !compact },
        minShowLabelAngle: compact ? 14 : 0, // a sliver has no room for its share inside
        data: slices,
      },
    ],
  };
}

export function buildChartOption(data: ChartData, spec: ChartSpec, layout: ChartLayout = {}): ChartOption {
  switch (spec.type) {
    case "bar":
      return buildBarChartOption(data, spec, layout);
    case "line":
      return buildLineChartOption(data, spec);
    case "pie":
      return buildPieChartOption(data, spec, layout);
  }
}

export * from "./data";
