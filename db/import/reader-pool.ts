/**
 * Reading reports on worker threads. The reader is CPU-bound JavaScript; on one thread it caps an
 * import at what one core reads. A pool lets the main thread store while other cores read.
 * Used by the command-line import (workers load TypeScript through the tsx runtime it runs under).
 */
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ReadOutcome } from "../../lib/report/types";
import type { ReadRequest } from "./reader-worker";

export type ReadFunction = (bytes: Uint8Array, fileName: string) => Promise<ReadOutcome>;

export interface ReaderPool {
  read: ReadFunction;
  size: number;
  close(): Promise<void>;
}

/** One reader thread per core beyond the first, which stores; none on a single core. */
export function defaultReaderCount(): number {
  return Math.max(0, os.availableParallelism() - 1);
}

type Reply = { id: number; outcome: ReadOutcome } | { id: number; error: string };

export function startReaderPool(size: number): ReaderPool {
  const script = path.join(process.cwd(), "db", "import", "reader-worker.ts");
  // Loader hooks are per thread: each worker registers tsx itself before loading the TypeScript reader.
  const bootstrap = `require("tsx/cjs"); require(${JSON.stringify(script)});`;
  const workers = Array.from({ length: size }, () => new Worker(bootstrap, { eval: true }));
  const busy = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const pending = new Map<number, { resolve: (o: ReadOutcome) => void; reject: (e: Error) => void; worker: Worker }>();
  let nextId = 0;

  for (const worker of workers) {
    worker.on("message", (reply: Reply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      busy.set(worker, busy.get(worker)! - 1);
      if ("error" in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.outcome);
    });
    worker.on("error", (error) => {
      // A crashed worker fails what it held; the import reports those files and goes on.
      for (const [id, waiting] of pending) {
        if (waiting.worker !== worker) continue;
        pending.delete(id);
        waiting.reject(error);
      }
      busy.set(worker, Number.POSITIVE_INFINITY);
    });
  }

  const leastBusy = () => workers.reduce((a, b) => (busy.get(b)! < busy.get(a)! ? b : a));

  return {
    size,
    read(bytes, fileName) {
      const worker = leastBusy();
      if (!Number.isFinite(busy.get(worker)!)) return Promise.reject(new Error("every reader thread has crashed"));
      const id = nextId++;
      busy.set(worker, busy.get(worker)! + 1);
      return new Promise<ReadOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        worker.postMessage({ id, bytes, fileName } satisfies ReadRequest);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
