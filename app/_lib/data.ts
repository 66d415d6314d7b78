/**
 * Per-request memoised reads shared by a page and its cards (React `cache`), and the context
 * every dashboard view needs: the resolved year, the place chain, the filter options.
 */
import { cache } from "react";
import {
  getAgencyKindsInUse,
  getChildPlacesWithReports,
  getPlaceChain,
  getReportYears,
  type Place,
  type ReportFilters,
} from "@/db/queries/dashboard";
import { agencyKindLabel } from "@/lib/agency-kind";
import type { FilterOption } from "../_components/filters";

/** Years with reports: all of them, or those of one place (cache keys need plain arguments). */
export const reportYears = cache((place?: string) => getReportYears({ place }));
export const placeChain = cache(getPlaceChain);
export const childPlaces = cache(getChildPlacesWithReports);
export const kindsInUse = cache(getAgencyKindsInUse);

export const COUNTRY = "全国";

export function placeNameOf(chain: Place[]): string {
  return chain.at(-1)?.name ?? COUNTRY;
}

/** The place as a reader says it: 湖南省湘潭市. */
export function placeTitleOf(chain: Place[]): string {
  return chain.length ? chain.map((p) => p.name).join("") : COUNTRY;
}

/**
 * The view's filters with the year filled in: the one asked for, else the latest year with
 * reports in the view's place (else the latest anywhere).
 */
export async function withYear(filters: ReportFilters): Promise<ReportFilters & { year?: number }> {
  if (filters.year !== undefined) return filters;
  const [own, all] = await Promise.all([reportYears(filters.place), reportYears()]);
  const year = own[0] ?? all[0];
  return year === undefined ? filters : { ...filters, year };
}

/** The place select: up the chain, the place itself, and its children that have reports. */
export async function placeOptions(place: string | undefined): Promise<FilterOption[]> {
  const [chain, children] = await Promise.all([placeChain(place), childPlaces(place)]);
  const options: FilterOption[] = [{ value: "", label: COUNTRY, group: place ? "上级" : "当前" }];
  for (const p of chain.slice(0, -1)) options.push({ value: p.code, label: p.name, group: "上级" });
  const current = chain.at(-1);
  if (current) options.push({ value: current.code, label: current.name, group: "当前" });
  for (const c of children) options.push({ value: c.code, label: c.name, group: "下级（有年报）" });
  return options;
}

export async function yearOptions(): Promise<FilterOption[]> {
  const years = await reportYears();
  return years.map((y) => ({ value: String(y), label: `${y} 年度` }));
}

export async function kindOptions(): Promise<FilterOption[]> {
  const kinds = await kindsInUse();
  return [{ value: "", label: "全部机关类型" }, ...kinds.map((k) => ({ value: k, label: agencyKindLabel(k) }))];
}

export function kindLabel(kind: string): string {
  return agencyKindLabel(kind);
}
