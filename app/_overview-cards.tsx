/** The overview's cards: each loads its own data, so each streams in on its own. */
import { cache } from "react";
import { getTotalsByYear, type ReportFilters, type Totals } from "@/db/queries/dashboard";
import {
  HEADLINE_MEASURE_IDS,
  MEASURES,
  OUTCOME_MEASURE_IDS,
  REVIEW_BLOCKS,
  REVIEW_OUTCOMES,
  changeOf,
  formatChange,
  formatValue,
  measureById,
  ratePercent,
  ratio,
  reviewBlockLabel,
  reviewOutcomeLabel,
  type Measure,
} from "@/lib/measures";
import { reviewKey } from "@/lib/metrics/dictionary";
import { csvFileName } from "@/lib/csv";
import type { ChartData } from "@/lib/charts";
import { Card, EmptyState } from "./_components/card";
import { ChartCard } from "./_components/chart-card";
import { TableCard } from "./_components/table-card";
import { placeChain, placeTitleOf } from "./_lib/data";
import { UNIT_KEY, countColumn, keysOf, measureCell, textColumn, unitColumn, unitOf } from "./_lib/rows";

const OVERVIEW_MEASURES = MEASURES;
/** The review card shows every cell of table 四, not only those the measures read. */
const REVIEW_KEYS = REVIEW_BLOCKS.flatMap((block) => REVIEW_OUTCOMES.map((outcome) => reviewKey(block, outcome)));

const OVERVIEW_KEYS = [...new Set([...keysOf(OVERVIEW_MEASURES), ...REVIEW_KEYS])];

/**
 * Totals per year for the view, read once per request and shared by the four cards (React
 * `cache` compares arguments by identity, hence the filters as one string).
 */
const totalsByYearOf = cache((filtersKey: string) => getTotalsByYear(JSON.parse(filtersKey) as ReportFilters, OVERVIEW_KEYS));

/** This year's and last year's totals for the view's place; one query for all years. */
async function yearPair(filters: ReportFilters): Promise<{ current?: Totals; previous?: Totals; year?: number }> {
  const year = filters.year;
  if (year === undefined) return {};
  const byYear = await totalsByYearOf(JSON.stringify({ ...filters, year: undefined }));
  return { current: byYear.get(year), previous: byYear.get(year - 1), year };
}

function Stat({ label, value, change, note }: { label: string; value: string; change: string; note: string }) {
  return (
    <div className="rounded border border-slate-100 bg-slate-50 px-3 py-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="tabular mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
      <dd className="tabular mt-0.5 text-xs text-slate-500" title={note}>
        较上年 {change}
      </dd>
    </div>
  );
}

export async function HeadlineCard({ filters }: { filters: ReportFilters }) {
  const [{ current, previous, year }, chain] = await Promise.all([yearPair(filters), placeChain(filters.place)]);
  const place = placeTitleOf(chain);
  if (!current) {
    return (
      <Card title="概况">
        <EmptyState hint={`${place}${year ? ` ${year} 年度` : ""}尚未收录年度报告。`} />
      </Card>
    );
  }
  const countChange = (a: number, b: number | undefined) => formatChange("count", changeOf(a, b ?? null));
  const measures = HEADLINE_MEASURE_IDS.map((id) => measureById(id));
  return (
    <Card title="概况" description={`${place} · ${year} 年度 · 较上年为与 ${year! - 1} 年度已收录年报的汇总相比；两年收录的机关不同时，变化仅供参考`}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="已收录年报" value={formatValue("count", current.reports)} change={countChange(current.reports, previous?.reports)} note="份" />
        <Stat label="涉及机关" value={formatValue("count", current.agencies)} change={countChange(current.agencies, previous?.agencies)} note="个" />
        {measures.map((m) => {
          const value = m.compute(current.values);
          const before = previous ? m.compute(previous.values) : null;
          return (
            <Stat key={m.id} label={m.label} value={formatValue(m.kind, value)} change={formatChange(m.kind, changeOf(value, before))} note={m.formula} />
          );
        })}
      </dl>
    </Card>
  );
}

