/**
 * Misspelt place names: a name that is no division or township but one character away from one.
 * Two kinds are accepted:
 * - an OCR misreading: the differing characters look alike (沐阳县 → 沭阳县), clearly more alike
 *   than for any other candidate;
 * - a variant transliteration of a long name (阿尔善宝力格镇 for 阿尔善宝拉格镇): with four or more
 *   characters before the suffix, one candidate only.
 * Short names with several candidates and no look-alike stay unrepaired: never guessed.
 */
import { allDivisions, divisionOfPlace, townshipNames, townshipsNamed, type Place } from "./gazetteer";
import { glyphDistance } from "./glyphs";

export interface NameRepair {
  /** The real name the token stands for. */
  name: string;
  places: Place[];
  kind: "misread" | "variant";
}

/** Glyph distance under which two characters count as look-alikes (one dot or stroke apart). */
const LOOKALIKE = 30;
/** How much further the runner-up must be, so that the repair is not a coin toss. */
const MARGIN = 10;
const MIN_VARIANT_BASE = 4;

interface NameEntry { name: string; places: Place[] }
let groups: Map<string, NameEntry[]> | null = null;

function groupKey(name: string): string {
  return `${name.length}:${name[name.length - 1]}`;
}

/** Names grouped by length and last character: the only names a one-character typo can be. */
function nameGroups(): Map<string, NameEntry[]> {
  if (groups) return groups;
  const byName = new Map<string, Place[]>();
  for (const division of allDivisions()) {
    const list = byName.get(division.name) ?? [];
    list.push({ kind: "division", division });
    byName.set(division.name, list);
  }
  for (const name of townshipNames()) {
    if (!byName.has(name)) byName.set(name, townshipsNamed(name).map((township) => ({ kind: "township" as const, township })));
  }
  groups = new Map();
  for (const [name, places] of byName) {
    const key = groupKey(name);
    const list = groups.get(key) ?? [];
    list.push({ name, places });
    groups.set(key, list);
  }
  return groups;
}

function differingIndex(a: string, b: string): number {
  let index = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (index >= 0) return -1;
    index = i;
  }
  return index;
}

/**
 * The real name behind a misspelt one, or null. `suffixLength` characters at the end (县, 街道)
 * must match exactly; `accept` narrows candidates to a province or city already known.
 */
export function repairPlaceName(token: string, suffixLength: number, accept?: (division: string) => boolean): NameRepair | null {
  // Unscoped repairs recur (one OCR tool misreads the same name in every report): remember them.
  if (accept) return findRepair(token, suffixLength, accept);
  const key = `${token}/${suffixLength}`;
  if (!repairs.has(key)) repairs.set(key, findRepair(token, suffixLength, () => true));
  return repairs.get(key)!;
}

const repairs = new Map<string, NameRepair | null>();

function findRepair(token: string, suffixLength: number, accept: (division: string) => boolean): NameRepair | null {
  const candidates: { entry: NameEntry; at: number }[] = [];
  for (const entry of nameGroups().get(groupKey(token)) ?? []) {
    const at = differingIndex(token, entry.name);
    if (at < 0 || at >= token.length - suffixLength) continue;
    const places = entry.places.filter((p) => {
      const division = divisionOfPlace(p);
      return division !== undefined && accept(division.code);
    });
    if (places.length) candidates.push({ entry: { name: entry.name, places }, at });
  }
  if (candidates.length === 0) return null;

  const ranked = candidates
    .map((c) => ({ ...c, distance: glyphDistance(token[c.at], c.entry.name[c.at]) ?? Infinity }))
    .sort((a, b) => a.distance - b.distance);
  const [best, second] = ranked;
  if (best.distance <= LOOKALIKE && (!second || second.distance - best.distance >= MARGIN)) {
    return { name: best.entry.name, places: best.entry.places, kind: "misread" };
  }
  if (token.length - suffixLength >= MIN_VARIANT_BASE && candidates.length === 1) {
    return { name: best.entry.name, places: best.entry.places, kind: "variant" };
  }
  return null;
}
