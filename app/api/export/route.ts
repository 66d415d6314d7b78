// GET /api/export — every report matching the dashboard's filters, streamed as one CSV (wide or long).
import { z } from "zod";
import { agencyKindLabel } from "@/lib/agency-kind";
import { csvFileName, csvHeaders, csvStream, type CsvRow } from "@/lib/csv";
import { EXPORT_FORMATS, exportColumns, exportRows, type ExportFormat } from "@/lib/csv/report-export";
import { TEMPLATE_IDS, type TemplateId } from "@/lib/metrics/dictionary";
import { getDivisionNames, reportFiltersSchema, type ReportFilters } from "@/db/queries/dashboard";
import { getExportPages } from "@/db/queries/export";

export const dynamic = "force-dynamic";

const FILTER_NAMES = ["place", "year", "kind", "q"] as const;

const shapeSchema = z.object({
  format: z.enum(EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]]).default("wide"),
  template: z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]]).optional(),
});

const FORMAT_LABELS: Record<ExportFormat, string> = { wide: "宽表", long: "长表" };

type Query = { filters: ReportFilters; format: ExportFormat; template?: TemplateId };

/**
 * The filters go through the dashboard's own schema, so they mean what they mean on the pages.
 * That schema drops a bad value (a stale link still opens a page); an export must not silently
 * widen to the whole country instead, so a given-but-dropped value is an error here.
 */
function parseQuery(params: URLSearchParams): { ok: true; query: Query } | { ok: false; error: string } {
  const raw = Object.fromEntries(FILTER_NAMES.map((n) => [n, params.get(n) ?? undefined]));
  const filters = reportFiltersSchema.parse(raw);
  const dropped = FILTER_NAMES.filter((n) => raw[n]?.trim() && filters[n] === undefined);
  if (dropped.length > 0) return { ok: false, error: `invalid parameter: ${dropped.join(", ")}` };
  const shape = shapeSchema.safeParse({
    format: params.get("format") || undefined,
    template: params.get("template") || undefined,
  });
  if (!shape.success) {
    return { ok: false, error: `invalid parameter: ${shape.error.issues.map((i) => i.path.join(".")).join(", ")}` };
  }
  return { ok: true, query: { filters, ...shape.data } };
}

async function fileNameOf({ filters, format, template }: Query): Promise<string> {
  const placeName = filters.place ? (await getDivisionNames([filters.place])).get(filters.place) : undefined;
  return csvFileName("政务公开年报", [
    placeName ?? filters.place ?? "全国",
    filters.year,
    filters.kind && agencyKindLabel(filters.kind),
    filters.q,
    template && `${template}模板`,
    FORMAT_LABELS[format],
  ]);
}

async function* rowsOf({ filters, format, template }: Query): AsyncGenerator<CsvRow> {
  try {
    for await (const page of getExportPages(filters, { template })) {
      for (const { report, values } of page) yield* exportRows(format, report, values);
    }
  } catch (error) {
    // The headers are gone by now: the client sees a cut-off download, the log says why.
    console.error("export: the CSV stream failed", error);
    throw error;
  }
}

export async function GET(request: Request): Promise<Response> {
  const parsed = parseQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  const { query } = parsed;
  const columns = exportColumns(query.format, query.template ? [query.template] : undefined);
  return new Response(csvStream(columns, rowsOf(query)), { headers: csvHeaders(await fileNameOf(query)) });
}
