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
import { sharedRead } from "./shared-read";

/**
 * Filter options and place names change only when reports are imported: shared across requests
 * for a minute (see shared-read), and within a request by React `cache`.
 */
const OPTIONS_SHARING = { ttlMs: 60_000, maxEntries: 2000 };

/** Years with reports: all of them, or those of one place (cache keys need plain arguments). */
export const reportYears = cache(sharedRead((place?: string) => getReportYears({ place }), OPTIONS_SHARING));
export const placeChain = cache(sharedRead((code: string | undefined) => getPlaceChain(code), OPTIONS_SHARING));
export const childPlaces = cache(sharedRead((code: string | undefined) => getChildPlacesWithReports(code), OPTIONS_SHARING));
export const kindsInUse = cache(sharedRead(() => getAgencyKindsInUse(), OPTIONS_SHARING));

export const COUNTRY = "全国";

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
  const [own, all] = await Promise.all([filters.place ? reportYears(filters.place) : [], reportYears()]);
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
