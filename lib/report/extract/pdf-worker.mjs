/**
 * PDFium in a worker thread (started by pdf-pool.ts): a PDF's bytes in, every page's text runs out.
 *
 * Plain JavaScript on purpose: a worker thread is started by Node itself, without the TypeScript
 * loaders of tsx or vitest, and a Next.js server build copies no .ts file it could load. So this
 * file only reads the PDF (pdf-pdfium.mjs); the runs are laid out in the main thread (pdf.ts).
 * PDFium's WebAssembly is compiled when the worker starts, once, not for each document.
 *
 * Messages in: { id, bytes: Uint8Array }. Messages out: { id, pages: [{ height, items }] } where an
 * item is { str, transform, width, height, vertical }, or { id, failure: { page, message } } where
 * page is null when the document itself could not be opened.
 */
import { parentPort } from "node:worker_threads";
import { loadPdfium, PageFailure, readPdfPages } from "./pdf-pdfium.mjs";

// Compile while the first document is on its way; a failure here is reported with that document.
loadPdfium().catch(() => undefined);

parentPort.on("message", async ({ id, bytes }) => {
  try {
    parentPort.postMessage({ id, pages: await readPdfPages(bytes) });
  } catch (cause) {
    const failure = cause instanceof PageFailure ? { page: cause.page, message: cause.message } : { page: null, message: messageOf(cause) };
    parentPort.postMessage({ id, failure });
  }
});

function messageOf(cause) {
  return cause instanceof Error ? cause.message : String(cause);
}
