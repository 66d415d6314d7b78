/**
 * Cards that break measures down by child place, by agency kind or by year. The table (and CSV)
 * holds every listed measure; the chart draws the ones named in `chart`.
 */
import {
  getTotalsByChildPlace,
  getTotalsByKind,
  getTotalsByYear,
  placeLevelOf,
  type ReportFilters,
  type Totals,
} from "@/db/queries/dashboard";
import { MIN_YEARS_FOR_LINE, yearSpan, type ChartData, type ChartSpec, type DataRow } from "@/lib/charts";
import { csvFileName } from "@/lib/csv";
import { measureById, type Measure } from "@/lib/measures";
import { kindLabel, placeChain, placeTitleOf } from "../_lib/data";
import { countColumn, keysOf, measureCell, measureColumn, textColumn } from "../_lib/rows";
import { ChartCard } from "./chart-card";

interface BreakdownProps {
  /** Test-id stem of the card. */
  id: string;
  title: string;
  /** The view's name in the CSV file name, e.g. 行政处罚. */
  view: string;
  filters: ReportFilters;
  measures: string[];
  /** Measures drawn; default all. */
  chart?: string[];
  stacked?: boolean;
  description?: string;
}

interface Group {
  label: string;
  totals: Totals;
  href?: string;
}

function tableOf(category: { key: string; label: string }, groups: Group[], measures: Measure[]): ChartData {
  return {
    columns: [textColumn(category.key, category.label), ...measures.map((m) => measureColumn(m)), countColumn("reports", "年报数")],
    rows: groups.map((g): DataRow => ({
      [category.key]: g.label,
      ...Object.fromEntries(measures.map((m) => [m.id, measureCell(m, g.totals.values)])),
      reports: g.totals.reports,
    })),
  };
}

async function filterWords(filters: ReportFilters, withYear: boolean): Promise<(string | number | null)[]> {
  const chain = await placeChain(filters.place);
  return [placeTitleOf(chain), withYear ? (filters.year ?? null) : null, filters.kind ? kindLabel(filters.kind) : null];
}

function byFirstMeasure(measure: Measure) {
  const value = (g: Group) => measure.compute(g.totals.values) ?? -Infinity;
  return (a: Group, b: Group) => value(b) - value(a);
}

export async function ByPlaceCard(props: BreakdownProps) {
  const measures = props.measures.map(measureById);
  const [places, words] = await Promise.all([
    getTotalsByChildPlace(props.filters, keysOf(measures)),
    filterWords(props.filters, true),
  ]);
  const groups: Group[] = places
    .map((p) => ({
      label: p.isSelf ? `${p.name}（本级）` : p.name,
      totals: p.totals,
      href: p.isSelf || placeLevelOf(p.code) === "county" ? undefined : p.code,
    }))
    .sort(byFirstMeasure(measures[0]));
  const links = Object.fromEntries(groups.filter((g) => g.href).map((g) => [g.label, `?${drillQuery(props.filters, g.href!)}`]));
  const chart = props.chart ?? props.measures;
  return (
    <ChartCard
      id={props.id}
      title={props.title}
      description={props.description ?? "按下级地区汇总；点击柱条进入该地区"}
      data={tableOf({ key: "place", label: "地区" }, groups, measures)}
      spec={{ type: "bar", category: "place", series: chart, horizontal: true, stacked: props.stacked }}
      csvName={csvFileName(props.view, ["按地区", ...words])}
      links={links}
      height={Math.max(240, groups.length * 34 + 80)}
    />
  );
}

function drillQuery(filters: ReportFilters, place: string): string {
  const params = new URLSearchParams({ place });
  if (filters.year) params.set("year", String(filters.year));
  if (filters.kind) params.set("kind", filters.kind);
  return params.toString();
}

export async function ByKindCard(props: BreakdownProps) {
  const measures = props.measures.map(measureById);
  const [kinds, words] = await Promise.all([getTotalsByKind(props.filters, keysOf(measures)), filterWords({ ...props.filters, kind: undefined }, true)]);
  const groups: Group[] = [...kinds].map(([kind, totals]) => ({ label: kindLabel(kind), totals })).sort(byFirstMeasure(measures[0]));
  return (
    <ChartCard
      id={props.id}
      title={props.title}
      description={props.description ?? "按机关类型汇总"}
      data={tableOf({ key: "kind", label: "机关类型" }, groups, measures)}
      spec={{ type: "bar", category: "kind", series: props.chart ?? props.measures, horizontal: true, stacked: props.stacked }}
      csvName={csvFileName(props.view, ["按机关类型", ...words])}
      height={Math.max(240, groups.length * 34 + 80)}
    />
  );
}

export async function ByYearCard(props: BreakdownProps) {
  const measures = props.measures.map(measureById);
  const [years, words] = await Promise.all([getTotalsByYear(props.filters, keysOf(measures)), filterWords(props.filters, false)]);
  const groups: Group[] = yearSpan(years.keys()).map((year) => ({
    label: String(year),
    totals: years.get(year) ?? { reports: 0, agencies: 0, values: {} },
  }));
  const series = props.chart ?? props.measures;
  const spec: ChartSpec =
    groups.length >= MIN_YEARS_FOR_LINE ? { type: "line", category: "year", series } : { type: "bar", category: "year", series };
  return (
    <ChartCard
      id={props.id}
      title={props.title}
      description={props.description ?? "历年汇总"}
      data={tableOf({ key: "year", label: "年度" }, groups, measures)}
      spec={spec}
      csvName={csvFileName(props.view, ["历年", ...words])}
    />
  );
}
