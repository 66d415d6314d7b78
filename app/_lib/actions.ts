"use server";
/**
 * Server actions of the public, read-only portal. Each validates its input with zod and only
 * reads; none writes.
 */
import { z } from "zod";
import { searchAgenciesByName, searchPlacesByName } from "@/db/queries/dashboard";
import { agencyKindLabel } from "@/lib/agency-kind";

const searchInput = z.object({ text: z.string().trim().min(1).max(30) });

export interface PickableItem {
  /** The URL form: p:<code> or a:<id>. */
  key: string;
  label: string;
  detail: string;
}

const LEVEL_LABELS = { province: "省级", city: "市级", county: "县级" } as const;

/** Places and agencies whose names contain the text, for the trend and comparison pickers. */
export async function findComparables(input: unknown): Promise<PickableItem[]> {
  const parsed = searchInput.safeParse(input);
  if (!parsed.success) return [];
  const [places, agencies] = await Promise.all([
    searchPlacesByName(parsed.data.text, 6),
    searchAgenciesByName(parsed.data.text, 8),
  ]);
  return [
    ...places.map((p) => ({ key: `p:${p.code}`, label: p.name, detail: `地区 · ${LEVEL_LABELS[p.level]}` })),
    ...agencies.map((a) => ({
      key: `a:${a.id}`,
      label: a.name,
      detail: `机关 · ${[a.placeName, agencyKindLabel(a.kind)].filter(Boolean).join(" · ")}`,
    })),
  ];
}
