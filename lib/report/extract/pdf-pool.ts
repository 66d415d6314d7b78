/**
 * A small pool of worker threads running pdf-worker.mjs, so that the PDF engine (PDFium, in
 * WebAssembly) never runs in the main thread and a time limit is real: it reads a document in one
 * long synchronous call that a timer in its own thread cannot interrupt, so a worker still busy at
 * the deadline is terminated (and replaced by the next job that needs one) instead of being left
 * to burn a core.
 *
 * Workers start lazily, are reused across files (each compiles PDFium once, when it starts) and are
 * unref'd while idle, so a CLI run exits when its work is done without having to close the pool.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { extractorScript } from "./script-file";

/** One text run (the shape of a PDF.js text item), reduced to what the layout needs. */
export interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  vertical: boolean;
}

export interface RawPage {
  height: number;
  items: RawTextItem[];
}

/** Why the worker could not read a PDF: page is null when the document itself did not open. */
export interface WorkerFailure {
  page: number | null;
  message: string;
}

export class WorkerTimeout extends Error {}

type Reply = { id: number; pages: RawPage[] } | { id: number; failure: WorkerFailure };

interface Job {
  id: number;
  bytes: Uint8Array;
  deadline: number;
  resolve: (pages: RawPage[]) => void;
  reject: (cause: unknown) => void;
  /** Set while the job waits for a free worker (see expireWhileQueued). */
  queuedTimer?: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer?: ReturnType<typeof setTimeout>;
}

const POOL_SIZE = Math.min(2, availableParallelism());
const WORKER_FILE = "pdf-worker.mjs";

/**
 * The worker file, or null where there is none (see extractorScript); the caller then reads the
 * PDF in its own thread, without a hard time limit.
 */
export function workerFile(): string | null {
  return extractorScript(WORKER_FILE);
}

const slots: Slot[] = [];
const queue: Job[] = [];
let nextId = 1;

/** Reads a PDF's pages in a worker; rejects with WorkerTimeout at the deadline, WorkerFailure-carrying Errors otherwise. */
export function readPagesInWorker(file: string, bytes: Uint8Array, deadline: number): Promise<RawPage[]> {
  return new Promise((resolve, reject) => {
    const job: Job = { id: nextId++, bytes, deadline, resolve, reject };
    queue.push(job);
    dispatch(file);
    if (queue.includes(job)) expireWhileQueued(job);
  });
}

/** Workers alive now (for tests: a timed-out worker is gone, and the pool stays within its size). */
export function liveWorkers(): number {
  return slots.length;
}

/** A job still waiting for a free worker at its deadline is TIMEOUT then, not when a worker frees up. */
function expireWhileQueued(job: Job): void {
  job.queuedTimer = setTimeout(() => {
    const at = queue.indexOf(job);
    if (at < 0) return;
    queue.splice(at, 1);
    job.reject(new WorkerTimeout("text extraction took too long"));
  }, job.deadline - Date.now());
}

function dispatch(file: string): void {
  while (queue.length > 0) {
    const job = queue.shift()!;
    if (Date.now() >= job.deadline) {
      job.reject(new WorkerTimeout("text extraction took too long"));
      continue;
    }
    const slot = slots.find((s) => s.job === null) ?? (slots.length < POOL_SIZE ? startWorker(file) : null);
    if (!slot) {
      queue.unshift(job);
      return;
    }
    run(slot, job, file);
  }
}

function run(slot: Slot, job: Job, file: string): void {
  clearTimeout(job.queuedTimer);
  slot.job = job;
  slot.worker.ref(); // keep the process alive while someone waits for this answer
  // The worker gets its own copy, transferred, not cloned again: the caller's bytes stay usable.
  const copy = new Uint8Array(job.bytes);
  slot.worker.postMessage({ id: job.id, bytes: copy }, [copy.buffer]);
  slot.timer = setTimeout(() => {
    retire(slot);
    job.reject(new WorkerTimeout("text extraction took too long"));
    dispatch(file);
  }, job.deadline - Date.now());
}

function startWorker(file: string): Slot {
  const slot: Slot = { worker: new Worker(file), job: null };
  slot.worker.unref();
  slot.worker.on("message", (reply: Reply) => {
    const job = slot.job;
    if (!job || reply.id !== job.id) return;
    finish(slot);
    if ("pages" in reply) job.resolve(reply.pages);
    else job.reject(Object.assign(new Error(reply.failure.message), { failure: reply.failure }));
    dispatch(file);
  });
  // A worker that dies (out of memory, a crash in PDFium) fails its job and is replaced on demand.
  const die = (cause: unknown) => {
    const job = slot.job;
    retire(slot);
    job?.reject(Object.assign(new Error(`PDF worker stopped: ${cause instanceof Error ? cause.message : String(cause)}`), {
      failure: { page: null, message: String(cause) },
    }));
    dispatch(file);
  };
  slot.worker.on("error", die);
  slot.worker.on("exit", (code) => {
    if (slots.includes(slot)) die(`exit code ${code}`);
  });
  slots.push(slot);
  return slot;
}

function finish(slot: Slot): void {
  clearTimeout(slot.timer);
  slot.job = null;
  slot.worker.unref();
}

function retire(slot: Slot): void {
  clearTimeout(slot.timer);
  slot.job = null;
  const at = slots.indexOf(slot);
  if (at >= 0) slots.splice(at, 1);
  void slot.worker.terminate().catch(() => undefined);
}
