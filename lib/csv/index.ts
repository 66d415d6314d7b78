/**
 * CSV for spreadsheets: RFC 4180 quoting, a UTF-8 BOM so Excel reads Chinese correctly, and a
 * guard against formula injection (a cell that starts with = + - @ tab or CR would be evaluated
 * by Excel / LibreOffice as a formula, so such text gets a leading apostrophe).
 *
 * Only text is guarded. Numbers are written as numbers, so a negative number such as -3 stays a
 * number a spreadsheet can sum; pass numbers as `number`, not as numeric strings.
 *
 * Plain TypeScript, no framework imports: the dashboard (browser downloads) and the export route
 * handlers (server streaming) share it.
 */

/** Byte order mark. Excel opens a UTF-8 CSV as the local code page unless the file starts with it. */
export const CSV_BOM = "\uFEFF";

/** Line ending: RFC 4180 says CRLF, and Excel on every platform reads it. */
export const CSV_EOL = "\r\n";

export interface CsvColumn<K extends string = string> {
  key: K;
  label: string;
}

export type CsvRow = Readonly<Record<string, unknown>>;

/** First characters that make a spreadsheet treat a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters that force a cell to be quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: null/undefined/NaN as empty, numbers verbatim, text guarded and quoted as needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return quoteIfNeeded(FORMULA_START.test(text) ? `'${text}` : text);
}

function quoteIfNeeded(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, without its line ending. */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(",");
}

export function csvHeaderLine(columns: readonly CsvColumn[]): string {
  return csvLine(columns.map((c) => c.label));
}

export function csvRowLine(columns: readonly CsvColumn[], row: CsvRow): string {
  return csvLine(columns.map((c) => row[c.key]));
}

/** A whole CSV document as a string: BOM, header of labels, one line per row, CRLF endings. */
export function toCsv(columns: readonly CsvColumn[], rows: Iterable<CsvRow>): string {
  const lines = [csvHeaderLine(columns)];
  for (const row of rows) lines.push(csvRowLine(columns, row));
  return CSV_BOM + lines.join(CSV_EOL) + CSV_EOL;
}

/** Characters no file system or browser download accepts in a name, plus controls. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;
const MAX_NAME_LENGTH = 120;

function fileNamePart(value: unknown): string {
  return String(value)
    .replace(UNSAFE_NAME_CHARS, "-")
    .replace(/\s+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
}

/**
 * A download name that carries the filters, e.g. `地区对比_湖南省_2025_公开率.csv`.
 * `filters` is taken in insertion order; empty values (null, undefined, "") are left out.
 */
export function csvFileName(
  view: string,
  filters: Readonly<Record<string, unknown>> | readonly unknown[] = {},
): string {
  const values = Array.isArray(filters) ? filters : Object.values(filters);
  const parts = [view, ...values]
    .filter((v) => v !== null && v !== undefined && v !== "")
    .map(fileNamePart)
    .filter((p) => p.length > 0);
  const stem = (parts.join("_") || "export").slice(0, MAX_NAME_LENGTH);
  return `${stem}.csv`;
}

/**
 * A Content-Disposition header for a download whose name may be Chinese: an ASCII fallback
 * for old clients plus the RFC 5987 `filename*` that every current browser prefers.
 */
export function csvContentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Response headers for a CSV download. */
export function csvHeaders(fileName: string): Record<string, string> {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": csvContentDisposition(fileName),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

/** Flush to the stream once this many characters are buffered: few chunks, bounded memory. */
const CHUNK_CHARS = 64 * 1024;

/** The CSV text in chunks: BOM and header first, then rows as the source yields them. */
export async function* csvChunks(
  columns: readonly CsvColumn[],
  rows: AsyncIterable<CsvRow> | Iterable<CsvRow>,
): AsyncGenerator<string> {
  let buffer = CSV_BOM + csvHeaderLine(columns) + CSV_EOL;
  for await (const row of rows) {
    buffer += csvRowLine(columns, row) + CSV_EOL;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

/**
 * A streaming CSV body. Rows are pulled from the source only as fast as the client reads, so a
 * database cursor or keyset pager behind `rows` keeps memory flat; cancelling the response
 * (client gone) closes the source through its generator's `return()`.
 */
export function csvStream(
  columns: readonly CsvColumn[],
  rows: AsyncIterable<CsvRow> | Iterable<CsvRow>,
): ReadableStream<Uint8Array> {
  const chunks = csvChunks(columns, rows);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export { parseCsv, parseCsvObjects } from "./parse";
