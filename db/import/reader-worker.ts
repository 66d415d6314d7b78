/** A worker thread that runs the report reader, so reading (CPU) overlaps with storing (I/O). */
import { parentPort } from "node:worker_threads";
import { readReport } from "../../lib/report";

export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
}

parentPort!.on("message", async (request: ReadRequest) => {
  try {
    const outcome = await readReport(request.bytes, request.fileName);
    parentPort!.postMessage({ id: request.id, outcome });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
