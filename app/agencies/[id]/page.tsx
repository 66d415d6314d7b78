import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getAgencyById, getReportsByAgency } from "@/db/queries/dashboard";
import { PageHeader } from "../../_components/card";
import { CardSlot } from "../../_components/card-slot";
import { kindLabel, placeChain, placeTitleOf } from "../../_lib/data";
import { firstValue, type SearchParams } from "../../_lib/params";
import { AgencyMeasuresCard, AgencyTrendCard } from "./measure-cards";
import { ReportCard } from "./report-card";

const idSchema = z.coerce.number().int().positive().max(2_000_000_000);

async function agencyOf(params: Promise<{ id: string }>) {
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const agency = await getAgencyById(id.data);
  if (!agency) notFound();
  return agency;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = idSchema.safeParse((await params).id);
  const agency = id.success ? await getAgencyById(id.data) : null;
  return { title: agency?.name ?? "机关" };
}

export default async function AgencyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const agency = await agencyOf(params);
  const [reports, chain] = await Promise.all([getReportsByAgency(agency.id), placeChain(agency.divisionCode ?? undefined)]);
  const asked = Number(firstValue(await searchParams, "year"));
  const shown = reports.find((r) => r.year === asked) ?? reports.at(-1);
  return (
    <>
      <nav aria-label="位置" className="mb-2 text-xs text-slate-500">
        <Link href="/agencies" className="hover:text-accent">
          机关
        </Link>
        <span className="mx-1">›</span>
        {agency.name}
      </nav>
      <PageHeader
        title={agency.name}
        summary={`${placeTitleOf(chain)} · ${kindLabel(agency.kind)} · 已收录 ${reports.length} 份年度报告${
          reports.length ? `（${reports.map((r) => r.year).join("、")} 年度）` : ""
        }`}
      />
      <div className="space-y-5">
        <CardSlot title="历年申请办理">
          <AgencyTrendCard agencyId={agency.id} name={agency.name} />
        </CardSlot>
        <CardSlot title="历年指标">
          <AgencyMeasuresCard agencyId={agency.id} name={agency.name} />
        </CardSlot>
        {shown ? (
          <>
            <nav aria-label="年度" className="flex flex-wrap gap-2">
              {reports.map((r) => (
                <Link
                  key={r.id}
                  href={`/agencies/${agency.id}?year=${r.year}`}
                  scroll={false}
                  aria-current={r.id === shown.id ? "page" : undefined}
                  className={`rounded border px-3 py-1 text-sm ${
                    r.id === shown.id ? "border-accent bg-accent text-white" : "border-slate-300 bg-white text-slate-700 hover:border-accent"
                  }`}
                >
                  {r.year} 年度
                </Link>
              ))}
            </nav>
            <ReportCard agencyId={agency.id} report={shown} />
          </>
        ) : null}
      </div>
    </>
  );
}
