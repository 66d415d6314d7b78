import type { Metadata } from "next";
import { PageHeader } from "../_components/card";
import { CardSlot } from "../_components/card-slot";
import { ByKindCard, ByPlaceCard, ByYearCard } from "../_components/measure-cards";
import { StandardFilters } from "../_components/standard-filters";
import { withYear } from "../_lib/data";
import { filtersFrom, type SearchParams } from "../_lib/params";

export const metadata: Metadata = { title: "行政处罚" };

const MEASURES = ["penalties", "licensing", "coercion"];

export default async function PenaltiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = await withYear(filtersFrom(await searchParams));
  return (
    <>
      <PageHeader
        title="行政处罚"
        summary="年报表二“主动公开政府信息情况”中的行政处罚、行政许可、行政强制处理决定数量，按地区、机关类型和年度汇总。"
      >
        <StandardFilters filters={filters} />
      </PageHeader>
      <div className="space-y-5">
        <div className="grid gap-5 lg:grid-cols-2">
          <CardSlot title="行政处罚决定 · 按地区">
            <ByPlaceCard id="penalties-places" title="行政处罚决定 · 按地区" view="行政处罚" filters={filters} measures={MEASURES} chart={["penalties"]} />
          </CardSlot>
          <CardSlot title="行政处罚决定 · 按机关类型">
            <ByKindCard id="penalties-kinds" title="行政处罚决定 · 按机关类型" view="行政处罚" filters={filters} measures={MEASURES} chart={["penalties"]} />
          </CardSlot>
        </div>
        <CardSlot title="行政处罚决定 · 历年">
          <ByYearCard id="penalties-years" title="行政处罚决定 · 历年" view="行政处罚" filters={filters} measures={MEASURES} chart={["penalties"]} />
        </CardSlot>
      </div>
    </>
  );
}
