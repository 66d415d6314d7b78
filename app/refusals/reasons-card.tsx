import { getTotals, type ReportFilters } from "@/db/queries/dashboard";
import type { ChartData } from "@/lib/charts";
import { csvFileName } from "@/lib/csv";
import { REASON_GROUP_INFO, formatCount, measureById, ratePercent, ratio } from "@/lib/measures";
import { ChartCard } from "../_components/chart-card";
import { kindLabel, placeChain, placeTitleOf } from "../_lib/data";
import { countColumn, keysOf, textColumn } from "../_lib/rows";

/** Every reason row of table 三 for the place and year, with its share of all handled applications. */
export async function ReasonsCard({ filters }: { filters: ReportFilters }) {
  const handled = measureById("handled");
  const reasonKeys = REASON_GROUP_INFO.flatMap((g) => g.reasons.map((r) => r.key));
  const [totals, chain] = await Promise.all([getTotals(filters, [...reasonKeys, ...keysOf([handled])]), placeChain(filters.place)]);
  const all = handled.compute(totals.values);
  const data: ChartData = {
    columns: [
      textColumn("group", "类别"),
      textColumn("reason", "理由"),
      countColumn("count", "件数"),
      { key: "share", label: "占办理总数", kind: "percent" },
    ],
    rows: totals.reports
      ? REASON_GROUP_INFO.flatMap((group) =>
          group.reasons.map((reason) => {
            const count = totals.values[reason.key] ?? null;
            return { group: group.label, reason: reason.label, count, share: ratePercent(ratio(count, all)) };
          }),
        )
      : [],
  };
  const place = placeTitleOf(chain);
  return (
    <ChartCard
      id="refusal-reasons"
      title="各项理由"
      description={`${place} · ${filters.year} 年度${filters.kind ? ` · ${kindLabel(filters.kind)}` : ""} · 办理总数 ${formatCount(all)} 件`}
      data={data}
      spec={{ type: "bar", category: "reason", series: ["count"], horizontal: true, colorBy: "group" }}
      csvName={csvFileName("不予公开理由", [place, filters.year, filters.kind ? kindLabel(filters.kind) : null])}
      height={560}
    />
  );
}
