import type { Metadata } from "next";
import Link from "next/link";
import { getAgenciesByFilters, type ReportFilters } from "@/db/queries/dashboard";
import { Card, EmptyState, PageHeader } from "../_components/card";
import { CardSlot } from "../_components/card-slot";
import { ScrollX } from "../_components/scroll-x";
import { FilterBar, FilterSelect, FilterSearch } from "../_components/filters";
import { KindFilter, PlaceFilter } from "../_components/view-filters";
import { kindLabel, yearOptions } from "../_lib/data";
import { filtersFrom, pageFrom, type SearchParams } from "../_lib/params";

export const metadata: Metadata = { title: "机关" };

const PAGE_SIZE = 30;

async function AnyYearFilter({ year }: { year?: number }) {
  const options = [{ value: "", label: "全部年度" }, ...(await yearOptions())];
  return <FilterSelect name="year" label="年度" value={year ? String(year) : ""} options={options} />;
}

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = filtersFrom(params);
  const page = pageFrom(params);
  return (
    <>
      <PageHeader title="机关" summary="按地区、机关类型、年度和名称查找已收录年度报告的机关，进入机关页面查看历年数据与年报原表。">
        <FilterBar>
          <FilterSearch name="q" label="机关名称" value={filters.q ?? ""} placeholder="如：医疗保障局" />
          <PlaceFilter place={filters.place} />
          <KindFilter kind={filters.kind} />
          <AnyYearFilter year={filters.year} />
        </FilterBar>
      </PageHeader>
      <CardSlot title="机关列表" height={400}>
        <AgencyList filters={filters} page={page} />
      </CardSlot>
    </>
  );
}

function exportHref(filters: ReportFilters, format: "wide" | "long"): string {
  const params = new URLSearchParams({ format });
  for (const name of ["place", "year", "kind", "q"] as const) {
    const value = filters[name];
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  return `/api/export?${params.toString()}`;
}

function pageHref(filters: ReportFilters, page: number): string {
  const params = new URLSearchParams();
  for (const name of ["place", "year", "kind", "q"] as const) {
    const value = filters[name];
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/agencies?${query}` : "/agencies";
}

async function AgencyList({ filters, page }: { filters: ReportFilters; page: number }) {
  const { items, total } = await getAgenciesByFilters(filters, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const linkClass = "rounded border border-slate-300 px-2.5 py-1 text-xs text-slate-700 hover:border-accent hover:text-accent";
  const actions = (
    <>
      <a href={exportHref(filters, "wide")} data-testid="export-wide" className={linkClass}>
        导出年报数据（宽表 CSV）
      </a>
      <a href={exportHref(filters, "long")} data-testid="export-long" className={linkClass}>
        导出（长表 CSV）
      </a>
    </>
  );
  return (
    <Card title="机关列表" description={`共 ${total} 个机关`} actions={total ? actions : null}>
      {items.length === 0 ? (
        <EmptyState message="没有符合条件的机关" hint="可放宽地区、类型或年度条件，或换一个名称关键词。" />
      ) : (
        <ScrollX columns={4}>
          <table data-testid="table-agencies" className="tabular w-full min-w-max text-sm">
            <thead>
              <tr className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
                <th scope="col" className="sticky left-0 z-[1] bg-slate-50 px-3 py-2 font-medium shadow-[1px_0_0_#e2e8f0]">机关</th>
                <th scope="col" className="px-3 py-2 font-medium">所在地区</th>
                <th scope="col" className="px-3 py-2 font-medium">类型</th>
                <th scope="col" className="px-3 py-2 font-medium">已收录年度</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} className="border-b border-slate-100 last:border-0">
                  <td className="sticky left-0 z-[1] bg-white px-3 py-2 shadow-[1px_0_0_#e2e8f0]">
                    <Link href={`/agencies/${a.id}`} className="text-accent hover:underline">
                      {a.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2 text-slate-600">{a.placeName ?? "—"}</td>
                  <td className="px-3 py-2 text-slate-600">{kindLabel(a.kind)}</td>
                  <td className="px-3 py-2 text-slate-600">{a.years.join("、")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
      {pages > 1 ? (
        <nav aria-label="分页" className="mt-4 flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link href={pageHref(filters, page - 1)} className={linkClass}>
              上一页
            </Link>
          ) : (
            <span />
          )}
          <span className="text-xs text-slate-500">
            第 {page} / {pages} 页
          </span>
          {page < pages ? (
            <Link href={pageHref(filters, page + 1)} className={linkClass}>
              下一页
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </Card>
  );
}
