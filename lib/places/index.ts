/**
 * The gazetteer of China's administrative divisions: lookups for the reader, the region
 * hierarchy for storage and the dashboard. Pure data, loaded once, no database.
 */
export {
  allDivisions,
  ancestorsOf,
  childrenOf,
  divisionByCode,
  divisionOfPlace,
  divisionsNamed,
  divisionsWithShortName,
  isWithin,
  regionOf,
  scanPlaceNames,
  townshipsNamed,
  townshipsOf,
  type Division,
  type DivisionLevel,
  type Place,
  type PlaceName,
  type RegionNames,
  type Township,
} from "./gazetteer";
export { shortNames } from "./names";
export { areaCodesIn, divisionsForAreaCode } from "./phone";
export { repairPlaceName, type NameRepair } from "./repair";
export { glyphDistance } from "./glyphs";
export { hostLabelsIn, labelNamesPlace, pinyinForms } from "./web";
