/**
 * PDF layout: positioned text items of one page in, reading-order lines out, with the cells of one
 * visual table row joined by TABs.
 *
 * A PDF's text stream is in drawing order, which for exported tables is rarely reading order: WPS
 * draws each number row a little off its label's baseline, Word wraps a long row label over two
 * lines with the numbers centred between them, and a label spanning many rows is printed one
 * character per line. So lines are rebuilt from geometry:
 *
 *  1. items whose vertical centres agree (a tolerance relative to the font size, which joins a
 *     larger-font number row with its smaller-font label) form a visual line; within a line, items
 *     close together form one fragment (cell text), wide gaps separate cells;
 *  2. a column of single characters stacked at one x is one vertical label;
 *  3. lines holding a number are table rows; text-only fragments stacked tightly in one column form
 *     blocks: a block whose height covers exactly one row's centre is that row's wrapped label and
 *     joins it; a narrow block covering none or several rows is a spanning label, written as one line.
 *
 * Pure functions of their input, so they can be unit-tested without a PDF.
 */

/** One text run of a PDF page, in PDF user space (y grows upwards). */
export interface PositionedText {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  height: number;
  fontSize: number;
  /** Written top to bottom (vertical writing mode, or a stack of single characters). */
  vertical?: boolean;
}

interface Fragment {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  numeric: boolean;
  /** The fragments a multi-line label was joined from, kept for where each cell stood. */
  parts?: readonly Fragment[];
}

interface Row {
  /** A vertical label: always a line of its own. */
  vertical?: boolean;
  fragments: Fragment[];
  center: number;
  top: number;
  bottom: number;
  hasNumber: boolean;
}

// A row label starts with its item number (一、 （二） 3. 4、): such a line starts a new cell.
const STARTS_ITEM = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+\s*[.、．])/;
const NUMBER = /^[-−+]?\d[\d,，]*(\.\d+)?%?$/;
// Glyph geometry relative to the baseline, as fractions of the font size (CJK fonts fill the em).
const ASCENT = 0.85;
const DESCENT = 0.15;
const CENTER = 0.35;

export function isNumericCell(text: string): boolean {
  return NUMBER.test(text.replace(/\s+/g, ""));
}

/** Lays out one page's text items as lines; cells of a table row are TAB-separated. */
export function layoutPage(items: readonly PositionedText[]): string[] {
  return layoutPages([items])[0];
}

/**
 * Lays out a document's pages. A table that runs onto the next page keeps its columns there: rows
 * above the first header of a page take the last header of the page before.
 */
export function layoutPages(pages: readonly (readonly PositionedText[])[]): string[][] {
  let carried: Row | undefined;
  return pages.map((items) => {
    const visible = items.filter((item) => item.text.trim() !== "");
    const { stacks, rest } = takeVerticalStacks(visible);
    const rows = groupIntoLines(rest);
    const spanning = attachBlocks(rows, stacks, contentWidth(visible));
    const ordered = mergeHeaderRows([...rows, ...spanning].filter((row) => row.fragments.length > 0)).sort((a, b) => b.top - a.top);
    const { aligned, lastHeader } = alignToHeaders(ordered, carried);
    carried = lastHeader;
    return ordered.map((row) => aligned.get(row) ?? renderRow(row)).filter((line) => line !== "");
  });
}

const centerX = (f: Fragment) => (f.x0 + f.x1) / 2;

/**
 * Rows whose blank cells a PDF left out, written with an empty field for each. A blank cell draws
 * nothing, so "一、本年新收… 15 … 15" would read as two numbers for seven columns. The header is
 * the nearest text line above the row that reaches over its number area (right of its label); its
 * cells there say where each column is, and each number is given the column it stands under. A
 * row is left as it is unless every number sits clearly under a column of its own.
 */
