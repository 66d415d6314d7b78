/**
 * Which national template a report follows. The headers decide: template 2019's table 二 has
 * 本年新制作数量 / 上一年项目数量 / 政府集中采购, template 2021's has 本年制发件数 / 本年收费金额
 * and its table 三 splits （六）其他处理 into 逾期不补正 / 缴纳费用 / 其他. Only when no header
 * says so does the year decide (before 2021 → 2019), and the reader says it guessed.
 */
import type { TemplateId } from "../../metrics/dictionary";
import type { ReportIssue } from "../types";

const MARKERS_2019 = /本年新制作|本年新公开|对外公开总数|上一年项目|本年增\/?减|政府集中采购|其他对外管理服务/g;
const MARKERS_2021 = /本年制发|本年废止|现行有效件数|本年收费金额|逾期不补正|缴纳费用/g;

export interface TemplateDecision {
  template: TemplateId;
  issue: ReportIssue | null;
}

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  return text.match(pattern)?.length ?? 0;
}

/** Decides the template from the tables' text, falling back on the report year. */
export function detectTemplate(tablesText: string, year: number | null): TemplateDecision {
  const votes2019 = count(tablesText, MARKERS_2019);
  const votes2021 = count(tablesText, MARKERS_2021);
  if (votes2019 > votes2021) return { template: "2019", issue: null };
  if (votes2021 > votes2019) return { template: "2021", issue: null };
  const template: TemplateId = year !== null && year < 2021 ? "2019" : "2021";
  const reason = year === null ? "no year either" : `report year ${year}`;
  return {
    template,
    issue: {
      code: "TEMPLATE_GUESSED",
      severity: "info",
      message: `no table header names the template; template ${template} assumed from ${reason}`,
    },
  };
}
