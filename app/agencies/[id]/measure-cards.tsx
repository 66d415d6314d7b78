import { cache } from "react";
import { getTotalsByYear } from "@/db/queries/dashboard";
import { MIN_YEARS_FOR_LINE, type ChartData } from "@/lib/charts";
import { csvFileName } from "@/lib/csv";
import { MEASURES, measureById } from "@/lib/measures";
import { ChartCard } from "../../_components/chart-card";
import { TableCard } from "../../_components/table-card";
import { UNIT_KEY, countColumn, keysOf, measureCell, measureColumn, textColumn, unitColumn, unitOf } from "../../_lib/rows";

const TREND_MEASURES = ["received", "handled", "granted", "withheld", "unavailable"];

/** The agency's totals per year, every measure's keys at once; read once per request for both cards. */
const yearsOf = cache(async (agencyId: number) => {
  const byYear = await getTotalsByYear({ agencyIds: [agencyId] }, keysOf(MEASURES));
  return [...byYear].sort(([a], [b]) => a - b);
});

export async function AgencyTrendCard({ agencyId, name }: { agencyId: number; name: string }) {
  const measures = TREND_MEASURES.map(measureById);
  const years = await yearsOf(agencyId);
  const data: ChartData = {
    columns: [textColumn("year", "年度"), ...measures.map((m) => measureColumn(m))],
    rows: years.map(([year, totals]) => ({
      year: String(year),
      ...Object.fromEntries(measures.map((m) => [m.id, measureCell(m, totals.values)])),
    })),
  };
  return (
    <ChartCard
      id="agency-trend"
      title="历年申请办理"
      description="新收申请、办理总数及主要办理结果"
      data={data}
      spec={{ type: years.length >= MIN_YEARS_FOR_LINE ? "line" : "bar", category: "year", series: measures.map((m) => m.id) }}
      csvName={csvFileName("机关历年申请办理", [name])}
    />
  );
}

export async function AgencyMeasuresCard({ agencyId, name }: { agencyId: number; name: string }) {
  const years = await yearsOf(agencyId);
  const data: ChartData = {
    columns: [textColumn("measure", "指标"), unitColumn(), ...years.map(([year]) => countColumn(`y${year}`, `${year}`))],
    unitColumn: UNIT_KEY,
    rows: years.length
      ? MEASURES.map((m) => ({
          measure: m.label,
          [UNIT_KEY]: unitOf(m),
          ...Object.fromEntries(years.map(([year, totals]) => [`y${year}`, measureCell(m, totals.values)])),
        }))
      : [],
  };
  return <TableCard id="agency-measures" title="历年指标" data={data} csvName={csvFileName("机关历年指标", [name])} />;
}