function alignToHeaders(rows: readonly Row[], carried: Row | undefined): { aligned: Map<Row, string>; lastHeader: Row | undefined } {
  const aligned = new Map<Row, string>();
  const blankStyle = new Set<Row>();
  let lastHeader = carried;
  rows.forEach((row, index) => {
    if (!row.hasNumber) return;
    const { labels, overNumbers } = splitRow(row);
    const numbers = row.fragments.filter((f) => f.numeric).sort((a, b) => a.x0 - b.x0);
    const header = headerAbove(rows, index, overNumbers) ?? carried;
    if (!header) return;
    lastHeader = header;
    const columns = columnCenters(header.fragments.filter(overNumbers));
    if (columns.length <= numbers.length) return;
    const cells = placeUnder(numbers, columns);
    if (!cells) return;
    blankStyle.add(header);
    // A row with no label of its own (table 四's one row of numbers) is its cells alone.
    aligned.set(row, (labels.length > 0 ? [renderRow({ ...row, fragments: labels }), ...cells] : cells).join("\t"));
  });
  for (const [row, line] of blankRows(rows, carried, blankStyle)) aligned.set(row, line);
  return { aligned, lastHeader };
}

/** A row's label fragments, and which fragments stand right of them, over the number columns. */
function splitRow(row: Row): { labels: Fragment[]; overNumbers: (f: Fragment) => boolean } {
  const labels = row.fragments.filter((f) => !f.numeric);
  const labelEnd = Math.max(-Infinity, ...labels.map((f) => f.x1));
  return { labels, overNumbers: (f) => labels.length === 0 || centerX(f) > labelEnd };
}

/** The nearest text line above the row that has cells over its number area: its header. */
function headerAbove(rows: readonly Row[], index: number, overNumbers: (f: Fragment) => boolean): Row | undefined {
  // A line of row labels (3.其他, a longer label over a shorter one) is no header.
  const heading = (f: Fragment) => overNumbers(f) && !STARTS_ITEM.test(f.text);
  for (let i = index - 1; i >= 0; i--) {
    if (!rows[i].hasNumber && !rows[i].vertical && rows[i].fragments.some(heading)) return rows[i];
  }
  return undefined;
}

/**
 * Rows printed with every cell blank, in a table that prints its zeros as blank cells (some row
 * under the same header was aligned with blanks): such a row is its label alone. It is written
 * with an empty field per column, as a word processor's text copy writes it, when its label opens
 * with an item number (二、上年结转…, 4.无正当理由…) — a label without one may be the first line of a
 * wrapped label — and a row with numbers follows it under the same header, so it is in the table.
 */
function blankRows(rows: readonly Row[], carried: Row | undefined, blankStyle: ReadonlySet<Row>): Map<Row, string> {
  const blank = new Map<Row, string>();
  const headers = new Map<number, Row | undefined>();
  const headerOf = (index: number) => {
    if (!headers.has(index)) headers.set(index, headerAbove(rows, index, splitRow(rows[index]).overNumbers) ?? carried);
    return headers.get(index);
  };
  rows.forEach((row, index) => {
    if (row.hasNumber || row.vertical || !STARTS_ITEM.test(row.fragments[0]?.text ?? "")) return;
    const header = headerOf(index);
    if (!header || !blankStyle.has(header)) return;
    const { overNumbers } = splitRow(row);
    const columns = columnCenters(header.fragments.filter(overNumbers));
    if (columns.length === 0 || row.fragments.some((f) => centerX(f) > columns[0])) return;
    const inTable = rows.some((later, k) => k > index && later.hasNumber && headerOf(k) === header);
    if (inTable) blank.set(row, [renderRow(row), ...columns.map(() => "")].join("\t"));
  });
  return blank;
}

/**
 * The centres of a header's columns: its lowest-level cells only — a cell with another cell under
 * it (a group heading such as 法人或其他组织, a title such as 第二十条第（一）项, the first line of a
 * wrapped heading) is not a column — and one centre for each column.
 */
function columnCenters(fragments: readonly Fragment[]): number[] {
  const cells = fragments.flatMap((f) => f.parts ?? [f]);
  const overlap = (a: Fragment, b: Fragment) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const leaves = cells.filter((cell) => !cells.some((other) => other.top < cell.bottom && overlap(cell, other) > 0.3 * cell.size));
  const centers: number[] = [];
  for (const x of leaves.map(centerX).sort((a, b) => a - b)) {
    if (centers.length === 0 || x - centers[centers.length - 1] > leaves[0].size) centers.push(x);
  }
  return centers;
}

