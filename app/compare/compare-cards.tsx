import { cache } from "react";
import type { Totals } from "@/db/queries/dashboard";
import type { ChartData } from "@/lib/charts";
import { csvFileName } from "@/lib/csv";
import { MEASURES, measureById } from "@/lib/measures";
import { ChartCard } from "../_components/chart-card";
import { TableCard } from "../_components/table-card";
import { getItemTotals, type NamedItem } from "../_lib/items";
import { UNIT_KEY, countColumn, keysOf, measureCell, measureColumn, textColumn, unitColumn, unitOf } from "../_lib/rows";

/** Each item's totals for the year, every measure's keys at once; shared by both cards. */
const totalsOf = cache(async (items: NamedItem[], year: number | undefined): Promise<Totals[]> =>
  Promise.all(items.map((i) => getItemTotals(i.item, { year }, keysOf(MEASURES)))),
);

export async function CompareMeasureCard({ items, year, measureId }: { items: NamedItem[]; year?: number; measureId: string }) {
  const measure = measureById(measureId);
  const totals = await totalsOf(items, year);
  const data: ChartData = {
    columns: [textColumn("item", "地区或机关"), measureColumn(measure, "value"), countColumn("reports", "年报数")],
    rows: items
      .map((item, i) => ({ item: item.label, value: measureCell(measure, totals[i].values), reports: totals[i].reports }))
      .filter((row) => row.reports > 0),
  };
  return (
    <ChartCard
      id="compare"
      title={`${measure.label} · ${year} 年度`}
      description={`口径：${measure.formula}`}
      data={data}
      spec={{ type: "bar", category: "item", series: ["value"], horizontal: true }}
      csvName={csvFileName("对比", [year, measure.label, ...items.map((i) => i.label)])}
      height={Math.max(220, data.rows.length * 44 + 60)}
      emptyMessage="所选地区或机关在该年度暂无年报数据"
    />
  );
}

export async function CompareTableCard({ items, year }: { items: NamedItem[]; year?: number }) {
  const totals = await totalsOf(items, year);
  const anyReports = totals.some((t) => t.reports > 0);
  const data: ChartData = {
    columns: [textColumn("measure", "指标"), unitColumn(), ...items.map((item, i) => countColumn(`v${i}`, item.label))],
    unitColumn: UNIT_KEY,
    rows: anyReports
      ? [
          { measure: "已收录年报", [UNIT_KEY]: "份", ...Object.fromEntries(totals.map((t, i) => [`v${i}`, t.reports])) },
          ...MEASURES.map((m) => ({
            measure: m.label,
            [UNIT_KEY]: unitOf(m),
            ...Object.fromEntries(totals.map((t, i) => [`v${i}`, t.reports ? measureCell(m, t.values) : null])),
          })),
        ]
      : [],
  };
  return (
    <TableCard
      id="compare-all"
      title={`全部指标 · ${year} 年度`}
      description="地区为该地区（含下级）各机关年报的汇总；比率按汇总数计算，分母为零或缺少数据时显示“—”"
      data={data}
      csvName={csvFileName("对比全部指标", [year, ...items.map((i) => i.label)])}
      emptyMessage="所选地区或机关在该年度暂无年报数据"
    />
  );
}
