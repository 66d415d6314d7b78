import type { ChartData } from "@/lib/charts";
import { Card, EmptyState } from "./card";
import { CsvLink } from "./csv-link";
import { DataTable } from "./data-table";

/** A card whose content is a table (no chart), with the same CSV download as chart cards. */
export function TableCard({
  id,
  title,
  description,
  data,
  csvName,
  emptyMessage,
  footnote,
}: {
  id: string;
  title: string;
  description?: string;
  data: ChartData;
  csvName: string;
  emptyMessage?: string;
  footnote?: React.ReactNode;
}) {
  const empty = data.rows.length === 0;
  const actions = empty ? null : <CsvLink id={id} data={data} fileName={csvName} />;
  return (
    <Card title={title} description={description} actions={actions}>
      {empty ? <EmptyState message={emptyMessage} /> : <DataTable testId={`table-${id}`} data={data} caption={title} />}
      {footnote ? <p className="mt-3 text-xs leading-5 text-slate-500">{footnote}</p> : null}
    </Card>
  );
}
