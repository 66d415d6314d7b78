import type { Metadata } from "next";
import { PageHeader } from "../_components/card";
import { CardSlot } from "../_components/card-slot";
import { ByPlaceCard } from "../_components/measure-cards";
import { StandardFilters } from "../_components/standard-filters";
import { withYear } from "../_lib/data";
import { filtersFrom, type SearchParams } from "../_lib/params";
import { ReasonsCard } from "./reasons-card";

export const metadata: Metadata = { title: "不予公开理由" };

export default async function RefusalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = await withYear(filtersFrom(await searchParams));
  return (
    <>
      <PageHeader
        title="不予公开理由"
        summary="未能公开的申请按年报表三的理由分列：不予公开、无法提供、不予处理及其他处理，并在下级地区之间比较。"
      >
        <StandardFilters filters={filters} />
      </PageHeader>
      <div className="space-y-5">
        <CardSlot title="各项理由" height={560}>
          <ReasonsCard filters={filters} />
        </CardSlot>
        <CardSlot title="下级地区比较">
          <ByPlaceCard
            id="refusal-places"
            title="下级地区比较"
            view="不予公开理由"
            filters={filters}
            measures={["withheld", "unavailable", "notProcessed", "otherHandling", "handled", "withheldRate", "unavailableRate", "notProcessedRate"]}
            chart={["withheld", "unavailable", "notProcessed", "otherHandling"]}
            stacked
            description="各下级地区未能公开的申请件数（堆叠）；表中另列办理总数及各比率"
          />
        </CardSlot>
      </div>
    </>
  );
}
