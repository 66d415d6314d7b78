/**
 * The agency that publishes the report, read from the strongest source present:
 * the title line, then the report phrase in the preamble (现发布…报告), "本报告由…编制", the page's
 * metadata fields, "请与…联系", and last the subject of the first sentence ("2023年,X认真…").
 */
import { scanPlaceNames } from "@/lib/places";
import { acrossLines } from "./text";

/** Endings of an agency's name (or of a bare division name standing for its government). */
const AGENCY_END =
  /(?:政府|办公室|办公厅|办事处|委员会|管委会|局|厅|委|办|署|中心|院|馆|所|站|队|会|处|社|部|行|海关|公司|集团|大学|学校|镇|乡|街道|苏木|区|县|市|旗|州|盟)$/;
/** Words that open a relative reference (我局, 本机关, 区卫生健康委), never a full name. */
const RELATIVE_START = /^(?:我|本|该|全|各|上级|有关|相关)/;
const LEVEL_START = /^(?:区|县|市|省|州|镇|乡)/;
const LEADING_VERBS = /^(?:现将|现予|现发布|现公布|现形成|现编制|现向社会公布|特向社会公布|向社会公布|特此公布|公布|发布|编制|形成|制作|现)+/;
const REPORT_VERB_BEFORE = /(?:现将|现予|发布|公布|形成|编制|制作|报送)《?$/;
const SEPARATORS = /[,。;:!?、|>》《“”"'\[\]【】]/;
const MAX_NAME = 40;

/** What follows 信息公开 in a report's title: 工作年度报告, 年度工作报告, 工作情况报告, 年报. */
const TITLE_TAIL = "(?:(?:工作|年度|情况|的)){0,4}(?:报告|年报)";

/** The report's subject: (政府)信息公开, or 政务公开, as some agencies title the same report. */
const DISCLOSURE = "(?:(?:政府)?信息公开|政务公开)";

/** 2023年政府信息公开工作年度报告, with line breaks allowed anywhere (titles wrap). */
export const TITLE_CORE = new RegExp(
  `(\\d{4})\\n*年\\n*(?:度\\n*)?(?:(?:${acrossLines("政府")}\\n*)?${acrossLines("信息公开")}|${acrossLines("政务公开")})\\n*(?:(?:${["工作", "年度", "情况", "的"].map(acrossLines).join("|")})\\n*){0,4}(?:${acrossLines("报告")}|${acrossLines("年报")})`,
  "g",
);

/** "2022年度十堰市住房和城乡建设局政府信息公开工作报告": the year before the name. */
const YEAR_THEN_AGENCY = new RegExp(`(\\d{4})年度?((?!度|政府)[^\\d\\n,。;:、《》]{2,40}?)(?<!人民)${DISCLOSURE}${TITLE_TAIL}`, "g");

/** "XX县人民政府政府信息公开工作年度报告(2023年度)": the year after the title, or on the line below. */
const AGENCY_THEN_YEAR = new RegExp(`(?:^|\\n)([^\\d\\n]{2,60}?)(?<!人民)${DISCLOSURE}${TITLE_TAIL}\\n?\\((\\d{4})年?度?\\)`, "g");

export interface TitleMatch {
  year: number;
  index: number;
  agency: string | null;
}

/** A mention of some other report (关于做好2022年度政府信息公开工作年度报告编制…的通知). */
function isReference(head: string, start: number, end: number): boolean {
  const after = head.slice(end, end + 8);
  if (/^(?:编制|发布|报送|工作的|有关|的通知|格式|数据报送)/.test(after)) return true;
  const lineStart = head.lastIndexOf("\n", start) + 1;
  const before = head.slice(lineStart, start);
  const open = before.lastIndexOf("《");
  if (open >= 0 && before.indexOf("》", open) < 0) {
    const close = head.indexOf("》", end);
    const quoted = head.slice(lineStart + open, close < 0 ? end : close);
    if (/关于|通知|要点|办法|规定|意见/.test(quoted)) return true;
  }
  return /关于(?:做好|印发|报送|开展|编制|发布)[^,。]{0,20}$/.test(before);
}

function isNavigation(line: string): boolean {
  return /当前位置|所在位置|现在的位置|首页>|>>/.test(line);
}

/** Removes what is not part of a name: labels, verbs, (以下简称…), (机关), leading years. */
export function cleanAgency(raw: string): string | null {
  // A name set off in brackets before the title: 【湘潭县财政局】2023年…
  let name = raw.replace(/[【\[〔]([^【】\[\]〔〕]+)[】\]〕]\s*$/, "$1").replace(/\((?:以下简称|下称|简称)[^)]*\)/g, "");
  // The last part that says anything: 湘潭县人民政府:2023年… names it before the colon.
  const parts = name.split(SEPARATORS).filter((part) => part.trim() !== "");
  name = parts[parts.length - 1] ?? "";
  // Page chrome glued to the title once spaces are gone: 湘潭县人民政府门户网站湘潭县医疗保障局.
  name = name.replace(/^.*(?:网站|首页|专栏|频道|栏目|年报)/, "");
  name = name.replace(LEADING_VERBS, "").replace(/^\d{4}年度?/, "").replace(/关于$/, "");
  // A parenthesis that names no place is a tag or a remark: (图解), (机关).
  name = name.replace(/\(([^)]*)\)/g, (whole, inner: string) => (scanPlaceNames(inner).length ? whole : ""));
  name = name.replace(/^[-—_·\s]+|[-—_·\s]+$/g, "");
  if (name.length < 2 || name.length > MAX_NAME || /\d/.test(name)) return null;
  // The ending alone (政府, 人民政府 read off 人民政府信息公开…) names no one.
  const ending = AGENCY_END.exec(name);
  if (!ending || ending[0] === name || name === "人民政府") return null;
  return isRelative(name) ? null : name;
}