export async function OutcomesCard({ filters }: { filters: ReportFilters }) {
  const [{ current, previous, year }, chain] = await Promise.all([yearPair(filters), placeChain(filters.place)]);
  const handled = measureById("handled");
  const data: ChartData = {
    columns: [textColumn("outcome", "办理结果"), countColumn("current", `${year} 年度`), countColumn("previous", `${(year ?? 0) - 1} 年度`), { key: "share", label: "本年占比", kind: "percent" }],
    rows: current
      ? OUTCOME_MEASURE_IDS.map((id) => {
          const m = measureById(id);
          const value = m.compute(current.values);
          return {
            outcome: m.label,
            current: value,
            previous: previous ? m.compute(previous.values) : null,
            share: ratePercent(ratio(value, handled.compute(current.values))),
          };
        })
      : [],
  };
  return (
    <ChartCard
      id="outcomes"
      title="申请办理结果"
      description="本年度办理的政府信息公开申请按结果分类，与上一年度对比"
      data={data}
      spec={{ type: "bar", category: "outcome", series: ["current", "previous"] }}
      csvName={csvFileName("办理结果", [placeTitleOf(chain), year])}
    />
  );
}

export async function ReviewOutcomesCard({ filters }: { filters: ReportFilters }) {
  const [{ current, year }, chain] = await Promise.all([yearPair(filters), placeChain(filters.place)]);
  const outcomes = REVIEW_OUTCOMES.filter((o) => o !== "total");
  const data: ChartData = {
    columns: [textColumn("block", "类别"), ...REVIEW_OUTCOMES.map((o) => countColumn(o, reviewOutcomeLabel(o)))],
    rows: current
      ? REVIEW_BLOCKS.map((block) => ({
          block: reviewBlockLabel(block).split("·").at(-1)!,
          ...Object.fromEntries(REVIEW_OUTCOMES.map((o) => [o, current.values[reviewKey(block, o)] ?? null])),
        }))
      : [],
  };
  return (
    <ChartCard
      id="review-outcomes"
      title="行政复议、行政诉讼结果"
      description="以本机关为被申请人、被告的案件，按结果分列"
      data={data}
      spec={{ type: "bar", category: "block", series: [...outcomes], horizontal: true, stacked: true }}
      csvName={csvFileName("复议诉讼结果", [placeTitleOf(chain), year])}
      height={260}
    />
  );
}

export async function MeasuresCard({ filters }: { filters: ReportFilters }) {
  const [{ current, previous, year }, chain] = await Promise.all([yearPair(filters), placeChain(filters.place)]);
  const row = (m: Measure) => {
    const value = current ? m.compute(current.values) : null;
    const before = previous ? m.compute(previous.values) : null;
    return {
      measure: m.label,
      [UNIT_KEY]: unitOf(m),
      current: measureCell(m, current?.values ?? {}),
      previous: previous ? measureCell(m, previous.values) : null,
      change: formatChange(m.kind, changeOf(value, before)),
      formula: m.formula,
    };
  };
  const data: ChartData = {
    columns: [
      textColumn("measure", "指标"),
      unitColumn(),
      countColumn("current", `${year} 年度`),
      countColumn("previous", `${(year ?? 0) - 1} 年度`),
      textColumn("change", "较上年"),
      textColumn("formula", "口径"),
    ],
    rows: current ? OVERVIEW_MEASURES.map(row) : [],
    unitColumn: UNIT_KEY,
  };
  return (
    <TableCard
      id="measures"
      title="主要指标"
      description="比率按汇总数计算（分子之和 ÷ 分母之和）；分母为零或数据缺失时显示“—”"
      data={data}
      csvName={csvFileName("主要指标", [placeTitleOf(chain), year])}
    />
  );
}