/** Each number's text in the field of the column it stands under, "" elsewhere; null if any is unclear. */
function placeUnder(numbers: readonly Fragment[], columns: readonly number[]): string[] | null {
  const spacing = Math.min(...columns.slice(1).map((x, i) => x - columns[i]));
  const cells = columns.map(() => "");
  for (const number of numbers) {
    const x = centerX(number);
    let nearest = 0;
    columns.forEach((c, i) => {
      if (Math.abs(c - x) < Math.abs(columns[nearest] - x)) nearest = i;
    });
    if (Math.abs(columns[nearest] - x) > 0.45 * spacing || cells[nearest] !== "") return null;
    cells[nearest] = number.text;
  }
  return cells;
}

function contentWidth(items: readonly PositionedText[]): number {
  if (items.length === 0) return 1;
  const left = Math.min(...items.map((i) => i.x));
  const right = Math.max(...items.map((i) => i.x + i.width));
  return Math.max(1, right - left);
}

function fragmentOf(item: PositionedText): Fragment {
  const size = item.fontSize || item.height || 10;
  const text = item.text.trim();
  if (item.vertical) {
    const top = item.y + ASCENT * size;
    return { text, x0: item.x, x1: item.x + size, top, bottom: top - Math.max(item.height, size), size, numeric: false };
  }
  return {
    text,
    x0: item.x,
    x1: item.x + item.width,
    top: item.y + ASCENT * size,
    bottom: item.y - DESCENT * size,
    size,
    numeric: isNumericCell(text),
  };
}

const centerOf = (f: Fragment) => f.bottom + DESCENT * f.size + CENTER * f.size;

/**
 * Pulls out labels written top to bottom: runs the reader marks vertical, and columns of three or more
 * single non-digit characters at one x, one line apart (a rowspan label printed character by
 * character). Digits are never stacked: a column of "0" cells is a column of numbers.
 */
function takeVerticalStacks(items: readonly PositionedText[]): { stacks: Fragment[]; rest: PositionedText[] } {
  const stacks: Fragment[] = [];
  const used = new Set<PositionedText>();
  for (const item of items) {
    if (item.vertical || (item.height > 2 * item.width && item.text.trim().length >= 2 && item.height > 1.8 * item.fontSize)) {
      stacks.push(fragmentOf({ ...item, vertical: true }));
      used.add(item);
    }
  }
  const inWord = charactersOfWords(items);
  const singles = items
    .filter((i) => !used.has(i) && isStackable(i.text) && !inWord.has(i))
    .sort((a, b) => a.x - b.x || b.y - a.y);
  let run: PositionedText[] = [];
  const flush = () => {
    if (run.length >= 3) {
      run.forEach((i) => used.add(i));
      stacks.push(stackFragment(run));
    }
    run = [];
  };
  for (const item of singles) {
    const last = run[run.length - 1];
    const sameColumn = last && Math.abs(item.x - last.x) <= 0.5 * item.fontSize;
    const nextLine = last && last.y - item.y > 0.5 * item.fontSize && last.y - item.y <= 2.6 * item.fontSize;
    if (last && !(sameColumn && nextLine)) flush();
    run.push(item);
  }
  flush();
  return { stacks, rest: items.filter((i) => !used.has(i)) };
}

/**
 * Single-character items that touch another item on their own baseline: letters of a horizontal
 * word some producers (LibreOffice among them) draw one glyph at a time. A word wrapped in a narrow
 * cell can put such letters one under another at one x; they are still not a vertical label.
 */
function charactersOfWords(items: readonly PositionedText[]): Set<PositionedText> {
  const byBaseline = [...items].sort((a, b) => a.y - b.y);
  const touching = new Set<PositionedText>();
  for (let i = 0; i < byBaseline.length; i++) {
    const a = byBaseline[i];
    for (let j = i + 1; j < byBaseline.length && byBaseline[j].y - a.y <= 0.3 * a.fontSize; j++) {
      const b = byBaseline[j];
      const gap = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width));
      if (gap < 0.3 * Math.min(a.fontSize, b.fontSize)) touching.add(a).add(b);
    }
  }
  return touching;
}

