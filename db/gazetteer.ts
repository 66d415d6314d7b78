/**
 * The administrative divisions stored in the `divisions` table, and the place codes copied onto
 * an agency for region filters. Both come from the project's gazetteer (lib/places), the same
 * one the reader places agencies with, so the database and the reader never disagree.
 */
import { allDivisions, divisionByCode, type Division } from "../lib/places";

export type DivisionRow = Division;

/** Every province, city and county-level division with its 6-digit code and parent. */
export function gazetteerDivisions(): DivisionRow[] {
  return allDivisions().map((d) => ({ code: d.code, name: d.name, level: d.level, parentCode: d.parentCode }));
}

/** 430321 → 430000. Null for a missing or malformed code. */
export function provinceCodeOf(code: string | null | undefined): string | null {
  return code && /^\d{6}$/.test(code) ? `${code.slice(0, 2)}0000` : null;
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
