import type { ReportFilters } from "@/db/queries/dashboard";
import { FilterBar } from "./filters";
import { KindFilter, PlaceFilter, YearFilter } from "./view-filters";

/** 地区 · 年度 · 机关类型: the filters of the breakdown views. */
export function StandardFilters({ filters }: { filters: ReportFilters }) {
  return (
    <FilterBar>
      <PlaceFilter place={filters.place} />
      <YearFilter year={filters.year} />
      <KindFilter kind={filters.kind} />
    </FilterBar>
  );
}
