/**
 * HTML (and DOCX, through mammoth's HTML) → text. Page chrome (scripts, styles, navigation) is
 * dropped, block elements become lines, and every table row becomes ONE line with its cells joined
 * by TABs. colspan/rowspan are expanded into a grid so each cell keeps its column: a spanned
 * position is an empty field (the layout of a Word table copied as text), so the numbers of a row
 * always sit in the same fields whatever the label cells above them span.
 *
 * The page is read in one pass over htmlparser2's parse events, without building a tree: a report
 * page is read once, top to bottom, and the tree cost as much again as the parsing.
 */
import { Parser } from "htmlparser2";

const SKIPPED = new Set([
  "script", "style", "noscript", "template", "nav", "iframe", "svg", "canvas", "object", "embed",
  "select", "button", "input", "textarea", "head", "title", "map", "audio", "video",
]);
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "ul",
  "tr", "td", "th", "thead", "tbody", "tfoot", "table",
]);
const MAX_SPAN = 100;

export function htmlToText(html: string): string {
  const reader = new PageReader();
  // htmlparser2 is several times faster than parse5 and forgiving enough; its events are all the
  // reader needs.
  const parser = new Parser(reader, { xmlMode: false, decodeEntities: true, lowerCaseTags: true });
  parser.end(html);
  return reader.text();
}

/**
 * Lines of text: inline text joins the current line, blocks and <br> end it. Lines are kept raw
 * and collapsed only when asked for: a table's block lines are needed only when it turns out to
 * lay out the page, and collapsing them all cost as much as reading the cells.
 */
class LineWriter {
  /** Finished lines: raw text, or a line already final (a table row, whose TABs must stay). */
  private readonly entries: Array<{ text: string; final: boolean }> = [];
  private current = "";

  write(text: string): void {
    this.current += text;
  }

  flush(): void {
    if (this.current === "") return;
    this.entries.push({ text: this.current, final: false });
    this.current = "";
  }

  /** Drops the finished lines (the line being written stays). */
  clear(): void {
    this.entries.length = 0;
  }

  /** Adds lines that are final as they are. */
  append(lines: readonly string[]): void {
    for (const text of lines) this.entries.push({ text, final: true });
  }

  lines(): string[] {
    const lines: string[] = [];
    for (const { text, final } of this.entries) {
      const line = final ? text : collapse(text).trim();
      if (line !== "") lines.push(line);
    }
    return lines;
  }
}

/** One cell's text on one line: its paragraphs and line breaks joined (no space between Chinese). */
class CellText {
  private readonly parts: string[] = [];
  private current = "";

  write(text: string): void {
    this.current += text;
  }

  break(): void {
    this.parts.push(this.current);
    this.current = "";
  }

  text(): string {
    this.break();
    let text = "";
    for (const raw of this.parts) {
      const part = collapse(raw).trim();
      if (part === "") continue;
      // Two ASCII words from two paragraphs keep a space between them; Chinese needs none.
      text = text === "" ? part : text + (isAsciiWord(text.charCodeAt(text.length - 1)) && isAsciiWord(part.charCodeAt(0)) ? " " : "") + part;
    }
    return text;
  }
}

interface GridRow {
  fields: string[];
  /** Where a cell starts: its colspan (unset where a span from the left or from above covers the position). */
  starts: number[];
}

/**
 * A table being read. Its rows go into a grid; the same content also goes into block lines, kept
 * for the case where a table turns out to hold another table: such a table lays out the page, and
 * only the innermost tables hold data.
 */
class TableReader {
  readonly blocks = new LineWriter();
  holdsTable = false;
  private readonly grid: GridRow[] = [];
  private readonly pending: Array<number | undefined> = []; // rows still covered by a rowspan, per column
  private row: GridRow | null = null;
  private column = 0;
  private cell: { text: CellText; colspan: number; rowspan: number } | null = null;

  get inCell(): CellText | null {
    return this.cell?.text ?? null;
  }

  openRow(): void {
    this.closeRow();
    this.row = { fields: [], starts: [] };
    this.column = 0;
  }

  openCell(attribs: Record<string, string>): void {
    this.closeCell();
    if (!this.row) this.openRow();
    this.skipCovered();
    this.cell = { text: new CellText(), colspan: span(attribs.colspan), rowspan: span(attribs.rowspan) };
  }

  closeCell(): void {
    const { row, cell } = this;
    if (!row || !cell) return;
    row.fields[this.column] = cell.text.text();
    row.starts[this.column] = cell.colspan;
    for (let k = 0; k < cell.colspan; k++) {
      if (k > 0) row.fields[this.column + k] = "";
      if (cell.rowspan > 1) this.pending[this.column + k] = cell.rowspan - 1;
    }
    this.column += cell.colspan;
    this.cell = null;
  }

  closeRow(): void {
    this.closeCell();
    const row = this.row;
    if (!row) return;
    // columns to the right still covered by a rowspan from above
    for (let c = this.column; c < this.pending.length; c++) {
      if ((this.pending[c] ?? 0) > 0) {
        this.pending[c]! -= 1;
        row.fields[c] = "";
      }
    }
    this.grid.push(row);
    this.row = null;
  }

  /** The rows as TAB-joined lines, in grid column order. */
  lines(): string[] {
    this.closeRow();
    const real = realColumnStarts(this.grid);
    const lines: string[] = [];
    for (const row of this.grid) {
      // join() writes an unset field as "", like a blank cell.
      const line = withoutTrailingTabs(mergeColumns(row.fields, real).join("\t"));
      if (/\S/.test(line)) lines.push(line);
    }
    return lines;
  }

