/**
 * Reading a page's URL parameters. Every filter lives in the URL so a view can be shared and
 * reloaded; bad or stale values fall back to defaults instead of failing the page.
 */
import { z } from "zod";
import { MEASURE_IDS, measureById, type Measure } from "@/lib/measures";
import { reportFiltersSchema, type ReportFilters } from "@/db/queries/dashboard";

export type SearchParams = Record<string, string | string[] | undefined>;

export function firstValue(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** place, year, kind and q, validated. */
export function filtersFrom(params: SearchParams): ReportFilters {
  const parsed = reportFiltersSchema.parse({
    place: firstValue(params, "place") || undefined,
    year: firstValue(params, "year") || undefined,
    kind: firstValue(params, "kind") || undefined,
    q: firstValue(params, "q") || undefined,
  });
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as ReportFilters;
}

export function measureFrom(params: SearchParams, fallback: string): Measure {
  const id = z.enum(MEASURE_IDS).catch(fallback).parse(firstValue(params, "measure"));
  return measureById(id);
}

export function pageFrom(params: SearchParams): number {
  return z.coerce.number().int().min(1).max(10_000).catch(1).parse(firstValue(params, "page") ?? 1);
}

/** A place or an agency chosen for a trend or a comparison: `p:430000` or `a:12` in the URL. */
export type Item = { type: "place"; code: string } | { type: "agency"; id: number };

export const MAX_ITEMS = 5;

const itemSchema = z.union([
  z
    .string()
    .regex(/^p:(\d{6}|all)$/)
    .transform((s): Item => ({ type: "place", code: s.slice(2) })),
  z
    .string()
    .regex(/^a:\d{1,9}$/)
    .transform((s): Item => ({ type: "agency", id: Number(s.slice(2)) })),
]);

export function itemKey(item: Item): string {
  return item.type === "place" ? `p:${item.code}` : `a:${item.id}`;
}

/** The chosen items, deduplicated, at most five; unreadable entries are dropped. */
export function itemsFrom(params: SearchParams): Item[] {
  const raw = (firstValue(params, "items") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const items: Item[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    const parsed = itemSchema.safeParse(entry);
    if (!parsed.success || seen.has(entry)) continue;
    seen.add(entry);
    items.push(parsed.data);
    if (items.length === MAX_ITEMS) break;
  }
  return items;
}