/** Every title-like phrase with its year and, where it gives one, the agency, in text order. */
export function findTitles(head: string): TitleMatch[] {
  return [...titlesWithNameFirst(head), ...titlesWithYearFirst(head), ...titlesWithYearAfter(head)].sort((a, b) => a.index - b.index);
}

function lineAround(head: string, index: number): { start: number; text: string } {
  const start = head.lastIndexOf("\n", index) + 1;
  const end = head.indexOf("\n", index);
  return { start, text: head.slice(start, end < 0 ? undefined : end) };
}

/** "湘潭县医疗保障局2025年政府信息公开工作年度报告", or the name alone on the line above. */
function titlesWithNameFirst(head: string): TitleMatch[] {
  const titles: TitleMatch[] = [];
  for (const m of head.matchAll(TITLE_CORE)) {
    const start = m.index!;
    if (isReference(head, start, start + m[0].length)) continue;
    const line = lineAround(head, start);
    if (isNavigation(line.text)) continue;
    const before = head.slice(line.start, start);
    const opensLine = before.replace(/[|:标题]|关于/g, "") === "";
    const agency = cleanAgency(before) ?? (opensLine ? agencyOnLineBefore(head, line.start) : null);
    // Without a name before it, the phrase is a title only at the start of a line or after a
    // report verb (现将2022年度…报告如下); in a list (公开了…、2022年…报告、) it names another report.
    if (agency || opensLine || REPORT_VERB_BEFORE.test(before)) titles.push({ year: Number(m[1]), index: start, agency });
  }
  return titles;
}

/** "现将2022年度十堰市住房和城乡建设局政府信息公开工作报告如下". */
function titlesWithYearFirst(head: string): TitleMatch[] {
  return [...head.matchAll(YEAR_THEN_AGENCY)]
    .filter((m) => !isReference(head, m.index!, m.index! + m[0].length))
    .map((m) => ({ year: Number(m[1]), index: m.index!, agency: cleanAgency(m[2]) }));
}

/** "常德市鼎城区人民政府政府信息公开工作年度报告(2022年度)". */
function titlesWithYearAfter(head: string): TitleMatch[] {
  return [...head.matchAll(AGENCY_THEN_YEAR)]
    .filter((m) => !isNavigation(m[1]))
    .map((m) => ({ year: Number(m[2]), index: m.index!, agency: cleanAgency(m[1]) }));
}

const COVER_REACH = 300;

/**
 * A cover page: the title, the year (in brackets) on the next line or in the title, and the
 * agency's name alone on a line below them.
 */
function agencyBelowTitle(head: string, titles: TitleMatch[]): string | null {
  for (const title of titles) {
    if (title.agency) continue;
    // The three lines after the title's: a cover puts the name right under the title and year.
    const below = head.slice(title.index, title.index + COVER_REACH).split("\n").slice(1, 4).map((line) => line.trim()).filter(Boolean);
    const line = below.find((l) => !/^\(?\d{4}年?度?\)?$/.test(l));
    if (line === undefined) continue;
    const name = cleanAgency(line);
    if (name !== null && name === line) return name;
  }
  return null;
}

/** A title printed as two lines: the name alone on the line before "2024年政府信息公开…". */
function agencyOnLineBefore(head: string, lineStart: number): string | null {
  const lines = head.slice(0, lineStart).split("\n").map((l) => l.trim()).filter(Boolean);
  const previous = lines[lines.length - 1];
  if (!previous || previous.length > MAX_NAME || /[,。:;|]/.test(previous)) return null;
  return cleanAgency(previous);
}

const METADATA_LABELS = [["公开主体", "发布机构"], ["发文机关", "发布单位"], ["信息来源", "来源"]];

