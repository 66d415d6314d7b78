/**
 * Word 97-2003 (.doc) → text through word-extractor, which reads the OLE compound file in plain
 * JavaScript. Its body text ends each table cell with a TAB (Word's cell mark) and each paragraph
 * with a line break; a row's end mark is one more TAB, so rows may run on within a line, which the
 * table reader takes in its stride (it cuts rows at their labels, not at line ends).
 *
 * The library runs in a child process (doc-child.mjs), bounded in time and memory: on a damaged
 * file it can fail fatally, taking its process with it, and that must not be the caller's.
 */
import { spawn } from "node:child_process";
import { ExtractionFailure } from "./failure";
import { extractorScript } from "./script-file";

const CHILD_SCRIPT = "doc-child.mjs";
// Heap for the child: a report's .doc is well under a megabyte of text.
const CHILD_HEAP_MB = 256;
// Output beyond this is no report (MAX_TEXT_CHARS is 2 million characters).
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/** True for an OLE compound file holding a Word document (its directory names a WordDocument stream). */
export function isWordDocument(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(WORD_STREAM);
}

const WORD_STREAM = Buffer.from("WordDocument", "utf16le");

export async function extractDocText(bytes: Uint8Array, deadline: number): Promise<string> {
  const script = extractorScript(CHILD_SCRIPT);
  if (!script) throw new ExtractionFailure("UNREADABLE_DOCUMENT", `the .doc reader (${CHILD_SCRIPT}) is missing from this installation`);
  const reply = await runChild(script, bytes, deadline);
  if ("error" in reply) throw new ExtractionFailure("UNREADABLE_DOCUMENT", `not a readable Word 97-2003 document: ${reply.error}`);
  return reply.text;
}

type Reply = { text: string } | { error: string };

function runChild(script: string, bytes: Uint8Array, deadline: number): Promise<Reply> {
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new ExtractionFailure("TIMEOUT", "text extraction took too long"));
  return new Promise((resolve, reject) => {
    // No NODE_OPTIONS: the parent's loaders (tsx, vitest) have no business in the child.
    const child = spawn(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, script], {
      stdio: ["pipe", "pipe", "ignore"],
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let failure: ExtractionFailure | null = null;
    const stop = (reason: ExtractionFailure) => {
      failure ??= reason;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => stop(new ExtractionFailure("TIMEOUT", "text extraction took too long")), left);
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) stop(new ExtractionFailure("FILE_TOO_LARGE", "the document's text is larger than any report"));
      else chunks.push(chunk);
    });
    child.on("error", (cause) => stop(new ExtractionFailure("UNREADABLE_DOCUMENT", `the .doc reader could not start: ${cause.message}`, cause)));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      try {
        if (code !== 0) throw new Error(`the reader stopped (${signal ?? `exit code ${code}`})`);
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Reply);
      } catch (cause) {
        reject(new ExtractionFailure("UNREADABLE_DOCUMENT", `not a readable Word 97-2003 document: ${cause instanceof Error ? cause.message : String(cause)}`, cause));
      }
    });
    // A child that died early closes its stdin: that write error is the close event's to report.
    child.stdin.on("error", () => undefined);
    child.stdin.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}
