import type { Metadata } from "next";
import { PageHeader } from "../_components/card";
import { CardSlot } from "../_components/card-slot";
import { FilterBar } from "../_components/filters";
import { ItemPicker } from "../_components/item-picker";
import { MeasureFilter, YearFilter } from "../_components/view-filters";
import { childPlaces, withYear } from "../_lib/data";
import { nameItems } from "../_lib/items";
import { MAX_ITEMS, filtersFrom, itemsFrom, measureFrom, type Item, type SearchParams } from "../_lib/params";
import { CompareMeasureCard, CompareTableCard } from "./compare-cards";

export const metadata: Metadata = { title: "对比" };

/** With nothing chosen yet, compare the place in the URL (or the country) with its first child places. */
async function defaultItems(place: string | undefined): Promise<Item[]> {
  const children = await childPlaces(place);
  const self: Item = { type: "place", code: place ?? "all" };
  return [self, ...children.slice(0, 2).map((c): Item => ({ type: "place", code: c.code }))];
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = await withYear(filtersFrom(params));
  const measure = measureFrom(params, "disclosureRate");
  const asked = itemsFrom(params);
  const items = await nameItems(asked.length ? asked : await defaultItems(filters.place));
  return (
    <>
      <PageHeader title="对比" summary="二至五个地区或机关在同一年度的各项指标并列比较。请在下方添加要比较的地区或机关。">
        <FilterBar>
          <YearFilter year={filters.year} />
          <MeasureFilter measure={measure.id} />
        </FilterBar>
        <ItemPicker chosen={items.map(({ key, label }) => ({ key, label }))} max={MAX_ITEMS} min={2} />
      </PageHeader>
      <div className="space-y-5">
        <CardSlot title={measure.label}>
          <CompareMeasureCard items={items} year={filters.year} measureId={measure.id} />
        </CardSlot>
        <CardSlot title="全部指标">
          <CompareTableCard items={items} year={filters.year} />
        </CardSlot>
      </div>
    </>
  );
}
