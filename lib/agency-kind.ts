/**
 * The kind of an agency, read from the end of its name: 湘潭县医疗保障局 is a 医疗保障局,
 * 淮安市人民政府 a 人民政府. Reports are compared across agencies of one kind, so the dashboard
 * filters by it and the database indexes it.
 *
 * The rule is general: an agency's name ends with the name of its kind (possibly followed by a
 * branch or office word such as 分局 or 办公室). We match the longest known suffix; names that
 * end with none of them are `other`.
 */

export interface AgencyKind {
  id: string;
  /** The Chinese name of the kind, as shown in the dashboard's filter. */
  label: string;
  /** Name endings that mark this kind, longest first within the kind is not required. */
  suffixes: readonly string[];
}

/** Known kinds, in the order the dashboard lists them. */
export const AGENCY_KINDS = [
  { id: "government", label: "人民政府", suffixes: ["人民政府", "人民政府办公室", "人民政府办公厅", "政府办公室", "政府办公厅", "管理委员会", "管委会", "综合实验区", "新区", "开发区", "街道办事处", "街道", "镇", "乡", "苏木"] },
  { id: "healthcareSecurity", label: "医疗保障局", suffixes: ["医疗保障局", "医疗保障管理局", "医保局"] },
  { id: "health", label: "卫生健康委员会（局）", suffixes: ["卫生健康委员会", "卫生健康局", "卫生健康委", "卫健委", "卫健局", "卫生局"] },
  { id: "publicSecurity", label: "公安局（厅）", suffixes: ["公安局", "公安厅", "公安分局"] },
  { id: "education", label: "教育局（厅）", suffixes: ["教育局", "教育厅", "教育委员会", "教育体育局", "教育和体育局"] },
  { id: "finance", label: "财政局（厅）", suffixes: ["财政局", "财政厅"] },
  { id: "humanResources", label: "人力资源和社会保障局（厅）", suffixes: ["人力资源和社会保障局", "人力资源和社会保障厅", "人力资源社会保障局", "人社局"] },
  { id: "naturalResources", label: "自然资源局（厅）", suffixes: ["自然资源局", "自然资源厅", "自然资源和规划局", "自然资源和规划厅", "规划和自然资源局", "国土资源局"] },
  { id: "ecology", label: "生态环境局（厅）", suffixes: ["生态环境局", "生态环境厅", "环境保护局", "生态环境分局"] },
  { id: "housing", label: "住房和城乡建设局（厅）", suffixes: ["住房和城乡建设局", "住房和城乡建设厅", "住房城乡建设局", "住房和城乡建设委员会", "住建局"] },
  { id: "transport", label: "交通运输局（厅）", suffixes: ["交通运输局", "交通运输厅", "交通运输委员会", "交通局"] },
  { id: "agriculture", label: "农业农村局（厅）", suffixes: ["农业农村局", "农业农村厅", "农业农村委员会", "农业局"] },
  { id: "waterResources", label: "水利局（厅）", suffixes: ["水利局", "水利厅", "水务局"] },
  { id: "commerce", label: "商务局（厅）", suffixes: ["商务局", "商务厅", "商务委员会"] },
  { id: "marketRegulation", label: "市场监督管理局", suffixes: ["市场监督管理局", "市场监管局", "市场监督管理分局"] },
  { id: "emergency", label: "应急管理局（厅）", suffixes: ["应急管理局", "应急管理厅"] },
  { id: "civilAffairs", label: "民政局（厅）", suffixes: ["民政局", "民政厅"] },
  { id: "justice", label: "司法局（厅）", suffixes: ["司法局", "司法厅"] },
  { id: "culture", label: "文化和旅游局（厅）", suffixes: ["文化和旅游局", "文化和旅游厅", "文化广电和旅游局", "文化广电旅游局", "文化旅游局", "文旅局"] },
  { id: "statistics", label: "统计局", suffixes: ["统计局"] },
  { id: "taxation", label: "税务局", suffixes: ["税务局"] },
  { id: "development", label: "发展和改革委员会（局）", suffixes: ["发展和改革委员会", "发展和改革局", "发展改革委", "发改委", "发改局"] },
  { id: "industry", label: "工业和信息化局（厅）", suffixes: ["工业和信息化局", "工业和信息化厅", "工业和信息化委员会", "工信局"] },
  { id: "veteransAffairs", label: "退役军人事务局（厅）", suffixes: ["退役军人事务局", "退役军人事务厅"] },
  { id: "forestry", label: "林业局", suffixes: ["林业局", "林业和草原局"] },
  { id: "dataAdministration", label: "数据局（大数据局）", suffixes: ["数据局", "大数据局", "大数据管理局", "数据资源管理局"] },
  { id: "administrativeApproval", label: "行政审批局", suffixes: ["行政审批局", "行政审批服务局", "政务服务管理局", "政务服务中心", "政务服务和大数据管理局"] },
  { id: "urbanManagement", label: "城市管理局", suffixes: ["城市管理局", "城市管理综合执法局", "城市管理和综合执法局", "综合行政执法局", "城管局"] },
  { id: "other", label: "其他", suffixes: [] },
] as const satisfies readonly AgencyKind[];

