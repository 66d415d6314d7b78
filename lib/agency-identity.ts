/**
 * The store's identity rule for an agency across years. Reports print the same agency's name in
 * different ways from year to year (洪泽区人民政府 / 淮安市洪泽区人民政府, 湘潭县X局 /
 * 湖南省湘潭市湘潭县X局, full-width letters, stray spaces). The reader keeps the name as printed;
 * the store files a reading under this key instead: the name, width- and space-normalised, with
 * any leading names of its region's ancestors (province, city; full or short form) removed. The
 * key is unique together with the region code, so the same words in two places stay two agencies.
 */
import { ancestorsOf, divisionByCode, shortNames, type Division } from "./places";

/** Full-width letters and digits to ASCII (NFKC), and every kind of white space removed. */
export function normaliseAgencyName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/gu, "");
}

/** Characters that end a place name: a short form followed by one of them was cut mid-name. */
const PLACE_NAME_ENDINGS = /^[省市州盟县区旗]/u;

/** The identity key of an agency name printed for the division `divisionCode` (null: no place). */
export function agencyIdentityKey(name: string, divisionCode: string | null | undefined): string {
  let key = normaliseAgencyName(name);
  const own = divisionCode ? divisionByCode(divisionCode) : undefined;
  if (!own) return key;
  const ancestors = ancestorsOf(own.code);
  for (let stripped = prefixToStrip(key, own, ancestors); stripped > 0; stripped = prefixToStrip(key, own, ancestors)) {
    key = key.slice(stripped);
  }
  return key;
}

/**
 * Length of an ancestor's name at the start of `key`, or 0. Stops at the division's own name
 * (湘潭县X局 keeps 湘潭县 even though 湘潭 is also the short form of its city 湘潭市), and never
 * takes a short form that would cut a longer place name (湘潭 of 湘潭县) or leave nothing.
 */
function prefixToStrip(key: string, own: Division, ancestors: readonly Division[]): number {
  if (key.startsWith(own.name)) return 0;
  const full = ancestors.map((a) => a.name).filter((n) => key.startsWith(n) && key.length > n.length);
  if (full.length) return Math.max(...full.map((n) => n.length));
  const short = ancestors
    .flatMap((a) => shortNames(a.name))
    .filter((n) => key.startsWith(n) && key.length > n.length && !PLACE_NAME_ENDINGS.test(key.slice(n.length)));
  return short.length ? Math.max(...short.map((n) => n.length)) : 0;
}

/** What one reading needs for naming across a batch; the reader's ParsedReport has these fields. */
export interface NamedReading {
  agency: string | null;
  region: { code: string | null };
  issues: { code: string; severity: "error" | "warning" | "info"; message: string }[];
}

/**
 * One agency, one name across the readings of one batch (one parse run). Readings are the same
 * agency when they share a region code and an identity key. Where one of them prints the name with
 * no higher-level place in front (洪泽区人民政府 rather than 淮安市洪泽区人民政府), that form names
 * them all — it is the agency's own name, the prefix only situates it; otherwise each keeps its
 * printed name. A reading renamed here says what it printed, in an info issue. Returns new readings.
 */
export function unifyAgencyNames<R extends NamedReading>(readings: readonly R[]): R[] {
  const bareName = new Map<string, string>();
  for (const reading of readings) {
    const key = groupKey(reading);
    if (key === null || bareName.has(key)) continue;
    if (normaliseAgencyName(reading.agency!) === agencyIdentityKey(reading.agency!, reading.region.code)) {
      bareName.set(key, reading.agency!);
    }
  }
  return readings.map((reading) => {
    const key = groupKey(reading);
    const name = key === null ? undefined : bareName.get(key);
    if (name === undefined || normaliseAgencyName(name) === normaliseAgencyName(reading.agency!)) return reading;
    const issue = {
      code: "AGENCY_NAME_UNIFIED",
      severity: "info" as const,
      message: `printed as "${reading.agency}"; named "${name}" as another report of the same agency in this batch prints it`,
    };
    return { ...reading, agency: name, issues: [...reading.issues, issue] };
  });
}

function groupKey(reading: NamedReading): string | null {
  if (!reading.agency || !reading.region.code) return null;
  return `${reading.region.code} ${agencyIdentityKey(reading.agency, reading.region.code)}`;
}
