/**
 * Where the agency sits: the division names inside its name, read as a chain (济南市 → 市中区),
 * with short names trusted only in context, a name in parentheses taken as the location
 * (…临空经济区(廊坊)管理委员会), a misspelt leading name repaired against the gazetteer, and —
 * only to choose between equally good readings — the places, townships, telephone area codes
 * and web addresses the report's opening mentions. Ambiguity is reported, never guessed.
 */
import {
  areaCodesIn,
  divisionByCode,
  divisionOfPlace,
  divisionsForAreaCode,
  hostLabelsIn,
  isWithin,
  labelNamesPlace,
  regionOf,
  repairPlaceName,
  scanPlaceNames,
  ancestorsOf,
  type Place,
} from "@/lib/places";
import type { Region, ReportIssue } from "../types";

const EMPTY_REGION: Region = { code: null, province: null, city: null, county: null };
/** A name in parentheses states the location outright; it outweighs two plain names. */
const PARENTHESIS_WEIGHT = 2.5;

interface Mention {
  start: number;
  end: number;
  places: Place[];
  weight: number;
}

export interface RegionReading {
  region: Region;
  issues: ReportIssue[];
  /** The agency name with a misread place name put right (沐阳县… → 沭阳县…), if one was. */
  agency: string | null;
}

function parenthesisSpans(name: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of name.matchAll(/\(([^)]*)\)/g)) spans.push([m.index!, m.index! + m[0].length]);
  return spans;
}

function codeOf(place: Place): string | undefined {
  return divisionOfPlace(place)?.code;
}

/** True when `outer` is the same place as `inner` or contains it. */
function contains(outer: Place, inner: Place): boolean {
  if (outer.kind === "township") return inner.kind === "township" && inner.township.code === outer.township.code;
  const code = codeOf(inner);
  return code !== undefined && isWithin(code, outer.division.code);
}

const NATIONAL_PREFIX = /^(?:中华人民共和国|中国)/;

/**
 * The place names in an agency's name. Full names count; a short name (长沙, 龙华) counts at the
 * start of the name, inside parentheses, or under a place named before it — so 公安 in 温州市公安局
 * is not read as 公安县. A township counts where a name can begin (口镇 inside 大口镇 does not),
 * and any later name must fit the earlier ones, except a parenthesised location.
 */
function agencyMentions(name: string, shortAnywhere = false): Mention[] {
  const spans = parenthesisSpans(name);
  const inParenthesis = (at: number) => spans.some(([s, e]) => at > s && at < e);
  // The country's name before a national body or its branch names no place (共和 is no 共和县).
  const national = NATIONAL_PREFIX.exec(name)?.[0].length ?? 0;
  const mentions: Mention[] = [];
  for (const match of scanPlaceNames(name)) {
    if (match.start < national) continue;
    const boxed = inParenthesis(match.start);
    const fits = (p: Place) => mentions.length === 0 || mentions.some((m) => m.places.some((q) => contains(q, p) || contains(p, q)));
    const atBoundary = match.start === 0 || name[match.start - 1] === "(" || mentions.some((m) => m.end === match.start);
    const full = match.names.filter((n) => !n.short && (n.place.kind === "division" || atBoundary)).map((n) => n.place);
    // 公安 before 局 is the bureau's kind (公安局), not 公安县; a branch is written 公安分局.
    const bureauWord = /^[局厅委办]/.test(name.slice(match.end));
    const short = bureauWord ? [] : match.names.filter((n) => n.short).map((n) => n.place);
    let places = boxed ? full : full.filter(fits);
    if (places.length === 0 && short.length) {
      const underEarlier = short.filter((p) => mentions.some((m) => m.places.some((q) => contains(q, p) && codeOf(q) !== codeOf(p))));
      // Anywhere, but not as the head of a longer unknown name (安新 in 雄安新区).
      const free = shortAnywhere && !/^[省市县区旗州盟镇乡]/.test(name.slice(match.end));
      places = match.start === 0 || boxed || free ? short : underEarlier;
    }
    if (places.length) mentions.push({ start: match.start, end: match.end, places, weight: boxed ? PARENTHESIS_WEIGHT : 1 });
  }
  return mentions;
}

/** How well each place named in the agency's name fits all the names together. */
function scoreCandidates(mentions: Mention[]): Map<Place, number> {
  const scores = new Map<Place, number>();
  for (const mention of mentions) {
    for (const place of mention.places) {
      let score = 0;
      for (const other of mentions) if (other.places.some((q) => contains(q, place))) score += other.weight;
      scores.set(place, score);
    }
  }
  return scores;
}

interface Clues {
  places: Place[];
  areaCodes: string[];
  hostLabels: string[];
}

function cluesIn(head: string): Clues {
  return {
    places: scanPlaceNames(head).flatMap((m) => m.names.filter((n) => !n.short).map((n) => n.place)),
    areaCodes: areaCodesIn(head),
    hostLabels: hostLabelsIn(head),
  };
}

/** Names of the place and the divisions above it: what its web sites are named after. */
function chainNames(place: Place): string[] {
  const code = codeOf(place);
  const divisions = code ? [...ancestorsOf(code), divisionByCode(code)!] : [];
  return [...divisions.map((d) => d.name), ...(place.kind === "township" ? [place.township.name] : [])];
}

/**
 * How many clues in the opening point at a candidate: names related to it (its city, its
 * townships), telephone area codes of its city, web sites named after it or a division above it.
 * Clues only choose among candidates the agency's name fits equally well.
 */