export type AgencyKindId = (typeof AGENCY_KINDS)[number]["id"];

/** Words that follow the kind's name in a branch or an office's name: …公安局鹿城分局, …卫生健康局办公室. */
const TRAILING_UNIT_WORDS = ["分局", "办公室", "办公厅", "（局）", "(局)"];

/** Every suffix with its kind, longest first, so 人民政府办公室 wins over 办公室-less matches. */
const SUFFIXES: readonly { suffix: string; kind: AgencyKindId }[] = AGENCY_KINDS.flatMap((k) =>
  k.suffixes.map((suffix) => ({ suffix, kind: k.id as AgencyKindId })),
).sort((a, b) => b.suffix.length - a.suffix.length);

const LABELS = new Map<string, string>(AGENCY_KINDS.map((k) => [k.id, k.label]));

function matchSuffix(name: string): AgencyKindId | null {
  for (const { suffix, kind } of SUFFIXES) if (name.endsWith(suffix)) return kind;
  return null;
}

/**
 * The kind of an agency from its name. Tries the whole name, then the name with a trailing
 * branch or office word removed, then the longest known kind name found inside it followed only
 * by a place or branch (…公安局鹿城区分局 is a 公安局).
 */
export function agencyKindOf(name: string | null | undefined): AgencyKindId {
  const trimmed = (name ?? "").replace(/\s+/g, "");
  if (!trimmed) return "other";
  const direct = matchSuffix(trimmed);
  if (direct) return direct;
  for (const word of TRAILING_UNIT_WORDS) {
    if (!trimmed.endsWith(word)) continue;
    const stem = trimmed.slice(0, -word.length);
    const kind = matchSuffix(stem) ?? kindInsideBranchName(stem);
    if (kind) return kind;
  }
  return "other";
}

/** …公安局鹿城区 (the stem of 公安局鹿城区分局): the kind name is followed by a place name. */
function kindInsideBranchName(stem: string): AgencyKindId | null {
  let best: { at: number; length: number; kind: AgencyKindId } | null = null;
  for (const { suffix, kind } of SUFFIXES) {
    const at = stem.lastIndexOf(suffix);
    if (at < 0) continue;
    const rest = stem.slice(at + suffix.length);
    if (!/^[\u4e00-\u9fa5]{1,8}(区|县|市|旗|镇|乡)?$/.test(rest)) continue;
    if (!best || at + suffix.length > best.at + best.length) best = { at, length: suffix.length, kind };
  }
  return best?.kind ?? null;
}

export function agencyKindLabel(kind: string): string {
  return LABELS.get(kind) ?? LABELS.get("other")!;
}