  private skipCovered(): void {
    const row = this.row!;
    while ((this.pending[this.column] ?? 0) > 0) {
      this.pending[this.column]! -= 1;
      row.fields[this.column++] = "";
    }
  }
}

/** The parse events of one page, turned into lines. */
class PageReader {
  private readonly page = new LineWriter();
  private readonly tables: TableReader[] = [];
  /** Depth inside an element that is not read (script, navigation, hidden). */
  private skipped = 0;
  private body: "before" | "inside" | "after" = "before";

  text(): string {
    while (this.tables.length > 0) this.closeTable();
    this.page.flush();
    return this.page.lines().join("\n");
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    if (this.skipped > 0 || isSkipped(name, attribs)) {
      this.skipped++;
      return;
    }
    if (name === "body" && this.body === "before") {
      // Text before the (first) body is chrome; the report is in the body.
      this.page.clear();
      this.body = "inside";
    }
    if (this.body === "after") return;
    const table = this.tables.at(-1);
    if (name === "table") {
      if (table) table.holdsTable = true;
      this.blockBreak();
      this.tables.push(new TableReader());
      return;
    }
    if (table && name === "tr") table.openRow();
    else if (table && (name === "td" || name === "th")) table.openCell(attribs);
    if (name === "br" || BLOCKS.has(name)) this.blockBreak();
  }

  ontext(data: string): void {
    if (this.skipped > 0 || this.body === "after") return;
    // White space is collapsed per line and per cell, not per event: an entity splits the text.
    const table = this.tables.at(-1);
    if (!table) return this.page.write(data);
    table.blocks.write(data);
    table.inCell?.write(data);
  }

  onclosetag(name: string): void {
    if (this.skipped > 0) {
      this.skipped--;
      return;
    }
    if (this.body !== "inside" && this.body !== "before") return;
    if (name === "body" && this.body === "inside") {
      this.page.flush();
      this.body = "after";
      return;
    }
    const table = this.tables.at(-1);
    if (name === "table" && table) return this.closeTable();
    if (table && (name === "td" || name === "th")) {
      this.blockBreak();
      table.closeCell();
      return;
    }
    if (table && name === "tr") table.closeRow();
    if (BLOCKS.has(name)) this.blockBreak();
  }

  /** A block boundary: the current line ends (and, inside a cell, the cell's current paragraph). */
  private blockBreak(): void {
    const table = this.tables.at(-1);
    if (!table) return this.page.flush();
    table.blocks.flush();
    table.inCell?.break();
  }

  private closeTable(): void {
    const table = this.tables.pop()!;
    table.blocks.flush();
    const lines = table.holdsTable ? table.blocks.lines() : table.lines();
    const outer = this.tables.at(-1);
    const writer = outer ? outer.blocks : this.page;
    writer.flush();
    writer.append(lines);
    // A data table inside a layout table's cell reads as its own lines, not as that cell's text.
  }
}

function isSkipped(name: string, attribs: Record<string, string>): boolean {
  if (SKIPPED.has(name)) return true;
  if (attribs.role === "navigation" || attribs.hidden !== undefined) return true;
  return /display\s*:\s*none/i.test(attribs.style ?? "");
}

/** Runs of white space as one space. Most cells hold none, and a scan is cheaper than a regex. */
function collapse(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (mayBeSpace(text.charCodeAt(i))) return text.replace(/\s+/g, " ");
  }
  return text;
}

/** True for every code unit \s matches (and some control characters, which the regex then leaves). */
function mayBeSpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || (code >= 0x1680 && code <= 0x205f) || code === 0x3000 || code === 0xfeff;
}

function isAsciiWord(code: number): boolean {
  return code >= 0x21 && code <= 0x7e;
}

const NUMBER_CELL = /^\s*[-−]?\d[\d,，.\s]*%?\s*$/;

/**
 * Which grid columns are columns of the table's data. A word processor adds a grid column wherever
 * two rows' borders do not line up (a 总计 cell a little wider than the header above it); the
 * cells of the data rows then span that sliver (colspan="2"), and expanding the span would read as
 * one blank cell too many. A column boundary is real where some row holding numbers has a cell
 * starting; a table with no number in it keeps every column.
 */
function realColumnStarts(grid: readonly GridRow[]): boolean[] {
  const width = Math.max(0, ...grid.map((row) => row.fields.length));
  const dataRows = grid.filter((row) => row.starts.some((colspan, c) => colspan !== undefined && NUMBER_CELL.test(row.fields[c])));
  if (dataRows.length === 0) return Array.from({ length: width }, () => true);
  const real = Array.from({ length: width }, (_, c) => c === 0);
  for (const row of dataRows) row.starts.forEach((colspan, c) => colspan !== undefined && (real[c] = true));
  return real;
}

/** A row's fields with each sliver column folded into the column on its left (text kept). */
function mergeColumns(fields: readonly string[], real: readonly boolean[]): string[] {
  const out: string[] = [];
  for (let c = 0; c < fields.length; c++) {
    const field = fields[c] ?? "";
    if (real[c] || out.length === 0) out.push(field);
    else out[out.length - 1] += field;
  }
  return out;
}

function withoutTrailingTabs(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 9) end--;
  return end === line.length ? line : line.slice(0, end);
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}
