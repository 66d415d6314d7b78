import { formatCell, type ChartData } from "@/lib/charts";

/** A plain, scrollable table of a chart's rows; text left, numbers right. */
export function DataTable({
  data,
  caption,
  testId,
}: {
  data: ChartData;
  caption: string;
  testId?: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table data-testid={testId} className="tabular w-full min-w-max border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
            {data.columns.map((c) => (
              <th key={c.key} scope="col" className={`px-3 py-2 font-medium ${c.kind === "text" ? "text-left" : "text-right"}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, i) => (
            <tr key={i} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
              {data.columns.map((c) => (
                <td key={c.key} className={`px-3 py-1.5 ${c.kind === "text" ? "text-left" : "text-right"}`}>
                  {formatCell(c, row[c.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
