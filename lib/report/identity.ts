/** Identity of a report: agency, year covered and place. */
import type { Region, ReportIssue } from "./types";

export interface ReportIdentity {
  agency: string | null;
  year: number | null;
  region: Region;
  issues: ReportIssue[];
}

// Placeholder until the identity module lands.
export function readIdentity(_text: string): ReportIdentity {
  return { agency: null, year: null, region: { code: null, province: null, city: null, county: null }, issues: [] };
}