function clueCount(place: Place, clues: Clues): number {
  let count = 0;
  for (const q of clues.places) if (contains(q, place) || contains(place, q)) count++;
  const code = codeOf(place);
  if (code) for (const area of clues.areaCodes) if (divisionsForAreaCode(area).some((c) => isWithin(code, c))) count++;
  if (clues.hostLabels.length) {
    for (const name of chainNames(place)) if (clues.hostLabels.some((label) => labelNamesPlace(label, name))) count++;
  }
  return count;
}

/** An unknown name ending like a division or township (沐阳县, 阿尔善宝力格镇), read from `at`. */
const NAME_TOKEN = /^[\u4e00-\u9fff]{1,8}?(?:街道|苏木|县|区|市|旗|镇|乡)/;
/** Characters of agency words (公安局, 人民政府办公室): a token holding one is no place name. */
const AGENCY_CHARS = /[局委办厅院所会处部政府室]/;

/**
 * Misspelt names in the agency's name — at its start, or right after a place it names — repaired
 * against the gazetteer, within the place named before them (宿迁市沐阳县 → 沭阳县 of 宿迁市).
 */
function repairNames(name: string, mentions: Mention[]): { mentions: Mention[]; repaired: string; unknown: string[] } {
  let repaired = name;
  const unknown: string[] = [];
  const result = [...mentions];
  const starts = [0, ...mentions.map((m) => m.end)];
  for (const at of starts) {
    if (result.some((m) => m.start === at)) continue;
    const token = NAME_TOKEN.exec(name.slice(at))?.[0];
    if (!token || AGENCY_CHARS.test(token) || result.some((m) => m.start > at && m.start < at + token.length)) continue;
    const before = result.filter((m) => m.end <= at).at(-1);
    const within = before ? (code: string) => before.places.some((p) => isWithin(code, codeOf(p) ?? "")) : undefined;
    const repair = repairPlaceName(token, /(?:街道|苏木)$/.test(token) ? 2 : 1, within);
    if (!repair) {
      // 县 and 旗 are always counties; …区 may be a development zone under its city (高新区).
      if (/[县旗]$/.test(token) && token.length >= 3) unknown.push(token);
      continue;
    }
    result.push({ start: at, end: at + token.length, places: repair.places, weight: 1 });
    if (repair.kind === "misread") repaired = repaired.slice(0, at) + repair.name + repaired.slice(at + token.length);
  }
  return { mentions: result.sort((a, b) => a.start - b.start), repaired, unknown };
}

/** Region names for a set of divisions that could not be told apart: only what they share. */
function sharedRegion(codes: string[]): Region {
  const chains = codes.map((c) => [...ancestorsOf(c), divisionByCode(c)!]);
  const shared = (level: "province" | "city") => {
    const names = new Set(chains.map((chain) => chain.find((d) => d.level === level)?.name ?? null));
    return names.size === 1 ? [...names][0] : null;
  };
  return { code: null, province: shared("province"), city: shared("city"), county: null };
}

export function readRegion(agency: string | null, head: string): RegionReading {
  if (!agency) return { region: EMPTY_REGION, issues: [], agency };
  let mentions = agencyMentions(agency);
  // A name with no other place may still give one in short form (中国人民银行长沙中心支行).
  if (mentions.length === 0) mentions = agencyMentions(agency, true);
  const repair = repairNames(agency, mentions);
  const placed = placeFromMentions(repair.mentions, repair.unknown, head, agency);
  return { ...placed, agency: repair.repaired };
}

/** The candidates the agency's name fits best; clues from the opening settle ties. */
function bestCandidates(mentions: Mention[], head: string): string[] {
  const scores = scoreCandidates(mentions);
  const top = Math.max(...scores.values());
  let best = [...scores].filter(([, s]) => s === top).map(([p]) => p);
  if (new Set(best.map(codeOf)).size > 1) {
    const clues = cluesIn(head);
    const clued = best.map((p) => [p, clueCount(p, clues)] as const);
    const topClue = Math.max(...clued.map(([, s]) => s));
    best = clued.filter(([, s]) => s === topClue).map(([p]) => p);
  }
  return [...new Set(best.map(codeOf).filter((c): c is string => c !== undefined))];
}

function placeFromMentions(mentions: Mention[], unknown: string[], head: string, agency: string): Omit<RegionReading, "agency"> {
  const warn = (code: string, message: string): ReportIssue[] => [{ code, severity: "warning", message }];
  if (mentions.length === 0) return { region: EMPTY_REGION, issues: warn("REGION_UNKNOWN", `no division named in the agency "${agency}"`) };
  const codes = bestCandidates(mentions, head);
  if (codes.length > 1) {
    return { region: sharedRegion(codes), issues: warn("REGION_AMBIGUOUS", `the agency's place could be any of ${listed(codes.map(regionPath))}`) };
  }
  const region = { ...EMPTY_REGION, ...regionOf(codes[0]) };
  if (unknown.length && divisionByCode(codes[0])!.level !== "county") {
    // The agency sits in a county the gazetteer does not know: say where it is, not which code.
    return { region: { ...region, code: null }, issues: warn("REGION_UNKNOWN", `${unknown.join(", ")} is no known division under ${regionPath(codes[0])}`) };
  }
  return { region, issues: [] };
}

function listed(names: string[], shown = 6): string {
  return names.length <= shown ? names.join(", ") : `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}

function regionPath(code: string): string {
  return [...ancestorsOf(code), divisionByCode(code)!].map((d) => d.name).join("");
}
