/** Places and agencies chosen for trends and comparisons: their names and their totals. */
import {
  getAgenciesByIds,
  getTotals,
  getTotalsByYear,
  type ReportFilters,
  type Totals,
} from "@/db/queries/dashboard";
import { COUNTRY, placeChain, placeTitleOf } from "./data";
import { itemKey, type Item } from "./params";

export interface NamedItem {
  key: string;
  item: Item;
  label: string;
}

export async function nameItems(items: Item[]): Promise<NamedItem[]> {
  const agencyIds = items.flatMap((i) => (i.type === "agency" ? [i.id] : []));
  const agencies = new Map((await getAgenciesByIds(agencyIds)).map((a) => [a.id, a.name]));
  const named = await Promise.all(
    items.map(async (item): Promise<NamedItem | null> => {
      if (item.type === "agency") {
        const name = agencies.get(item.id);
        return name ? { key: itemKey(item), item, label: name } : null;
      }
      if (item.code === "all") return { key: itemKey(item), item, label: COUNTRY };
      const chain = await placeChain(item.code);
      return chain.length ? { key: itemKey(item), item, label: placeTitleOf(chain) } : null;
    }),
  );
  return named.filter((n): n is NamedItem => n !== null);
}

/** The filters that select an item's reports, on top of the view's own (kind, year). */
function itemFilters(item: Item, base: ReportFilters): ReportFilters {
  if (item.type === "agency") return { ...base, place: undefined, agencyIds: [item.id] };
  return { ...base, place: item.code === "all" ? undefined : item.code };
}

export function getItemTotals(item: Item, base: ReportFilters, keys: readonly string[]): Promise<Totals> {
  return getTotals(itemFilters(item, base), keys);
}

export function getItemTotalsByYear(item: Item, base: ReportFilters, keys: readonly string[]): Promise<Map<number, Totals>> {
  return getTotalsByYear(itemFilters(item, base), keys);
}
