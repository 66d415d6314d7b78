import { getTotals, type ReportFilters } from "@/db/queries/dashboard";
import type { ChartData } from "@/lib/charts";
import { csvFileName } from "@/lib/csv";
import { REVIEW_OUTCOMES, ratePercent, ratio, reviewOutcomeLabel, sumOf, type ReviewBlock } from "@/lib/measures";
import { reviewKey } from "@/lib/metrics/dictionary";
import { ChartCard } from "../_components/chart-card";
import { kindLabel, placeChain, placeTitleOf } from "../_lib/data";
import { countColumn, textColumn } from "../_lib/rows";

const OUTCOMES = REVIEW_OUTCOMES.filter((o) => o !== "total");

/** How the cases of some blocks of table 四 ended, as counts and shares of all cases. */
export async function OutcomeSharesCard({ id, title, blocks, filters }: { id: string; title: string; blocks: ReviewBlock[]; filters: ReportFilters }) {
  const keys = blocks.flatMap((b) => REVIEW_OUTCOMES.map((o) => reviewKey(b, o)));
  const [totals, chain] = await Promise.all([getTotals(filters, keys), placeChain(filters.place)]);
  const all = sumOf(totals.values, blocks.map((b) => reviewKey(b, "total")));
  const rows = totals.reports
    ? OUTCOMES.map((o) => {
        const count = sumOf(totals.values, blocks.map((b) => reviewKey(b, o)));
        return {
          outcome: reviewOutcomeLabel(o),
          count,
          share: ratePercent(ratio(count, all)),
        };
      })
    : [];
  const data: ChartData = {
    columns: [textColumn("outcome", "结果"), countColumn("count", "件数"), { key: "share", label: "占比", kind: "percent" }],
    rows: all ? rows : [],
  };
  return (
    <ChartCard
      id={id}
      title={title}
      description={`${placeTitleOf(chain)} · ${filters.year} 年度${filters.kind ? ` · ${kindLabel(filters.kind)}` : ""}${all !== null ? ` · 共 ${all} 件` : ""}`}
      data={data}
      spec={{ type: "pie", category: "outcome", value: "count" }}
      csvName={csvFileName(title, [placeTitleOf(chain), filters.year, filters.kind ? kindLabel(filters.kind) : null])}
      emptyMessage={totals.reports ? "该年度没有此类案件" : undefined}
      height={300}
    />
  );
}
