/**
 * The gazetteer: China's provinces, cities and counties (GB/T 2260 levels) with their townships,
 * indexed once for lookups by code, by name, by short name, and for scanning text.
 *
 * Conventions (those of the parse command's `region`):
 * - the four municipalities have no city level: their districts' parent is the province;
 * - county-level units directly under a province (湖北 天门市, 海南 保亭) have the province as parent;
 * - statistical functional zones (codes xxxx71–xxxx80: 开发区, 管理区 …) are not GB/T 2260
 *   divisions: they are left out, and their townships count as their city's.
 */
import { loadRawStreets, rawAreas, rawCities, rawProvinces } from "./data";
import { shortNames } from "./names";
import { NameTrie } from "./trie";

export type DivisionLevel = "province" | "city" | "county";

export interface Division {
  /** 6-digit code: 430000, 430300, 430321. */
  code: string;
  name: string;
  level: DivisionLevel;
  /** The province for a city; the city — or the province where there is none — for a county. */
  parentCode: string | null;
}

/** A township-level unit (乡, 镇, 街道, 苏木): only ever a clue to its county. */
export interface Township {
  /** 9-digit statistical code. */
  code: string;
  name: string;
  /** The county-level division it belongs to (its city's code when under a functional zone). */
  divisionCode: string;
}

/** What a name in a text can refer to. */
export type Place = { kind: "division"; division: Division } | { kind: "township"; township: Township };

export interface PlaceName {
  /** The name as indexed (a full name or a short form). */
  name: string;
  place: Place;
  /** True for a short form (长沙 for 长沙市): weaker evidence, trusted only in context. */
  short: boolean;
}

const LEVEL_RANK: Record<DivisionLevel, number> = { province: 0, city: 1, county: 2 };

/** Pseudo-cities of the statistical list: 市辖区 and 县 of municipalities, 省直辖县级行政区划. */
function isPseudoCity(name: string): boolean {
  return name === "市辖区" || name === "县" || name.includes("直辖县级");
}

function isFunctionalZone(countyCode: string): boolean {
  const serial = Number(countyCode.slice(4, 6));
  return serial >= 71 && serial <= 80;
}

interface DivisionIndex {
  divisions: Division[];
  byCode: Map<string, Division>;
  children: Map<string, Division[]>;
  byFullName: Map<string, Division[]>;
  byShortName: Map<string, Division[]>;
  /** County-level entries that are no division of their own → the city (or province) standing for them. */
  absorbedBy: Map<string, string>;
}

function buildDivisionIndex(): DivisionIndex {
  const divisions: Division[] = [];
  const absorbedBy = new Map<string, string>();
  const cityCodeOf = new Map<string, string>(); // raw 4-digit city code → division code
  const cityNameOf = new Map(rawCities.map((c) => [c.code, c.name]));
  for (const p of rawProvinces) divisions.push({ code: `${p.code}0000`, name: p.name, level: "province", parentCode: null });
  for (const c of rawCities) {
    if (isPseudoCity(c.name)) {
      cityCodeOf.set(c.code, `${c.provinceCode}0000`);
      continue;
    }
    const code = `${c.code}00`;
    cityCodeOf.set(c.code, code);
    divisions.push({ code, name: c.name, level: "city", parentCode: `${c.provinceCode}0000` });
  }
  for (const a of rawAreas) {
    const parentCode = cityCodeOf.get(a.cityCode) ?? `${a.provinceCode}0000`;
    // Cities without districts (东莞, 中山, 儋州, 嘉峪关) repeat themselves at county level.
    const repeatsCity = a.code.endsWith("00") || a.name === cityNameOf.get(a.cityCode);
    if (repeatsCity || isFunctionalZone(a.code)) absorbedBy.set(a.code, parentCode);
    else divisions.push({ code: a.code, name: a.name, level: "county", parentCode });
  }
  divisions.sort((a, b) => a.code.localeCompare(b.code));

  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const children = new Map<string, Division[]>();
  const byFullName = new Map<string, Division[]>();
  for (const d of divisions) {
    if (d.parentCode) push(children, d.parentCode, d);
    push(byFullName, d.name, d);
  }
  return { divisions, byCode, children, byFullName, byShortName: buildShortNames(divisions, byFullName), absorbedBy };
}

/**
 * Short names, kept only where they cannot be mistaken for something higher: 湘潭 means
 * 湘潭市, not 湘潭县; 吉林 means 吉林省. A short name equal to a full name is dropped.
 */
