/**
 * Identity of a report: the agency that publishes it, the year it covers and where the agency
 * sits (a GB/T 2260 region). Read from the report's opening only; see ./identity/ for each part.
 */
import { findTitles, readAgency } from "./identity/agency";
import { readRegion } from "./identity/region";
import { normaliseHead } from "./identity/text";
import { readYear } from "./identity/year";
import type { Region, ReportIssue } from "./types";

export interface ReportIdentity {
  agency: string | null;
  year: number | null;
  region: Region;
  issues: ReportIssue[];
}

/** How far from its end a report's signature (落款) is looked for. */
const SIGNATURE_REACH = 600;

export function readIdentity(text: string): ReportIdentity {
  const head = normaliseHead(text);
  const titles = findTitles(head);
  const issues: ReportIssue[] = [];

  const year = readYear(head, titles);
  if (year.year === null) issues.push({ code: "YEAR_MISSING", severity: "error", message: "no title year, statistics period or dated opening found" });
  if (year.conflict !== null) {
    issues.push({ code: "YEAR_CONFLICT", severity: "warning", message: `the title says ${year.year} but the statistics period starts in ${year.conflict}; the title's year is kept` });
  }

  const agency = readAgency(head, titles, year.year, normaliseHead(text.slice(-SIGNATURE_REACH)));
  if (agency === null) issues.push({ code: "AGENCY_MISSING", severity: "error", message: "no agency named in the title, preamble, page fields or signature" });
  const region = readRegion(agency, head);
  if (region.agency !== agency && region.agency !== null) {
    issues.push({ code: "AGENCY_REPAIRED", severity: "info", message: `"${agency}" read as "${region.agency}": a misread place name` });
  }
  return { agency: region.agency, year: year.year, region: region.region, issues: [...issues, ...region.issues] };
}