function isStackable(text: string): boolean {
  const t = text.trim();
  // one character, optionally followed by punctuation (三、); never a digit
  return /^[^\d\s][、，,.．]?$/u.test(t);
}

function stackFragment(run: readonly PositionedText[]): Fragment {
  const first = fragmentOf(run[0]);
  const last = fragmentOf(run[run.length - 1]);
  return {
    text: run.map((i) => i.text.trim()).join(""),
    x0: Math.min(...run.map((i) => i.x)),
    x1: Math.max(...run.map((i) => i.x + i.width)),
    top: first.top,
    bottom: last.bottom,
    size: first.size,
    numeric: false,
  };
}

/** Visual lines: items whose vertical centres agree, split into cells at wide horizontal gaps. */
function groupIntoLines(items: readonly PositionedText[]): Row[] {
  const fragments = items.map(fragmentOf).sort((a, b) => centerOf(b) - centerOf(a) || a.x0 - b.x0);
  const lines: Fragment[][] = [];
  let current: Fragment[] = [];
  let center = 0;
  let size = 0;
  for (const f of fragments) {
    const c = centerOf(f);
    if (current.length > 0 && Math.abs(center - c) <= 0.45 * Math.min(size, f.size)) {
      current.push(f);
      center = (center * (current.length - 1) + c) / current.length;
      size = Math.min(size, f.size);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [f];
    center = c;
    size = f.size;
  }
  if (current.length > 0) lines.push(current);
  return lines.map((line) => rowOf(mergeRuns(line.sort((a, b) => a.x0 - b.x0))));
}

function rowOf(fragments: Fragment[]): Row {
  const center = fragments.reduce((sum, f) => sum + centerOf(f), 0) / Math.max(1, fragments.length);
  return {
    fragments,
    center,
    top: Math.max(...fragments.map((f) => f.top)),
    bottom: Math.min(...fragments.map((f) => f.bottom)),
    hasNumber: fragments.some((f) => f.numeric),
  };
}

/** Joins runs of one line that sit close together; a gap of about a character or more is a cell border. */
function mergeRuns(sorted: Fragment[]): Fragment[] {
  const out: Fragment[] = [];
  for (const f of sorted) {
    const prev = out[out.length - 1];
    const size = prev ? Math.min(prev.size, f.size) : f.size;
    const gap = prev ? f.x0 - prev.x1 : Infinity;
    // Two numbers are two cells even when close; text runs join unless a cell-wide gap parts them.
    const joinable = prev && gap < 0.6 * size && !(prev.numeric && f.numeric && gap > 0.2 * size);
    if (!prev || !joinable) {
      out.push({ ...f });
      continue;
    }
    const space = gap > 0.25 * size && /[A-Za-z0-9]$/.test(prev.text) && /^[A-Za-z0-9]/.test(f.text) ? " " : "";
    prev.text += space + f.text;
    prev.x1 = Math.max(prev.x1, f.x1);
    prev.top = Math.max(prev.top, f.top);
    prev.bottom = Math.min(prev.bottom, f.bottom);
    prev.numeric = isNumericCell(prev.text);
  }
  return out;
}

/**
 * Moves wrapped row labels into their number rows, and turns spanning labels into lines of their
 * own. Returns the extra rows made for spanning labels.
 */
function attachBlocks(rows: Row[], stacks: Fragment[], pageWidth: number): Row[] {
  const numberRows = rows.filter((r) => r.hasNumber);
  const extra: Row[] = stacks.map((stack) => ({ ...rowOf([stack]), vertical: true }));
  for (const block of chainTextFragments(rows)) {
    const box = boundsOf(block);
    const tolerance = 0.3 * box.size;
    const covered = numberRows.filter(
      (r) =>
        r.center <= box.top + tolerance &&
        r.center >= box.bottom - tolerance &&
        r.fragments.some((f) => f.numeric && f.x0 > box.x0),
    );
    const target =
      covered.length === 1
        ? covered[0]
        : isLoneLabel(rows, block, box)
          ? adjacentRow(numberRows, box, STARTS_ITEM.test(block[0].text))
          : undefined;
    if (target) moveFragments(rows, block, target);
    else if (block.length > 1 && box.x1 - box.x0 < 0.45 * pageWidth) extra.push(spanningRow(rows, block));
  }
  return extra;
}

/**
 * A wrapped label's extra line holds nothing else over the number columns; a header line above a
 * table's first row does (the column headings to its right), and must stay a line of its own.
 */
function isLoneLabel(rows: readonly Row[], block: readonly Fragment[], box: Box): boolean {
  return !rows.some((r) => r.fragments.some((f) => block.includes(f)) && r.fragments.some((f) => !block.includes(f) && f.x0 > box.x1));
}

/**
 * The number row whose own label continues into this block: a text cell of the row starts at the
 * block's x, or holds the block within its width (a centred cell's wrapped last line), and the
 * block sits right above or below it (a label wrapped over three lines, numbers beside the middle
 * one; or a label started on the row's line and finished under it). Between a row above and a row
 * below at the same distance, the row above wins: wrapped text runs downwards. A block that starts
 * with an item number (4.保护第…) is the first line of its cell, never the end of the one above: in
 * a tightly set table the last line of the row above can sit as close to it as its own row's line,
 * so only rows below it are considered.
 */
/**
 * Whether a row label's line runs to its column's edge, as a line that wraps does. A short label
 * (行政处罚, where 行政规范性文件 fits in the same column) ended of itself: the text under it is the
 * next row's label, whose cells were left blank, not this label's second line.
 */
function wrapsAt(numberRows: readonly Row[], label: Fragment): boolean {
  let columnEnd = label.x1;
  for (const row of numberRows) {
    for (const f of row.fragments) {
      if (!f.numeric && Math.abs(f.x0 - label.x0) <= 0.5 * label.size) columnEnd = Math.max(columnEnd, f.x1);
    }
  }
  return label.x1 >= columnEnd - 2 * label.size;
}

function adjacentRow(numberRows: readonly Row[], box: Box, startsCell: boolean): Row | undefined {
  let best: { row: Row; gap: number } | undefined;
  const slack = 0.5 * box.size;
  for (const row of numberRows) {
    for (const f of row.fragments) {
      const aligned = Math.abs(f.x0 - box.x0) <= slack || (box.x0 >= f.x0 - slack && box.x1 <= f.x1 + slack);
      if (f.numeric || !aligned) continue;
      const below = f.bottom >= box.top;
      if (below && (startsCell || !wrapsAt(numberRows, f))) continue;
      const gap = below ? f.bottom - box.top : box.bottom >= f.top ? box.bottom - f.top + 0.25 * box.size : Infinity;
      if (gap <= (below ? 0.9 : 1.2) * box.size && (!best || gap < best.gap)) best = { row, gap };
    }
  }
  return best?.row;
}

interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
}