/** The page's own fields (公开主体: 上海市崇明区教育局); only a value that names a place counts. */
function fromMetadata(head: string): string | null {
  for (const labels of METADATA_LABELS) {
    const pattern = new RegExp(`(?:${labels.join("|")}):?\\n?([^\\s|:,]{2,40})`, "g");
    for (const m of head.matchAll(pattern)) {
      const name = cleanAgency(m[1].replace(/(?:发文|发布|成文|生效|公开|索引|文号|分类)[^]*$/, ""));
      if (name && startsWithPlace(name)) return name;
    }
  }
  return null;
}

function startsWithPlace(name: string): boolean {
  return scanPlaceNames(name).some((m) => m.start === 0);
}

/** 我局, 区卫生健康委: a name that only makes sense inside its own report (本溪市, 市中区 are places). */
function isRelative(name: string): boolean {
  return (RELATIVE_START.test(name) || LEVEL_START.test(name)) && !startsWithPlace(name);
}

function firstProse(head: string, pattern: RegExp): string | null {
  for (const m of head.matchAll(pattern)) {
    const name = cleanAgency(m[1]);
    if (name) return name;
  }
  return null;
}

/** A title line with no year in it ("湘潭县医疗保障局政府信息公开工作年度报告", the year elsewhere). */
const YEARLESS_TITLE = new RegExp(`(?:^|\\n)([^\\d\\n]{2,40}?)(?<!人民)${DISCLOSURE}${TITLE_TAIL}(?=\\n|$)`, "g");
/** "本报告由包头市人民政府外事办公室根据…编制", "由…街道办事处编制". */
const COMPILED_BY = /由([^\n,。;:、由]{2,40}?)(?:根据|依据|按照|编制|负责|制作)/g;
/** "…,长沙县财政局编制了本年度报告". */
const COMPILED_SUBJECT = /(?:^|[\n,。;:])([^\n,。;:、]{2,40}?)(?:编制|制作)了?本(?:年度)?报告/g;
/** "请与杭州市公安局滨江区分局联系". */
const CONTACT = /请(?:与|联系)([^\n,。;:、()]{2,40}?)(?:联系|\()/g;
/** "2023年,阿尔善宝力格镇人民政府认真贯彻…": the subject of the opening sentence. */
const OPENING_SUBJECT =
  /(?:^|\n)\d{4}年(?:度|以来)?,([^\n,。;:、]{2,40}?)(?:认真|严格|坚持|始终|深入|紧紧|按照|全面|持续|积极|高度|切实|进一步|围绕|结合|聚焦|扎实|不断|紧扣|牢固|全力|着力|大力|继续|强化|以|在|把|将|依据|根据|贯彻)/g;

/**
 * The agency, or null. Titles come first; prose sources must name a full agency
 * (not 我局 or 区卫生健康委).
 */
export function readAgency(head: string, titles: TitleMatch[], year: number | null, tail = ""): string | null {
  const fromTitle = (titles.find((t) => t.agency && t.year === year) ?? titles.find((t) => t.agency))?.agency;
  const found =
    fromTitle ??
    agencyBelowTitle(head, titles) ??
    firstProse(head, YEARLESS_TITLE) ??
    firstProse(head, COMPILED_BY) ??
    firstProse(head, COMPILED_SUBJECT) ??
    fromMetadata(head) ??
    firstProse(head, CONTACT) ??
    firstProse(head, OPENING_SUBJECT) ??
    fromSignature(tail);
  return found ? fullForm(found, head) : null;
}

const SIGNATURE_DATE = /\d{4}年[\d一二三四五六七八九十〇零]{1,3}月[\d一二三四五六七八九十〇零]{1,3}日$|\d{4}-\d{1,2}-\d{1,2}$/;

/**
 * The report's signature (落款): the agency's name on a line of its own, or before the date, over
 * the date that closes the report. The last one in `tail` (the report's normalised closing lines).
 */
function fromSignature(tail: string): string | null {
  const lines = tail.split("\n").map((line) => line.trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    const date = SIGNATURE_DATE.exec(lines[i]);
    if (!date) continue;
    const sameLine = lines[i].slice(0, date.index);
    const candidate = sameLine !== "" ? sameLine : lines[i - 1];
    const name = candidate === undefined ? null : cleanAgency(candidate);
    if (name && name === candidate) return name;
  }
  return null;
}

/**
 * The formal name where the report gives it: a bare 於潜镇 or 青龙镇政府 becomes 於潜镇人民政府
 * when the text writes that form somewhere.
 */
function fullForm(name: string, head: string): string {
  const base = governmentBase(name);
  return base && head.includes(`${base}人民政府`) ? `${base}人民政府` : name;
}

/** 青龙镇政府 → 青龙镇, 於潜镇 → 於潜镇; null for names of other bodies. */
function governmentBase(name: string): string | null {
  if (name.endsWith("人民政府")) return null;
  if (name.endsWith("政府")) return name.slice(0, -2);
  return /(?:镇|乡|苏木|县|区|市|旗)$/.test(name) ? name : null;
}
