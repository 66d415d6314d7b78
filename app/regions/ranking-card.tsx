import { getTotalsByChildPlace, placeLevelOf, type ReportFilters } from "@/db/queries/dashboard";
import type { ChartData } from "@/lib/charts";
import { csvFileName } from "@/lib/csv";
import { measureById } from "@/lib/measures";
import { ChartCard } from "../_components/chart-card";
import { kindLabel, placeChain, placeTitleOf } from "../_lib/data";
import { countColumn, keysOf, measureCell, measureColumn, textColumn } from "../_lib/rows";

/** Why there is no map: said on the page, so nobody wonders where it went. */
const NO_MAP_NOTE =
  "未提供地图：ECharts 自 5.0 版起不再附带中国地图数据，npm 上也没有官方维护、含市县两级边界的 ECharts 地图数据包，故以排序柱状图呈现。";

/** Unknown values rank last. */
const rankValue = (value: unknown) => (typeof value === "number" ? value : -Infinity);

function query(base: ReportFilters, measure: string, place: string): string {
  const params = new URLSearchParams({ place, measure });
  if (base.year) params.set("year", String(base.year));
  if (base.kind) params.set("kind", base.kind);
  return params.toString();
}

export async function RegionRankingCard({ filters, measureId }: { filters: ReportFilters; measureId: string }) {
  const measure = measureById(measureId);
  const [places, chain] = await Promise.all([getTotalsByChildPlace(filters, keysOf([measure])), placeChain(filters.place)]);
  const rows = places
    .map((p) => ({
      code: p.code,
      place: p.isSelf ? `${p.name}（本级）` : p.name,
      value: measureCell(measure, p.totals.values),
      reports: p.totals.reports,
      agencies: p.totals.agencies,
      isSelf: p.isSelf,
    }))
    .sort((a, b) => rankValue(b.value) - rankValue(a.value) || a.code.localeCompare(b.code));
  const links: Record<string, string> = {};
  for (const row of rows) {
    if (row.isSelf) continue;
    // A county has no lower level to compare: go to its agencies instead.
    links[row.place] =
      placeLevelOf(row.code) === "county" ? `/agencies?${query(filters, measure.id, row.code)}` : `/regions?${query(filters, measure.id, row.code)}`;
  }
  const data: ChartData = {
    columns: [textColumn("place", "地区"), measureColumn(measure, "value"), countColumn("reports", "年报数"), countColumn("agencies", "机关数")],
    rows: rows.map(({ place, value, reports, agencies }) => ({ place, value, reports, agencies })),
  };
  const title = `${placeTitleOf(chain)}下级地区 · ${measure.label}`;
  return (
    <ChartCard
      id="regions"
      title={title}
      description={`${filters.year} 年度${filters.kind ? ` · ${kindLabel(filters.kind)}` : ""} · 口径：${measure.formula}`}
      data={data}
      spec={{ type: "bar", category: "place", series: ["value"], horizontal: true }}
      csvName={csvFileName("地区对比", [placeTitleOf(chain), filters.year, filters.kind ? kindLabel(filters.kind) : null, measure.label])}
      links={links}
      height={Math.max(260, rows.length * 34 + 60)}
      footnote={NO_MAP_NOTE}
    />
  );
}
