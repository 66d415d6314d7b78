import type { Metadata } from "next";
import { PageHeader } from "../_components/card";
import { CardSlot } from "../_components/card-slot";
import { FilterBar } from "../_components/filters";
import { ItemPicker } from "../_components/item-picker";
import { KindFilter, MeasureFilter } from "../_components/view-filters";
import { nameItems } from "../_lib/items";
import { MAX_ITEMS, filtersFrom, itemsFrom, measureFrom, type Item, type SearchParams } from "../_lib/params";
import { TrendCard } from "./trend-card";

export const metadata: Metadata = { title: "年度趋势" };

export default async function TrendsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = filtersFrom(params);
  const measure = measureFrom(params, "received");
  const asked = itemsFrom(params);
  const fallback: Item[] = [{ type: "place", code: filters.place ?? "all" }];
  const items = await nameItems(asked.length ? asked : fallback);
  return (
    <>
      <PageHeader title="年度趋势" summary="一项指标历年的变化，可同时比较至多五个地区或机关。地区数据为该地区（含下级）各机关年报的汇总。">
        <FilterBar>
          <MeasureFilter measure={measure.id} />
          <KindFilter kind={filters.kind} />
        </FilterBar>
        <ItemPicker chosen={items.map(({ key, label }) => ({ key, label }))} max={MAX_ITEMS} />
      </PageHeader>
      <CardSlot title={`${measure.label} · 历年`} height={360}>
        <TrendCard items={items} measureId={measure.id} kind={filters.kind} />
      </CardSlot>
    </>
  );
}
