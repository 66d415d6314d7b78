import { FilterBar } from "./_components/filters";
import { PageHeader } from "./_components/card";
import { CardSlot } from "./_components/card-slot";
import { PlaceFilter, YearFilter } from "./_components/view-filters";
import { filtersFrom, type SearchParams } from "./_lib/params";
import { withYear } from "./_lib/data";
import { HeadlineCard, MeasuresCard, OutcomesCard, ReviewOutcomesCard } from "./_overview-cards";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = await withYear(filtersFrom(await searchParams));
  return (
    <>
      <PageHeader
        title="总览"
        summary="所选地区（含下级）各机关年度报告的汇总：收到和处理政府信息公开申请、行政处罚、行政复议和行政诉讼，并与上一年度比较。"
      >
        <FilterBar>
          <PlaceFilter place={filters.place} />
          <YearFilter year={filters.year} />
        </FilterBar>
      </PageHeader>
      <div className="space-y-5">
        <CardSlot title="概况" height={180}>
          <HeadlineCard filters={filters} />
        </CardSlot>
        <div className="grid gap-5 lg:grid-cols-2">
          <CardSlot title="申请办理结果">
            <OutcomesCard filters={filters} />
          </CardSlot>
          <CardSlot title="行政复议、行政诉讼结果">
            <ReviewOutcomesCard filters={filters} />
          </CardSlot>
        </div>
        <CardSlot title="主要指标">
          <MeasuresCard filters={filters} />
        </CardSlot>
      </div>
    </>
  );
}
