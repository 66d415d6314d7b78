/**
 * HTML (and DOCX, through mammoth's HTML) → text. Page chrome (scripts, styles, navigation) is
 * dropped, block elements become lines, and every table row becomes ONE line with its cells joined
 * by TABs. colspan/rowspan are expanded into a grid so each cell keeps its column: a spanned
 * position is an empty field (the layout of a Word table copied as text), so the numbers of a row
 * always sit in the same fields whatever the label cells above them span.
 */
import type { AnyNode, Element, ParentNode } from "domhandler";
import { parseDocument } from "htmlparser2";

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
  // htmlparser2 is several times faster than parse5 and forgiving enough; used directly, without a
  // cheerio wrapper or a CSS selector, since one walk over the tree is all the reader does.
  const document = parseDocument(html, { xmlMode: false, decodeEntities: true });
  const lines: string[] = [];
  new BlockWriter(lines).walk(firstBody(document) ?? document);
  return lines.join("\n");
}

/** The first <body> in document order (a crawled page may hold several, or none). */
function firstBody(root: ParentNode): Element | null {
  for (const child of root.children) {
    if (!isElement(child)) continue;
    if (child.name === "body") return child;
    const inner = firstBody(child);
    if (inner) return inner;
  }
  return null;
}

/** Walks the document, collecting inline text into the current line and breaking at blocks. */
class BlockWriter {
  private current = "";
  constructor(private readonly lines: string[]) {}

  walk(node: AnyNode): void {
    if (node.type === "text") {
      this.current += collapse(node.data);
      return;
    }
    if (node.type === "root") return node.children.forEach((child) => this.walk(child));
    if (!isElement(node) || isSkipped(node)) return;
    const name = node.name.toLowerCase();
    if (name === "br") return this.flush();
    if (name === "table" && !containsTable(node)) {
      this.flush();
      this.lines.push(...tableLines(node));
      return;
    }
    const block = BLOCKS.has(name);
    if (block) this.flush();
    for (const child of node.children) this.walk(child);
    if (block) this.flush();
  }

  flush(): void {
    const line = this.current.trim();
    if (line !== "") this.lines.push(line);
    this.current = "";
  }
}

function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

function isSkipped(node: Element): boolean {
  if (SKIPPED.has(node.name.toLowerCase())) return true;
  const attribs = node.attribs ?? {};
  if (attribs.role === "navigation" || attribs.hidden !== undefined) return true;
  return /display\s*:\s*none/i.test(attribs.style ?? "");
}

/** A table holding another table lays out the page; only the innermost tables hold data. */
function containsTable(table: Element): boolean {
  const stack = [...table.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node.name.toLowerCase() === "table") return true;
    stack.push(...node.children);
  }
  return false;
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ");
}

/** The rows of one data table, each as one TAB-joined line in grid column order. */
export function tableLines(table: Element): string[] {
  const grid = tableGrid(table);
  const real = realColumnStarts(grid);
  const lines: string[] = [];
  for (const row of grid) {
    // join() writes an unset field as "", like a blank cell.
    const line = withoutTrailingTabs(mergeColumns(row.fields, real).join("\t"));
    if (/\S/.test(line)) lines.push(line);
  }
  return lines;
}

interface GridRow {
  fields: string[];
  /** Where a cell starts: its colspan (unset where a span from the left or from above covers the position). */
  starts: number[];
}

/** The table as a grid: rowspan and colspan expanded, covered positions empty. */
function tableGrid(table: Element): GridRow[] {
  const pending: Array<number | undefined> = []; // rows still covered by a rowspan, per column
  const grid: GridRow[] = [];
  for (const tr of rowsOf(table)) {
    const fields: string[] = [];
    const starts: number[] = [];
    let column = 0;
    const skipCovered = () => {
      while ((pending[column] ?? 0) > 0) {
        pending[column]! -= 1;
        fields[column++] = "";
      }
    };
    for (const cell of tr.children) {
      if (!isElement(cell) || !/^t[dh]$/i.test(cell.name)) continue;
      skipCovered();
      const colspan = span(cell.attribs.colspan);
      const rowspan = span(cell.attribs.rowspan);
      fields[column] = cellText(cell);
      starts[column] = colspan;
      for (let k = 0; k < colspan; k++) {
        if (k > 0) fields[column + k] = "";
        if (rowspan > 1) pending[column + k] = rowspan - 1;
      }
      column += colspan;
    }
    // columns to the right still covered by a rowspan from above
    for (let c = column; c < pending.length; c++) {
      if ((pending[c] ?? 0) > 0) {
        pending[c]! -= 1;
        fields[c] = "";
      }
    }
    grid.push({ fields, starts });
  }
  return grid;
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

/** Rows of this table only (through thead/tbody/tfoot), not of tables nested in its cells. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    const name = child.name.toLowerCase();
    if (name === "tr") rows.push(child);
    else if (name === "thead" || name === "tbody" || name === "tfoot") {
      for (const tr of child.children) if (isElement(tr) && tr.name.toLowerCase() === "tr") rows.push(tr);
    }
  }
  return rows;
}

/** A cell's text on one line: its paragraphs and line breaks joined (no space between Chinese). */
function cellText(cell: Element): string {
  const parts: string[] = [];
  let current = "";
  const visit = (node: AnyNode) => {
    if (node.type === "text") {
      current += collapse(node.data);
      return;
    }
    if (!isElement(node) || isSkipped(node)) return;
    const breaks = node.name === "br" || BLOCKS.has(node.name.toLowerCase());
    if (breaks) (parts.push(current), (current = ""));
    node.children.forEach(visit);
    if (breaks) (parts.push(current), (current = ""));
  };
  cell.children.forEach(visit);
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .reduce((text, part) => (text === "" ? part : text + (/[\x21-\x7e]$/.test(text) && /^[\x21-\x7e]/.test(part) ? " " : "") + part), "");
}
