/**
 * PDFium (compiled to WebAssembly, @embedpdf/pdfium) as a text-only PDF reader: a PDF's bytes in,
 * each page's height and text runs out, in the shape pdf-layout.ts expects (RawPage in pdf-pool.ts).
 *
 * PDFium's text page gives one character at a time with its origin, box and font size; runs are
 * rebuilt here from geometry: characters on one baseline in one font and size, each starting where
 * the previous one's advance ends, form a run. Like PDF.js, a gap of a tenth of an em or more
 * inside a run becomes a space and a gap over 0.6 em ends the run; the layout joins runs into
 * cells and lines. Characters stepping down one em at the same x are vertical writing.
 *
 * Plain JavaScript on purpose: it runs in the worker thread (pdf-worker.mjs), which Node starts
 * without the TypeScript loaders, and in the main thread where there is no worker file (pdf.ts).
 * The WebAssembly module is compiled once per thread and reused for every document.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** A page PDFium could not load: its 1-based number travels with the failure. */
export class PageFailure extends Error {
  constructor(page, message) {
    super(message);
    this.page = page;
  }
}

let loading = null;

/** The PDFium module, compiled and initialised on first use. */
export function loadPdfium() {
  loading ??= (async () => {
    const { init } = await import("@embedpdf/pdfium");
    // The binary sits beside the package's entry. Resolved from the entry rather than as
    // "@embedpdf/pdfium/pdfium.wasm": a bundler (Next.js) would try to bundle a .wasm it is shown.
    const entry = createRequire(import.meta.url).resolve("@embedpdf/pdfium");
    const module = await init({ wasmBinary: readFileSync(path.join(path.dirname(entry), "pdfium.wasm")) });
    module.PDFiumExt_Init();
    return module.pdfium;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Every page's text runs. Synchronous: a caller that needs a hard time limit runs it in a worker. */
export async function readPdfPages(bytes) {
  const pdfium = await loadPdfium();
  try {
    return readPages(pdfium, bytes);
  } catch (cause) {
    // A trap inside PDFium (an abort, memory out of bounds) leaves its heap in an unknown state:
    // the next document gets a freshly instantiated module.
    if (cause instanceof WebAssembly.RuntimeError) loading = null;
    throw cause;
  }
}

// FPDF_GetLastError codes.
const OPEN_ERRORS = [
  "unknown error",
  "unknown error",
  "the file could not be opened",
  "not a PDF or damaged beyond repair",
  "the PDF is password protected",
  "the PDF uses an unsupported security handler",
  "the PDF's pages could not be read",
];

function readPages(pdfium, bytes) {
  const x = pdfium.wasmExports;
  const data = x.malloc(bytes.length);
  if (!data) throw new Error("out of memory for the PDF");
  pdfium.HEAPU8.set(bytes, data);
  const scratch = x.malloc(64);
  const document = x.FPDF_LoadMemDocument(data, bytes.length, 0);
  try {
    if (!document) throw new Error(OPEN_ERRORS[x.FPDF_GetLastError()] ?? "unknown error");
    const pages = [];
    const count = x.FPDF_GetPageCount(document);
    for (let index = 0; index < count; index++) pages.push(readPage(pdfium, document, index, scratch));
    return pages;
  } finally {
    if (document) x.FPDF_CloseDocument(document);
    x.free(scratch);
    x.free(data);
  }
}

// Gaps inside a run, in ems: the thresholds PDF.js uses for an inferred space and for a new item.
const SPACE_GAP = 0.102;
const BREAK_GAP = 0.6;
// The vertical origin of a glyph in vertical writing sits this far above PDFium's origin (the
// default vertical metrics, DW2 [880 -1000]); a vertical run is placed from there.
const VERTICAL_ORIGIN = 0.88;

function readPage(pdfium, document, index, scratch) {
  const x = pdfium.wasmExports;
  const page = x.FPDF_LoadPage(document, index);
  if (!page) throw new PageFailure(index + 1, "the page could not be loaded");
  const text = x.FPDFText_LoadPage(page);
  if (!text) {
    x.FPDF_ClosePage(page);
    throw new PageFailure(index + 1, "the page's text could not be read");
  }
  try {
    return { height: x.FPDF_GetPageHeightF(page), items: readRuns(pdfium, text, scratch) };
  } finally {
    x.FPDFText_ClosePage(text);
    x.FPDF_ClosePage(page);
  }
}

function readRuns(pdfium, text, scratch) {
  const x = pdfium.wasmExports;
  const f32 = scratch >> 2;
  const f64 = scratch >> 3;
  const fonts = new Map();
  const items = [];
  let run = null;
  let object = -1;
  let font = "";
  const count = x.FPDFText_CountChars(text);
  for (let i = 0; i < count; i++) {
    const code = x.FPDFText_GetUnicode(text, i);
    // Line breaks and spaces PDFium infers from positions are left to the layout.
    if (code < 32 || code === 0xfffe || code === 0xffff || (code === 32 && x.FPDFText_IsGenerated(text, i))) continue;
    const heapF32 = pdfium.HEAPF32;
    const heapF64 = pdfium.HEAPF64;
    x.FPDFText_GetMatrix(text, i, scratch);
    const a = heapF32[f32], b = heapF32[f32 + 1], c = heapF32[f32 + 2], d = heapF32[f32 + 3];
    x.FPDFText_GetCharOrigin(text, i, scratch, scratch + 8);
    const ox = heapF64[f64], oy = heapF64[f64 + 1];
    x.FPDFText_GetLooseCharBox(text, i, scratch);
    const left = heapF32[f32], top = heapF32[f32 + 1], right = heapF32[f32 + 2], bottom = heapF32[f32 + 3];
    const fontSize = x.FPDFText_GetFontSize(text, i);
    const textObject = x.FPDFText_GetTextObject(text, i);
    if (textObject !== object) {
      object = textObject;
      font = textObject ? fontName(pdfium, x.FPDFTextObj_GetFont(textObject), fonts) : "";
    }
    const g = glyph(String.fromCodePoint(code), fontSize, [a, b, c, d], ox, oy, { left, top, right, bottom }, font);
    if (run && extend(run, g)) continue;
    if (run) items.push(itemOf(run));
    run = { str: g.ch, first: g, last: g, vertical: false };
  }
  if (run) items.push(itemOf(run));
  return items.filter((item) => item.str.trim() !== "");
}

function glyph(ch, fontSize, [a, b, c, d], ox, oy, box, font) {
  const size = fontSize * (Math.hypot(c, d) || Math.hypot(a, b) || 1);
  const norm = Math.hypot(a, b) || 1;
  // unit vector along the baseline
  const ux = a / norm;
  const uy = b / norm;
  const width = box.right - box.left;
  const height = box.top - box.bottom;
  // The loose box spans the advance from the origin. Where PDFium has no advance for a glyph (text
  // taken from ActualText) it is the ink box instead, which ends short of the advance; and for
  // vertical writing it is not scaled to the page. Such a box gives no reliable gap after it.
  const fromOrigin = Math.abs((box.left - ox) * ux + (box.bottom - oy) * uy) < 0.01 * size || Math.abs(ux) < 0.99;
  const measured = Math.abs(width * ux) + Math.abs(height * uy);
  const reliable = fromOrigin && measured < 2 * size;
  const advance = reliable ? measured : Math.min(measured, size);
  return { ch, ox, oy, ux, uy, size, advance, reliable, font, matrix: [a * fontSize, b * fontSize, c * fontSize, d * fontSize] };
}

/** Adds g to the run when it continues it; false when it starts a run of its own. */
function extend(run, g) {
  const last = run.last;
  if (g.font !== last.font || Math.abs(g.size - last.size) > 0.02 * last.size) return false;
  if (Math.abs(g.ux - last.ux) > 0.01 || Math.abs(g.uy - last.uy) > 0.01) return false;
  // g's origin relative to the previous glyph's origin, along and across the baseline
  const dx = g.ox - last.ox;
  const dy = g.oy - last.oy;
  const along = dx * g.ux + dy * g.uy;
  const across = dy * g.ux - dx * g.uy;
  if (!run.vertical && Math.abs(across) <= 0.1 * g.size) {
    const gap = along - last.advance;
    if (gap < -0.5 * g.size || gap > BREAK_GAP * g.size) return false;
    if (gap > SPACE_GAP * g.size && last.reliable && last.ch !== " " && g.ch !== " ") run.str += " ";
    run.str += g.ch;
    run.last = g;
    return true;
  }
  // Vertical writing: the next glyph one em below, in the same column. A column of digits is a
  // column of table cells, never a vertical label.
  const below = -across;
  const stepsDown = Math.abs(along) <= 0.1 * g.size && below >= 0.9 * g.size && below <= 1.1 * g.size;
  if (stepsDown && (run.vertical || run.first === last) && !/\d/.test(g.ch + last.ch)) {
    run.vertical = true;
    run.str += g.ch;
    run.last = g;
    return true;
  }
  return false;
}

function itemOf(run) {
  const { first, last } = run;
  const size = first.size;
  if (run.vertical) {
    const transform = [...first.matrix, first.ox, first.oy + VERTICAL_ORIGIN * size];
    const length = (first.ox - last.ox) * first.uy + (first.oy - last.oy) * first.ux + size;
    return { str: run.str, transform, width: size, height: length, vertical: true };
  }
  const width = (last.ox - first.ox) * first.ux + (last.oy - first.oy) * first.uy + last.advance;
  return { str: run.str, transform: [...first.matrix, first.ox, first.oy], width, height: size, vertical: false };
}

/**
 * A font's base name: runs break where it changes, as PDF.js breaks its items. Type3 fonts have
 * none, so text a printer split over many small Type3 fonts still reads as runs.
 */
function fontName(pdfium, handle, fonts) {
  if (!handle) return "";
  let name = fonts.get(handle);
  if (name !== undefined) return name;
  const x = pdfium.wasmExports;
  const length = x.FPDFFont_GetBaseFontName(handle, 0, 0);
  name = "";
  if (length > 1) {
    const buffer = x.malloc(length);
    x.FPDFFont_GetBaseFontName(handle, buffer, length);
    name = pdfium.UTF8ToString(buffer);
    x.free(buffer);
  }
  fonts.set(handle, name);
  return name;
}
