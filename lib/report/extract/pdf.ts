/**
 * PDF with a text layer → text. Text runs come from PDFium (WebAssembly, see pdf-pdfium.mjs), read
 * in a worker thread (pdf-pool.ts, pdf-worker.mjs) so that the time limit can stop it; lines are
 * rebuilt from their positions here (see pdf-layout.ts), and page furniture (page numbers, running
 * headers) is dropped.
 */
import { layoutPages, type PositionedText } from "./pdf-layout";
import { ExtractionFailure } from "./failure";
import { normalizeRadicals } from "./glyphs";
import { readPagesInWorker, workerFile, WorkerTimeout, type RawPage, type RawTextItem, type WorkerFailure } from "./pdf-pool";

export interface PageItems {
  items: PositionedText[];
  height: number;
}

/** Reads every page's text; throws ExtractionFailure when the file is not a readable PDF or too slow. */
export async function extractPdfText(bytes: Uint8Array, deadline: number): Promise<string> {
  const pages = (await readRawPages(bytes, deadline)).map(positionedPage);
  if (pages.every((p) => p.items.length === 0)) {
    throw new ExtractionFailure("UNREADABLE_DOCUMENT", "the PDF has no text layer; OCR needed");
  }
  const furniture = pageFurniture(pages);
  return layoutPages(pages.map((p) => p.items.filter((item) => !furniture.has(item))))
    .map((lines) => lines.join("\n"))
    .filter((page) => page !== "")
    .join("\n");
}

async function readRawPages(bytes: Uint8Array, deadline: number): Promise<RawPage[]> {
  const file = workerFile();
  if (!file) return readPagesInThread(bytes, deadline);
  try {
    return await readPagesInWorker(file, bytes, deadline);
  } catch (cause) {
    if (cause instanceof WorkerTimeout) throw new ExtractionFailure("TIMEOUT", cause.message);
    const failure = (cause as { failure?: WorkerFailure }).failure;
    throw unreadable(failure ?? { page: null, message: messageOf(cause) }, cause);
  }
}

function unreadable(failure: WorkerFailure, cause: unknown): ExtractionFailure {
  const message =
    failure.page === null ? `not a readable PDF: ${failure.message}` : `page ${failure.page} is damaged: ${failure.message}`;
  return new ExtractionFailure("UNREADABLE_DOCUMENT", message, cause);
}

function positionedPage(page: RawPage): PageItems {
  return { height: page.height, items: page.items.map(positioned) };
}

function positioned(item: RawTextItem): PositionedText {
  const [a, b, c, d, x, y] = item.transform;
  return {
    text: normalizeRadicals(item.str),
    x,
    y,
    width: item.width,
    height: item.height,
    fontSize: Math.hypot(c, d) || Math.hypot(a, b),
    vertical: item.vertical,
  };
}

/**
 * The same reading as pdf-worker.mjs, in this thread: used only where the worker file is not beside
 * this module (a bundled server build). PDFium reads a document in one synchronous call, so here the
 * deadline is checked around it but cannot stop it.
 */
async function readPagesInThread(bytes: Uint8Array, deadline: number): Promise<RawPage[]> {
  const { readPdfPages, PageFailure } = await import("./pdf-pdfium.mjs");
  try {
    return await withDeadline(readPdfPages(bytes), deadline);
  } catch (cause) {
    if (cause instanceof ExtractionFailure) throw cause;
    const page = cause instanceof PageFailure ? cause.page : null;
    throw unreadable({ page, message: messageOf(cause) }, cause);
  }
}

const PAGE_NUMBER = /^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$/;
const MARGIN = 0.08;

/**
 * Items that are page furniture rather than content: a page number alone on its line in the top or
 * bottom margin, and margin text with words in it repeated on most pages (a running header or
 * footer), digits ignored. A table row that runs into the margin is never furniture: its cells
 * share their line with other items, and bare numbers are only ever taken as page numbers.
 */
export function pageFurniture(pages: readonly PageItems[]): Set<PositionedText> {
  const inMargin = (item: PositionedText, height: number) => item.y < MARGIN * height || item.y > (1 - MARGIN) * height;
  const shape = (text: string) => text.replace(/\d+/g, "#").replace(/\s+/g, "");
  const hasWords = (text: string) => /[\p{L}]/u.test(text);
  const pagesWith = new Map<string, number>();
  for (const page of pages) {
    const shapes = new Set(page.items.filter((i) => inMargin(i, page.height) && hasWords(i.text)).map((i) => shape(i.text)));
    shapes.forEach((s) => pagesWith.set(s, (pagesWith.get(s) ?? 0) + 1));
  }
  const repeatedOn = Math.max(2, Math.ceil(pages.length / 2));
  const furniture = new Set<PositionedText>();
  for (const page of pages) {
    const repeated = (item: PositionedText) => hasWords(item.text) && (pagesWith.get(shape(item.text)) ?? 0) >= repeatedOn;
    const lineMates = (item: PositionedText) =>
      page.items.filter((other) => other !== item && Math.abs(other.y - item.y) < 0.5 * item.fontSize);
    for (const item of page.items) {
      if (!inMargin(item, page.height)) continue;
      const mates = lineMates(item);
      const pageNumber = PAGE_NUMBER.test(item.text.trim()) && mates.every(repeated);
      const running =
        repeated(item) && (mates.every(repeated) || (mates.length === 1 && PAGE_NUMBER.test(mates[0].text.trim())));
      if (pageNumber || running) furniture.add(item);
    }
  }
  return furniture;
}

/** Rejects with TIMEOUT once the deadline passes; the work itself is abandoned, not interrupted. */
export function withDeadline<T>(work: Promise<T>, deadline: number): Promise<T> {
  // Work abandoned at the deadline may still fail later (the document is destroyed under it).
  work.catch(() => undefined);
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new ExtractionFailure("TIMEOUT", "text extraction took too long"));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExtractionFailure("TIMEOUT", "text extraction took too long")), left);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
