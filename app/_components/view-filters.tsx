/** The filters shared by several views, each loading its own options on the server. */
import { MEASURES } from "@/lib/measures";
import { kindOptions, placeOptions, yearOptions } from "../_lib/data";
import { FilterSelect, type FilterOption } from "./filters";

export async function PlaceFilter({ place }: { place?: string }) {
  return <FilterSelect name="place" label="地区" value={place ?? ""} options={await placeOptions(place)} />;
}

export async function YearFilter({ year }: { year?: number }) {
  const options = await yearOptions();
  if (options.length === 0) options.push({ value: "", label: "暂无年度" });
  return <FilterSelect name="year" label="年度" value={year ? String(year) : ""} options={options} />;
}

export async function KindFilter({ kind }: { kind?: string }) {
  return <FilterSelect name="kind" label="机关类型" value={kind ?? ""} options={await kindOptions()} />;
}

const MEASURE_OPTIONS: FilterOption[] = MEASURES.map((m) => ({
  value: m.id,
  label: m.label,
  group: m.kind === "rate" ? "比率" : "数量",
}));

export function MeasureFilter({ measure }: { measure: string }) {
  return <FilterSelect name="measure" label="指标" value={measure} options={MEASURE_OPTIONS} />;
}
