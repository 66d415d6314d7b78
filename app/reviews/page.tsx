import type { Metadata } from "next";
import { PageHeader } from "../_components/card";
import { CardSlot } from "../_components/card-slot";
import { ByKindCard, ByPlaceCard, ByYearCard } from "../_components/measure-cards";
import { StandardFilters } from "../_components/standard-filters";
import { withYear } from "../_lib/data";
import { filtersFrom, type SearchParams } from "../_lib/params";
import { OutcomeSharesCard } from "./outcome-shares-card";

export const metadata: Metadata = { title: "复议诉讼" };

const MEASURES = ["reviews", "litigations", "reviewCorrected", "litigationCorrected", "reviewCorrectionRate", "litigationCorrectionRate"];
const CHARTED = ["reviews", "litigations"];

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = await withYear(filtersFrom(await searchParams));
  return (
    <>
      <PageHeader
        title="复议诉讼"
        summary="年报表四“政府信息公开行政复议、行政诉讼情况”：案件数量与结果构成，按地区、机关类型和年度汇总。纠正率 = 结果纠正 ÷（总计 − 尚未审结）。"
      >
        <StandardFilters filters={filters} />
      </PageHeader>
      <div className="space-y-5">
        <div className="grid gap-5 lg:grid-cols-2">
          <CardSlot title="行政复议结果构成">
            <OutcomeSharesCard id="review-shares" title="行政复议结果构成" blocks={["review"]} filters={filters} />
          </CardSlot>
          <CardSlot title="行政诉讼结果构成">
            <OutcomeSharesCard id="litigation-shares" title="行政诉讼结果构成" blocks={["litigation.direct", "litigation.afterReview"]} filters={filters} />
          </CardSlot>
        </div>
        <div className="grid gap-5 lg:grid-cols-2">
          <CardSlot title="复议、诉讼案件 · 按地区">
            <ByPlaceCard id="reviews-places" title="复议、诉讼案件 · 按地区" view="复议诉讼" filters={filters} measures={MEASURES} chart={CHARTED} />
          </CardSlot>
          <CardSlot title="复议、诉讼案件 · 按机关类型">
            <ByKindCard id="reviews-kinds" title="复议、诉讼案件 · 按机关类型" view="复议诉讼" filters={filters} measures={MEASURES} chart={CHARTED} />
          </CardSlot>
        </div>
        <CardSlot title="复议、诉讼案件 · 历年">
          <ByYearCard id="reviews-years" title="复议、诉讼案件 · 历年" view="复议诉讼" filters={filters} measures={MEASURES} chart={CHARTED} />
        </CardSlot>
      </div>
    </>
  );
}
