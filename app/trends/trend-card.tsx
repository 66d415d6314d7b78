import { MIN_YEARS_FOR_LINE, yearSpan, type ChartData } from "@/lib/charts";
import { csvFileName } from "@/lib/csv";
import { measureById } from "@/lib/measures";
import { ChartCard } from "../_components/chart-card";
import { kindLabel } from "../_lib/data";
import { getItemTotalsByYear, type NamedItem } from "../_lib/items";
import { keysOf, measureCell, measureColumn, textColumn } from "../_lib/rows";

/** One line per chosen place or agency; one row per year any of them has a report for. */
export async function TrendCard({ items, measureId, kind }: { items: NamedItem[]; measureId: string; kind?: string }) {
  const measure = measureById(measureId);
  const series = await Promise.all(items.map((i) => getItemTotalsByYear(i.item, { kind }, keysOf([measure]))));
  const years = yearSpan(series.flatMap((s) => [...s.keys()]));
  const keys = items.map((_, i) => `s${i}`);
  const data: ChartData = {
    columns: [textColumn("year", "年度"), ...items.map((item, i) => ({ ...measureColumn(measure, `s${i}`), label: item.label }))],
    rows: years.map((year) => ({
      year: String(year),
      ...Object.fromEntries(series.map((s, i) => [`s${i}`, s.has(year) ? measureCell(measure, s.get(year)!.values) : null])),
    })),
  };
  return (
    <ChartCard
      id="trend"
      title={`${measure.label} · 历年`}
      description={`口径：${measure.formula}${kind ? ` · 仅${kindLabel(kind)}` : ""}；无年报的年度留空`}
      data={data}
      spec={years.length >= MIN_YEARS_FOR_LINE ? { type: "line", category: "year", series: keys } : { type: "bar", category: "year", series: keys }}
      csvName={csvFileName("年度趋势", [measure.label, kind ? kindLabel(kind) : null, ...items.map((i) => i.label)])}
      height={360}
    />
  );
}
