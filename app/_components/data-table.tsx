import { formatCell, isPercentRow, type ChartData } from "@/lib/charts";
import { ScrollX } from "./scroll-x";

/** The first column names the row: it stays in view while the numbers scroll sideways on a phone. */
const STICKY = "sticky left-0 z-[1] shadow-[1px_0_0_#e2e8f0]";

function align(kind: string): string {
  return kind === "text" ? "text-left" : "text-right";
}

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
    <ScrollX columns={data.columns.length}>
      <table data-testid={testId} className="tabular w-full min-w-max border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
            {data.columns.map((c, i) => (
              <th key={c.key} scope="col" className={`px-3 py-2 font-medium ${align(c.kind)} ${i === 0 ? `${STICKY} bg-slate-50` : ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, r) => {
            const percentRow = isPercentRow(data, row);
            return (
              <tr key={r} className="border-b border-slate-100 last:border-0">
                {data.columns.map((c, i) => (
                  <td key={c.key} className={`px-3 py-1.5 ${align(c.kind)} ${i === 0 ? `${STICKY} bg-white` : ""}`}>
                    {formatCell(c, row[c.key], percentRow)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollX>
  );
}
