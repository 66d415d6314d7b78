import { csvColumnsOf, type ChartData } from "@/lib/charts";
import { toCsv } from "@/lib/csv";

export const actionButtonClass =
  "inline-flex items-center rounded border border-slate-300 bg-white px-2.5 py-1 text-xs text-slate-700 hover:border-accent hover:text-accent";

/**
 * 下载 CSV: exactly the rows of the card's table, as a data: URL, so the download is an ordinary
 * link the browser saves under the file name that carries the filters.
 */
export function CsvLink({ id, data, fileName }: { id: string; data: ChartData; fileName: string }) {
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(csvColumnsOf(data.columns), data.rows))}`;
  return (
    <a data-testid={`csv-${id}`} href={href} download={fileName} className={actionButtonClass}>
      下载 CSV
    </a>
  );
}
