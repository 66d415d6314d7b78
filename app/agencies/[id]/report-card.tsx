import Link from "next/link";
import type { AgencyReport } from "@/db/queries/dashboard";
import { printedTablesOf, type PrintedTable } from "@/lib/charts/printed-tables";
import { formatValue } from "@/lib/measures";
import { metricLabel, isMetricKey } from "@/lib/metrics/dictionary";
import { Card } from "../../_components/card";
import { ScrollX } from "../../_components/scroll-x";

const SEVERITY = {
  error: { label: "错误", className: "bg-red-100 text-red-800" },
  warning: { label: "提示", className: "bg-amber-100 text-amber-800" },
  info: { label: "说明", className: "bg-slate-100 text-slate-700" },
} as Record<string, { label: string; className: string }>;

const STATUS: Record<string, string> = { clean: "勾稽关系全部相符", warnings: "含推算值或提示", errors: "存在勾稽关系不符" };

const METHOD_NOTE: Record<string, string> = { recovered: "推算值：原表缺失，由勾稽关系推出", corrected: "更正值" };

function Cell({ report, metricKey }: { report: AgencyReport; metricKey: string | null }) {
  if (!metricKey) return <td className="bg-slate-50 px-2 py-1" />;
  const stored = report.values[metricKey];
  const marked = stored && stored.method !== "read";
  return (
    <td
      className={`whitespace-nowrap px-2 py-1 text-right ${marked ? "bg-amber-50 font-medium text-amber-900" : ""}`}
      title={marked ? METHOD_NOTE[stored.method] : undefined}
      data-method={stored?.method}
    >
      {stored ? formatValue("count", stored.value) : "—"}
      {marked ? <sup className="ml-0.5 text-amber-700">*</sup> : null}
    </td>
  );
}

function Printed({ report, table, index }: { report: AgencyReport; table: PrintedTable; index: number }) {
  return (
    <ScrollX columns={table.columns.length + 1}>
      <table data-testid={`report-table-${index}`} className="tabular w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
            <th scope="col" className="sticky left-0 z-[1] bg-slate-50 px-2 py-1.5 text-left font-medium shadow-[1px_0_0_#e2e8f0]">
              项目
            </th>
            {table.columns.map((c) => (
              <th key={c} scope="col" className="whitespace-nowrap px-2 py-1.5 text-right font-medium">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.label} className="border-b border-slate-100 last:border-0">
              <th
                scope="row"
                className="sticky left-0 z-[1] min-w-[8.5rem] bg-white px-2 py-1 text-left text-xs font-normal leading-5 text-slate-700 shadow-[1px_0_0_#e2e8f0] sm:min-w-[18rem]"
              >
                {row.label}
              </th>
              {row.keys.map((key, i) => (
                <Cell key={key ?? i} report={report} metricKey={key} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}

function keyLabel(key: string): string {
  return isMetricKey(key) ? metricLabel(key) : key;
}

/** One year's report as printed, recovered cells marked, with everything the reader noticed. */
export function ReportCard({ agencyId, report }: { agencyId: number; report: AgencyReport }) {
  const tables = printedTablesOf(report.template);
  const titles = [...new Set(tables.map((t) => t.title))];
  const recovered = Object.values(report.values).filter((v) => v && v.method !== "read").length;
  return (
    <Card
      title={`${report.year} 年度报告`}
      description={`${report.template === "2019" ? "2019 年版" : "2021 年版"}格式 · ${STATUS[report.status] ?? report.status} · 来源文件：${report.fileName}`}
      actions={
        <Link
          href={`/agencies/${agencyId}/source/${report.id}`}
          data-testid="source-link"
          className="inline-flex items-center rounded border border-slate-300 bg-white px-2.5 py-1 text-xs text-slate-700 hover:border-accent hover:text-accent"
        >
          查看原文
        </Link>
      }
    >
      <div className="space-y-6">
        {recovered ? (
          <p className="text-xs text-amber-800">
            标 <sup>*</sup> 的 {recovered} 个数值为推算值（原表缺失或无法读取，由表内勾稽关系推出）。
          </p>
        ) : null}
        {titles.map((title) => (
          <section key={title} className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
            {tables
              .map((t, i) => ({ t, i }))
              .filter(({ t }) => t.title === title)
              .map(({ t, i }) => (
                <Printed key={i} report={report} table={t} index={i} />
              ))}
          </section>
        ))}
        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800">读取与校验说明</h3>
          {report.issues.length === 0 ? (
            <p className="text-sm text-slate-600">未发现问题。</p>
          ) : (
            <ul data-testid="report-issues" className="space-y-2">
              {report.issues.map((issue, i) => {
                const severity = SEVERITY[issue.severity] ?? SEVERITY.info;
                return (
                  <li key={i} className="rounded border border-slate-100 px-3 py-2 text-sm">
                    <span className={`mr-2 rounded px-1.5 py-0.5 text-xs ${severity.className}`}>{severity.label}</span>
                    <code className="mr-2 text-xs text-slate-500">{issue.code}</code>
                    <span className="text-slate-700">{issue.message}</span>
                    {issue.keys.length ? (
                      <div className="mt-1 text-xs text-slate-500">涉及：{issue.keys.filter(Boolean).map(keyLabel).join("；")}</div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </Card>
  );
}
