/**
 * Web addresses as clues: government sites are mostly named after their place in pinyin
 * (www.qiannan.gov.cn for 黔南, www.zizhou.gov.cn for 子洲). Pinyin from `pinyin-pro`.
 */
import { pinyin } from "pinyin-pro";
import { shortNames } from "./names";

const HOST = /(?:https?:\/\/)?((?:[a-z0-9-]+\.)+(?:gov\.cn|com\.cn|org\.cn|net\.cn|cn|com|net|org))\b/gi;
/** Labels every site has, which say nothing about the place. */
const GENERIC_LABELS = new Set(["www", "gov", "cn", "com", "net", "org", "zwgk", "xxgk", "zfxxgk", "http", "https"]);
/** Shorter pinyin (xian, an) would match too many addresses by chance. */
const MIN_PINYIN = 4;

/** The labels of the host names written in a text: www.qiannan.gov.cn → [qiannan]. */
export function hostLabelsIn(text: string): string[] {
  const labels = new Set<string>();
  for (const m of text.matchAll(HOST)) {
    for (const label of m[1].toLowerCase().split(/[.-]/)) if (label && !GENERIC_LABELS.has(label)) labels.add(label);
  }
  return [...labels];
}

const cache = new Map<string, string[]>();

/** Pinyin forms of a place name: 黔南布依族苗族自治州 → [qiannan, qiannanzhou]. */
export function pinyinForms(name: string): string[] {
  let forms = cache.get(name);
  if (!forms) {
    const words = [name, ...shortNames(name)].filter((w) => /^[\u4e00-\u9fff]+$/.test(w));
    forms = [...new Set(words.map((w) => pinyin(w, { toneType: "none", type: "array" }).join("")))].filter((p) => p.length >= MIN_PINYIN);
    cache.set(name, forms);
  }
  return forms;
}

/** True when a site label is named after the place: equal to its pinyin, or starting or ending with it. */
export function labelNamesPlace(label: string, placeName: string): boolean {
  return pinyinForms(placeName).some((p) => label === p || label.startsWith(p) || label.endsWith(p));
}
