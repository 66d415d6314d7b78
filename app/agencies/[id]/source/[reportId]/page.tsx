import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getAgencyById, getSourceByReport } from "@/db/queries/dashboard";
import { extractDocument } from "@/lib/report/extract";
import { Card, PageHeader } from "../../../../_components/card";

export const metadata: Metadata = { title: "年报原文" };

const idSchema = z.coerce.number().int().positive().max(2_000_000_000);

const FORMAT_NOTES: Record<string, string> = {
  pdf: "原文为 PDF，以下为提取的文字层。",
  docx: "原文为 Word 文档，以下为提取的文字。",
  doc: "原文为 Word 97-2003 文档（.doc），以下为提取的文字（表格单元格以制表符分隔）。",
  html: "原文为网页，以下为提取的文字（表格每行一行，单元格以制表符分隔）。",
};

/**
 * The document a report was read from, as plain text in a <pre>: never rendered as HTML, so
 * nothing in a published file can run or restyle the portal.
 */
export default async function SourcePage({ params }: { params: Promise<{ id: string; reportId: string }> }) {
  const raw = await params;
  const agencyId = idSchema.safeParse(raw.id);
  const reportId = idSchema.safeParse(raw.reportId);
  if (!agencyId.success || !reportId.success) notFound();
  const [source, agency] = await Promise.all([getSourceByReport(reportId.data), getAgencyById(agencyId.data)]);
  if (!source || !agency || source.agencyId !== agency.id) notFound();
  const document = await extractDocument(source.bytes, source.fileName);
  const text = "error" in document ? null : document.text;
  return (
    <>
      <nav aria-label="位置" className="mb-2 text-xs text-slate-500">
        <Link href="/agencies" className="hover:text-accent">
          机关
        </Link>
        <span className="mx-1">›</span>
        <Link href={`/agencies/${agency.id}?year=${source.year}`} className="hover:text-accent">
          {agency.name}
        </Link>
        <span className="mx-1">›</span>
        {source.year} 年度报告原文
      </nav>
      <PageHeader title={`${agency.name} ${source.year} 年度报告原文`} summary={FORMAT_NOTES[source.format]} />
      <Card
        title={source.fileName}
        description={[source.format.toUpperCase(), source.charset].filter(Boolean).join(" · ")}
        actions={
          <a
            href={`/agencies/${agency.id}/source/${source.reportId}/file`}
            className="inline-flex items-center rounded border border-slate-300 bg-white px-2.5 py-1 text-xs text-slate-700 hover:border-accent hover:text-accent"
          >
            下载原始文件
          </a>
        }
      >
        {text === null ? (
          <p className="text-sm text-slate-600">无法从原始文件中提取文字，请下载原始文件查看。</p>
        ) : (
          <pre data-testid="source-text" className="max-h-[75vh] overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-4 text-sm leading-6 text-slate-800">
            {text}
          </pre>
        )}
      </Card>
    </>
  );
}
