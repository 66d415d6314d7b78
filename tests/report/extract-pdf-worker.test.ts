/** The PDF engine runs in a worker pool: a time limit stops the work itself, and the pool recovers after it. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { onePagePdf } from "./support/pdf";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { extractDocument } from "@/lib/report/extract";
import { liveWorkers, workerFile } from "@/lib/report/extract/pdf-pool";

const fixture = (file: string) => new Uint8Array(readFileSync(path.resolve(__dirname, "../fixtures", file)));

async function textOf(file: string): Promise<string> {
  const result = await extractDocument(fixture(file), path.basename(file));
  return "error" in result ? `error ${result.error.code}` : result.text;
}

/**
 * A valid one-page PDF whose content stream shows one character `runs` times, each moved a little.
 * The stream is compressed, so a page that takes seconds to read stays a small file.
 */
function pdfWithLongPage(runs: number): Uint8Array {
  return onePagePdf(`BT /F1 9 Tf 40 800 Td ${"(x) Tj 0.01 -0.001 Td ".repeat(runs)}ET`, { compressed: true });
}

function cpuMillis(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

describe("PDF extraction in a worker thread", () => {
  it("finds its worker file beside the module (tests run the worker path, not the in-thread fallback)", () => {
    expect(workerFile()).toMatch(/pdf-worker\.mjs$/);
  });

  it("a PDF over its time limit is TIMEOUT, its worker is stopped, and the next PDF still extracts", async () => {
    const before = await textOf("real/r05.pdf");
    expect(before).toMatch(/政府信息公开/);
    expect(liveWorkers()).toBe(1);

    const slow = await extractDocument(pdfWithLongPage(3_000_000), "slow.pdf", { timeoutMs: 200 });
    expect(slow).toEqual({ error: { code: "TIMEOUT", message: expect.any(String) } });
    expect(liveWorkers()).toBe(0); // terminated, not left running

    expect(await textOf("real/r05.pdf")).toBe(before);
    expect(liveWorkers()).toBe(1);
  });

  it("a page that takes seconds of synchronous work is stopped at the limit, and nothing runs on", async () => {
    const hostile = pdfWithLongPage(3_000_000); // some 3 s of CPU for its text
    const started = Date.now();
    const result = await extractDocument(hostile, "hostile.pdf", { timeoutMs: 300 });
    expect(result).toEqual({ error: { code: "TIMEOUT", message: expect.any(String) } });
    // A timer in the reading thread would fire only after the synchronous step, seconds late.
    expect(Date.now() - started).toBeLessThan(1500);
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
});
