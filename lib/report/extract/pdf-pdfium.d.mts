/** Types for pdf-pdfium.mjs (plain JavaScript so that worker threads can load it without a TypeScript loader). */
import type { RawPage } from "./pdf-pool";

export class PageFailure extends Error {
  /** 1-based number of the page that could not be read. */
  page: number;
  constructor(page: number, message: string);
}

/** Compiles and initialises PDFium once per thread. */
export function loadPdfium(): Promise<unknown>;

/** Every page's height and text runs; rejects when the document cannot be opened, PageFailure for a damaged page. */
export function readPdfPages(bytes: Uint8Array): Promise<RawPage[]>;
