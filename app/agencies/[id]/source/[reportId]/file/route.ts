// GET /agencies/:id/source/:reportId/file — the original report file, always as a download.
import { z } from "zod";
import { getSourceByReport } from "@/db/queries/dashboard";

const idSchema = z.coerce.number().int().positive().max(2_000_000_000);

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; reportId: string }> }) {
  const raw = await params;
  const agencyId = idSchema.safeParse(raw.id);
  const reportId = idSchema.safeParse(raw.reportId);
  if (!agencyId.success || !reportId.success) return new Response("not found", { status: 404 });
  const source = await getSourceByReport(reportId.data);
  if (!source || source.agencyId !== agencyId.data) return new Response("not found", { status: 404 });
  const ascii = source.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  // octet-stream + attachment + nosniff: a published HTML file is saved, never rendered on this site.
  return new Response(new Uint8Array(source.bytes), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(source.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
