/**
 * The year a report covers: the title's year (统计期限 statements are sometimes copied from the
 * year before and left stale), else the statistics period, else the year the opening sentences
 * speak of. Publication dates (发布日期: 2026-01-21), page headers and garbled dates are ignored.
 */
import type { TitleMatch } from "./agency";

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** "统计期限自2025年1月1日起", "本报告统计数据从2022年1月1日至12月31日". */
const PERIOD =
  /(?:统计期限|统计时限|统计时间|统计周期|统计区间|统计数据|数据统计|所列数据|数据期限|时间范围)[^。\n]{0,40}?(\d{4})年1月1日/;
/** "2023年,…", "2023年度,…", "2023年以来,…" at the start of a line; "截至2023年12月31日". */
const OPENING_YEAR =
  /(?:^|\n)(?:\([一二三四五六七八九十]\)|[一二三四五六七八九十]、)?[^\n,。]{0,12}?(\d{4})年(?:度|以来)?,|(?:截至|截止)(?:到)?(\d{4})年12月31日/g;

export interface YearReading {
  year: number | null;
  /** Where the year came from, and a second opinion that disagreed, if any. */
  source: "title" | "period" | "prose" | null;
  conflict: number | null;
}

function plausible(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

function periodYear(head: string): number | null {
  const m = PERIOD.exec(head);
  return m && plausible(Number(m[1])) ? Number(m[1]) : null;
}

/** The year most opening sentences name; ties go to the later year. */
function proseYear(head: string): number | null {
  const counts = new Map<number, number>();
  for (const m of head.matchAll(OPENING_YEAR)) {
    const year = Number(m[1] ?? m[2]);
    if (plausible(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, count] of counts) {
    if (best === null || count > counts.get(best)! || (count === counts.get(best)! && year > best)) best = year;
  }
  return best;
}

/**
 * Titles can disagree when a page also lists other years' reports: then the one matching the
 * statistics period is the report's own; otherwise the first title counts.
 */
export function readYear(head: string, titles: TitleMatch[]): YearReading {
  const period = periodYear(head);
  const years = titles.map((t) => t.year).filter(plausible);
  const title = period !== null && years.includes(period) ? period : (years[0] ?? null);
  if (title !== null) return { year: title, source: "title", conflict: period !== null && period !== title ? period : null };
  if (period !== null) return { year: period, source: "period", conflict: null };
  const prose = proseYear(head);
  return { year: prose, source: prose === null ? null : "prose", conflict: null };
}