function buildShortNames(divisions: Division[], byFullName: Map<string, Division[]>): Map<string, Division[]> {
  const all = new Map<string, Division[]>();
  for (const d of divisions) for (const short of shortNames(d.name)) if (!byFullName.has(short)) push(all, short, d);
  for (const [short, list] of all) {
    const top = Math.min(...list.map((d) => LEVEL_RANK[d.level]));
    all.set(short, list.filter((d) => LEVEL_RANK[d.level] === top));
  }
  return all;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

let divisionIndex: DivisionIndex | null = null;
function index(): DivisionIndex {
  return (divisionIndex ??= buildDivisionIndex());
}

interface TownshipIndex {
  byName: Map<string, Township[]>;
  byDivision: Map<string, Township[]>;
  trie: NameTrie<PlaceName>;
}

let townshipIndex: TownshipIndex | null = null;

/**
 * Township-level administrative units proper. The statistical list also holds farms, parks and
 * airports at this level (农场, 经济区, 大兴国际机场); as names in a text those are landmarks, not
 * a jurisdiction, so they are not indexed.
 */
const TOWNSHIP_NAME = /^.+(?:镇|乡|街道|苏木|办事处)$/;

/** Townships and the full scanning trie: built on first use (~40,000 names). */
function places(): TownshipIndex {
  if (townshipIndex) return townshipIndex;
  const { byCode, byFullName, byShortName, absorbedBy } = index();
  const byName = new Map<string, Township[]>();
  const byDivision = new Map<string, Township[]>();
  const trie = new NameTrie<PlaceName>();
  for (const s of loadRawStreets()) {
    if (!TOWNSHIP_NAME.test(s.name)) continue;
    const divisionCode = byCode.has(s.areaCode) ? s.areaCode : absorbedBy.get(s.areaCode);
    if (!divisionCode) continue;
    // A few streets are listed by their office (新华街道办事处): the place is 新华街道, and the office
    // is an agency name that must meet the 26 other 新华街道 as an equal, not win as a longer match.
    const name = s.name.replace(/街道办事处$/, "街道");
    const township: Township = { code: s.code, name, divisionCode };
    push(byName, name, township);
    push(byDivision, divisionCode, township);
    trie.add(name, { name, place: { kind: "township", township }, short: false });
  }
  for (const [name, list] of byFullName) {
    for (const division of list) trie.add(name, { name, place: { kind: "division", division }, short: false });
  }
  for (const [name, list] of byShortName) {
    for (const division of list) trie.add(name, { name, place: { kind: "division", division }, short: true });
  }
  townshipIndex = { byName, byDivision, trie };
  return townshipIndex;
}

// ---- Public API -------------------------------------------------------------------------

/** Every province, city and county, ordered by code: the region hierarchy for storage. */
export function allDivisions(): readonly Division[] {
  return index().divisions;
}

export function divisionByCode(code: string): Division | undefined {
  return index().byCode.get(code);
}

export function childrenOf(code: string): readonly Division[] {
  return index().children.get(code) ?? [];
}

/** The division's ancestors, province first (empty for a province). */
export function ancestorsOf(code: string): Division[] {
  const chain: Division[] = [];
  let current = divisionByCode(code);
  while (current?.parentCode) {
    current = divisionByCode(current.parentCode);
    if (current) chain.unshift(current);
  }
  return chain;
}

/** True when `ancestor` is `code` itself or one of its ancestors. */
export function isWithin(code: string, ancestor: string): boolean {
  for (let current = divisionByCode(code); current; current = current.parentCode ? divisionByCode(current.parentCode) : undefined) {
    if (current.code === ancestor) return true;
  }
  return false;
}

/** Divisions with exactly this full name (鼓楼区 → four of them). */
export function divisionsNamed(name: string): readonly Division[] {
  return index().byFullName.get(name) ?? [];
}

/** Divisions this short form stands for (长沙 → 长沙市), after the ambiguity rules above. */
export function divisionsWithShortName(name: string): readonly Division[] {
  return index().byShortName.get(name) ?? [];
}

export function townshipsNamed(name: string): readonly Township[] {
  return places().byName.get(name) ?? [];
}

export function townshipNames(): Iterable<string> {
  return places().byName.keys();
}

export function townshipsOf(divisionCode: string): readonly Township[] {
  return places().byDivision.get(divisionCode) ?? [];
}

/** A short form is worth one character less than its length when names compete for a text. */
const SHORT_NAME_DISCOUNT = 1;

/** The place names in a text, left to right, read so that they cover as much of it as possible. */
export function scanPlaceNames(text: string): { start: number; end: number; names: PlaceName[] }[] {
  const shortOnly = (names: PlaceName[]) => (names.every((n) => n.short) ? SHORT_NAME_DISCOUNT : 0);
  return places().trie.scan(text, shortOnly).map((m) => ({ start: m.start, end: m.end, names: m.values }));
}

/** The division a place stands for: a township counts as its county. */
export function divisionOfPlace(place: Place): Division | undefined {
  return place.kind === "division" ? place.division : divisionByCode(place.township.divisionCode);
}

export interface RegionNames {
  code: string;
  province: string | null;
  city: string | null;
  county: string | null;
}

/** The parse command's region for a division: names of its province, city and county. */
export function regionOf(code: string): RegionNames | null {
  const division = divisionByCode(code);
  if (!division) return null;
  const chain = [...ancestorsOf(code), division];
  const named = (level: DivisionLevel) => chain.find((d) => d.level === level)?.name ?? null;
  return { code, province: named("province"), city: named("city"), county: named("county") };
}
