/**
 * Short forms of division names, as reports write them: 黔南州 for 黔南布依族苗族自治州,
 * 保亭县 for 保亭黎族苗族自治县, 长沙 for 长沙市.
 */

/** The 55 minority nationalities (GB 3304) that appear inside autonomous divisions' names. */
const NATIONALITIES = [
  "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
  "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
  "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
  "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
  "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
];

// Longest names first so 土家族 is not read as 土 + 家族.
const NATIONALITY_RUN = new RegExp(
  `(?:${[...NATIONALITIES].sort((a, b) => b.length - a.length).join("|")})族(?:自治)?$`,
);

/** Removes trailing "X族Y族" from a base name (保亭黎族苗族 → 保亭). */
function stripNationalities(base: string): string {
  let rest = base;
  for (let guard = 0; guard < 4; guard++) {
    const match = NATIONALITY_RUN.exec(rest);
    if (!match || match.index === 0) break;
    rest = rest.slice(0, match.index);
  }
  return rest;
}

// Order matters: the longest suffix that matches is removed.
const SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "特区", "省", "市", "州", "盟", "县", "区", "旗"];

/**
 * Short forms of a province, city or county name, never shorter than two characters:
 * 湘潭县 → [湘潭]; 黔南布依族苗族自治州 → [黔南, 黔南州]; 内蒙古自治区 → [内蒙古].
 */
export function shortNames(name: string): string[] {
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length);
  if (!suffix) return [];
  const base = stripNationalities(name.slice(0, -suffix.length));
  const forms = new Set<string>();
  if (base.length >= 2) forms.add(base);
  // 自治州 → 州, 自治县 → 县: the form reports use (黔南州, 保亭县).
  if (suffix !== "自治区" && suffix.startsWith("自治") && base.length >= 2) forms.add(base + suffix[2]);
  forms.delete(name);
  return [...forms];
}
