/**
 * A report's source page in the built server: a PDF's text layer is extracted there (inside the
 * server build, not the reader's worker pool) and shown as plain text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { reports, sources } from "@/db/schema";
import { openWebFixture, webSkipReason, type WebFixture } from "./support/context";

const skip = webSkipReason();

describe.skipIf(skip)("a PDF report's source page", () => {
  let web: WebFixture;

  beforeAll(async () => {
    web = await openWebFixture();
  });
  afterAll(async () => {
    await web?.close();
  });

  it("shows the PDF's text, as text", async () => {
    const pdfs = await web.database.db
      .select({ id: reports.id, agencyId: reports.agencyId, fileName: sources.fileName })
      .from(reports)
      .innerJoin(sources, eq(sources.id, reports.sourceId))
      .where(eq(sources.format, "pdf"));
    expect(pdfs.length, "the bundled reports include PDFs").toBeGreaterThan(0);
    for (const pdf of pdfs) {
      const response = await fetch(new URL(`/agencies/${pdf.agencyId}/source/${pdf.id}`, web.baseUrl));
      expect(response.status, pdf.fileName).toBe(200);
      const html = await response.text();
      expect(html, pdf.fileName).toContain("原文为 PDF");
      expect(html, pdf.fileName).toMatch(/政府信息公开工作年度报告/);
      expect(html, pdf.fileName).toMatch(/收到和处理政府信息公开申请情况/);
    }
  });
});