function boundsOf(block: readonly Fragment[]): Box {
  return {
    x0: Math.min(...block.map((f) => f.x0)),
    x1: Math.max(...block.map((f) => f.x1)),
    top: Math.max(...block.map((f) => f.top)),
    bottom: Math.min(...block.map((f) => f.bottom)),
    size: Math.min(...block.map((f) => f.size)),
  };
}

/**
 * Chains text fragments of text-only lines that continue one another downwards: the next line
 * starts within the first's horizontal extent and the line gap is at most about one line.
 */
function chainTextFragments(rows: readonly Row[]): Fragment[][] {
  const candidates = rows
    .filter((r) => !r.hasNumber)
    .flatMap((r) => r.fragments)
    .sort((a, b) => b.top - a.top || a.x0 - b.x0);
  const chains: Fragment[][] = [];
  for (const f of candidates) {
    const chain = chains.find((c) => {
      const last = c[c.length - 1];
      const gap = last.bottom - f.top;
      const overlaps = f.x0 >= last.x0 - 0.5 * f.size && f.x0 <= last.x1 - 0.5 * f.size;
      return overlaps && !STARTS_ITEM.test(f.text) && gap >= -0.3 * f.size && gap <= 1.2 * Math.max(f.size, last.size) && last.size === f.size;
    });
    if (chain) chain.push(f);
    else chains.push([f]);
  }
  return chains.flatMap(splitAtCellBorders);
}

