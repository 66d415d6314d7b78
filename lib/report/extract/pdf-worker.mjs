/**
 * PDF.js in a worker thread (started by pdf-pool.ts): a PDF's bytes in, every page's text items out.
 *
 * Plain JavaScript on purpose: a worker thread is started by Node itself, without the TypeScript
 * loaders of tsx or vitest, and a Next.js server build copies no .ts file it could load. So this
 * file only reads PDF.js; the items are normalised and laid out in the main thread (pdf.ts).
 *
 * Messages in: { id, bytes: Uint8Array }. Messages out: { id, pages: [{ height, items }] } where an
 * item is { str, transform, width, height, vertical }, or { id, failure: { page, message } } where
 * page is null when the document itself could not be opened.
 */
import { parentPort } from "node:worker_threads";

// PDF.js inflates each Flate stream through DecompressionStream when the global exists. Reports
// carry hundreds of tiny Type3 font streams, and each one costs a round trip to libuv's thread pool;
// PDF.js's own synchronous inflate reads the same reports with ~45% less CPU. There is no PDF.js
// option for this, so the global is removed here, in this worker's own realm only (the user's
// globals in the main thread are left alone), before PDF.js is loaded.
delete globalThis.DecompressionStream;

const { getDocumentProxy } = await import("unpdf");

parentPort.on("message", async ({ id, bytes }) => {
  try {
    parentPort.postMessage({ id, pages: await readPages(bytes) });
  } catch (cause) {
    const failure = cause instanceof PageFailure ? { page: cause.page, message: cause.message } : { page: null, message: messageOf(cause) };
    parentPort.postMessage({ id, failure });
  }
});

class PageFailure extends Error {
  constructor(page, cause) {
    super(messageOf(cause));
    this.page = page;
  }
}

async function readPages(bytes) {
  const document = await getDocumentProxy(bytes, { stopAtErrors: false, verbosity: 0 });
  try {
    const pages = [];
    for (let n = 1; n <= document.numPages; n++) pages.push(await readPage(document, n));
    return pages;
  } finally {
    void document.destroy().catch(() => undefined);
  }
}

async function readPage(document, pageNumber) {
  const page = await document.getPage(pageNumber).catch((cause) => {
    throw new PageFailure(pageNumber, cause);
  });
  const content = await page.getTextContent();
  const height = page.getViewport({ scale: 1 }).height;
  const items = [];
  for (const item of content.items) {
    if (!("str" in item) || item.str.trim() === "") continue;
    items.push({
      str: item.str,
      transform: item.transform,
      width: item.width,
      height: item.height,
      vertical: content.styles[item.fontName]?.vertical ?? false,
    });
  }
  page.cleanup();
  return { height, items };
}

function messageOf(cause) {
  return cause instanceof Error ? cause.message : String(cause);
}
