import type { Metadata } from "next";
import { PageHeader } from "../_components/card";
import { CardSlot } from "../_components/card-slot";
import { FilterBar } from "../_components/filters";
import { KindFilter, MeasureFilter, PlaceFilter, YearFilter } from "../_components/view-filters";
import { withYear } from "../_lib/data";
import { filtersFrom, measureFrom, type SearchParams } from "../_lib/params";
import { RegionRankingCard } from "./ranking-card";

export const metadata: Metadata = { title: "地区对比" };

export default async function RegionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = await withYear(filtersFrom(params));
  const measure = measureFrom(params, "received");
  return (
    <>
      <PageHeader title="地区对比" summary="所选地区的下级地区按一项指标排序。点击柱条进入该地区的下一级。">
        <FilterBar>
          <PlaceFilter place={filters.place} />
          <YearFilter year={filters.year} />
          <MeasureFilter measure={measure.id} />
          <KindFilter kind={filters.kind} />
        </FilterBar>
      </PageHeader>
      <CardSlot title={`下级地区 · ${measure.label}`} height={420}>
        <RegionRankingCard filters={filters} measureId={measure.id} />
      </CardSlot>
    </>
  );
}
