import type { ChartData } from "@/lib/charts";
import { csvColumnsOf } from "@/lib/charts";
import { toCsv } from "@/lib/csv";
import { Card, EmptyState } from "./card";
import { DataTable } from "./data-table";

/** A card whose content is a table (no chart), with the same CSV download as chart cards. */
export function TableCard({
  id,
  title,
  description,
  data,
  csvName,
  links,
  emptyMessage,
  footnote,
}: {
  id: string;
  title: string;
  description?: string;
  data: ChartData;
  csvName: string;
  links?: (string | undefined)[];
  emptyMessage?: string;
  footnote?: React.ReactNode;
}) {
  const empty = data.rows.length === 0;
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(csvColumnsOf(data.columns), data.rows))}`;
  const actions = empty ? null : (
    <a
      data-testid={`csv-${id}`}
      href={href}
      download={csvName}
      className="inline-flex items-center rounded border border-slate-300 bg-white px-2.5 py-1 text-xs text-slate-700 hover:border-accent hover:text-accent"
    >
      下载 CSV
    </a>
  );
  return (
    <Card title={title} description={description} actions={actions}>
      {empty ? <EmptyState message={emptyMessage} /> : <DataTable testId={`table-${id}`} data={data} caption={title} links={links} />}
      {footnote ? <p className="mt-3 text-xs leading-5 text-slate-500">{footnote}</p> : null}
    </Card>
  );
}
