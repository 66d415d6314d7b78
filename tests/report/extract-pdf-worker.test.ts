/** PDF.js runs in a worker pool: a time limit stops the work itself, and the pool recovers after it. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { extractDocument } from "@/lib/report/extract";
import { liveWorkers, workerFile } from "@/lib/report/extract/pdf-pool";

const fixture = (file: string) => new Uint8Array(readFileSync(path.resolve(__dirname, "../fixtures", file)));

async function textOf(file: string, timeoutMs?: number): Promise<string> {
  const result = await extractDocument(fixture(file), path.basename(file), timeoutMs === undefined ? {} : { timeoutMs });
  return "error" in result ? `error ${result.error.code}` : result.text;
}

function cpuMillis(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

describe("PDF extraction in a worker thread", () => {
  it("finds its worker file beside the module (tests run the worker path, not the in-thread fallback)", () => {
    expect(workerFile()).toMatch(/pdf-worker\.mjs$/);
  });

  it("a PDF over a tiny time limit is TIMEOUT, its worker is stopped, and the next PDF still extracts", async () => {
    const before = await textOf("real/r05.pdf");
    expect(before).toMatch(/政府信息公开/);
    expect(liveWorkers()).toBe(1);

    expect(await textOf("real/r01.pdf", 20)).toBe("error TIMEOUT");
    expect(liveWorkers()).toBe(0); // terminated, not left running

    expect(await textOf("real/r05.pdf")).toBe(before);
    expect(liveWorkers()).toBe(1);
  });

  it("after a TIMEOUT nothing keeps reading the abandoned PDF", async () => {
    const pdf = fixture("real/r01.pdf");
    // Without the limit this file takes a few hundred milliseconds of CPU; stop it almost at once.
    const result = await extractDocument(pdf, "r01.pdf", { timeoutMs: 5 });
    expect(result).toEqual({ error: { code: "TIMEOUT", message: expect.any(String) } });
    const cpuAtTimeout = cpuMillis();
    await sleep(500);
    expect(cpuMillis() - cpuAtTimeout).toBeLessThan(150);
  });

  it("reads several PDFs at once within a small pool, each as it reads alone", async () => {
    const files = ["real/r01.pdf", "real/r05.pdf", "real/r09.pdf", "converted/000.pdf"];
    const alone: string[] = [];
    for (const file of files) alone.push(await textOf(file));
    const together = await Promise.all(files.map((file) => textOf(file)));
    expect(together).toEqual(alone);
    expect(liveWorkers()).toBeGreaterThan(0);
    expect(liveWorkers()).toBeLessThanOrEqual(2);
  });

  it("leaves the main thread's DecompressionStream alone", async () => {
    await textOf("real/r05.pdf");
    expect(typeof globalThis.DecompressionStream).toBe("function");
  });
});