/**
 * The lines of one wrapped cell are evenly spaced; between the last line of one cell and the
 * first of the next lie the cells' padding and border as well. A chain of three or more lines
 * whose gaps are not all alike (信息/内容 ‖ 行政/许可 ‖ 其他/对外 down a narrow label column) is cut
 * at every gap clearly wider than its narrowest, so each cell's label joins its own row.
 */
function splitAtCellBorders(chain: Fragment[]): Fragment[][] {
  if (chain.length < 3) return [chain];
  const gaps = chain.slice(1).map((f, i) => chain[i].bottom - f.top);
  const narrowest = Math.min(...gaps);
  const parts: Fragment[][] = [[chain[0]]];
  chain.slice(1).forEach((f, i) => {
    if (gaps[i] > narrowest + 0.4 * Math.min(f.size, chain[i].size)) parts.push([f]);
    else parts[parts.length - 1].push(f);
  });
  return parts;
}

function removeFragment(rows: Row[], f: Fragment): void {
  for (const row of rows) {
    const at = row.fragments.indexOf(f);
    if (at >= 0) row.fragments.splice(at, 1);
  }
}

function moveFragments(rows: Row[], block: readonly Fragment[], target: Row): void {
  for (const f of block) {
    removeFragment(rows, f);
    target.fragments.push(f);
  }
}

/** A multi-line label that belongs to no single row: one cell on a line of its own, at its top. */
function spanningRow(rows: Row[], block: readonly Fragment[]): Row {
  block.forEach((f) => removeFragment(rows, f));
  const box = boundsOf(block);
  return rowOf([{ text: block.map((f) => f.text).join(""), ...box, numeric: false, parts: block }]);
}

/**
 * Text-only rows that share most of their height are one row of header cells printed at different
 * heights (a two-line cell beside a one-line cell): they become one line. Prose lines never overlap.
 */
function mergeHeaderRows(rows: readonly Row[]): Row[] {
  const out: Row[] = rows.filter((r) => r.hasNumber || r.vertical);
  const groups: Row[][] = [];
  for (const row of rows.filter((r) => !r.hasNumber && !r.vertical).sort((a, b) => b.top - a.top)) {
    const group = groups.find((g) => g.some((member) => mostlyOverlap(member, row)));
    if (group) group.push(row);
    else groups.push([row]);
  }
  for (const group of groups) out.push(group.length === 1 ? group[0] : rowOf(group.flatMap((r) => r.fragments)));
  return out;
}

function mostlyOverlap(a: Row, b: Row): boolean {
  const shared = Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom);
  return shared > 0.5 * Math.min(a.top - a.bottom, b.top - b.bottom);
}

/** One output line: fragments in one column are joined top to bottom, columns left to right. */
function renderRow(row: Row): string {
  const columns: Fragment[][] = [];
  for (const f of [...row.fragments].sort((a, b) => a.x0 - b.x0)) {
    const column = columns.find((c) => !f.numeric && !c.some((g) => g.numeric) && c.some((g) => overlapX(g, f)));
    if (column) column.push(f);
    else columns.push([f]);
  }
  return columns
    .map((c) =>
      c
        .sort((a, b) => b.top - a.top)
        .map((f) => f.text)
        .join(""),
    )
    .join("\t");
}

/**
 * Fragments of one column share a good part of their width. Cells side by side may touch, or
 * overlap by a sliver where the last glyph's advance is measured a little wide: that is no column.
 */
function overlapX(a: Fragment, b: Fragment): boolean {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.25 * Math.min(a.size, b.size);
}
