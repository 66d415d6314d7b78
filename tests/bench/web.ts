/**
 * `npm run bench:web`: the built app on the bundled reports (the browser tests' seeded app),
 * 20 concurrent clients making a bounded number of requests to each page over loopback;
 * prints p50/p95 latency per page.
 *
 *   npm run bench:web                  # 200 requests per page, 20 clients
 *   npm run bench:web -- --requests 400 --clients 20
 */
import { startSeededApp } from "../web/support/app";

interface Options {
  clients: number;
  requests: number;
  warmup: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { clients: 20, requests: 200, warmup: 5 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], Number(argv[i + 1])];
    const name = flag.replace(/^--/, "") as keyof Options;
    if (!(name in options) || !Number.isInteger(value) || value < 0) {
      throw new Error(`usage: bench:web [--clients N] [--requests N] [--warmup N] (bad: ${flag} ${argv[i + 1]})`);
    }
    options[name] = value;
    i++;
  }
  return options;
}

interface PageResult {
  path: string;
  latencies: number[];
  failures: number;
  bytes: number;
  seconds: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

async function timedGet(url: string): Promise<{ ms: number; ok: boolean; bytes: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    const body = await response.arrayBuffer(); // a page is done when its whole stream is read
    return { ms: performance.now() - started, ok: response.ok, bytes: body.byteLength };
  } catch {
    return { ms: performance.now() - started, ok: false, bytes: 0 };
  }
}

/** `clients` workers share one counter, so exactly `requests` requests are made. */
async function benchPage(baseUrl: string, path: string, options: Options): Promise<PageResult> {
  const url = new URL(path, baseUrl).toString();
  for (let i = 0; i < options.warmup; i++) await timedGet(url);
  const result: PageResult = { path, latencies: [], failures: 0, bytes: 0, seconds: 0 };
  let issued = 0;
  const worker = async () => {
    while (issued < options.requests) {
      issued++;
      const { ms, ok, bytes } = await timedGet(url);
      result.latencies.push(ms);
      result.bytes += bytes;
      if (!ok) result.failures++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.clients }, worker));
  result.seconds = (performance.now() - started) / 1000;
  result.latencies.sort((a, b) => a - b);
  return result;
}

/** The first agency detail page linked from the agency list, so `/agencies/[id]` is measured too. */
async function anAgencyPath(baseUrl: string): Promise<string | null> {
  const html = await (await fetch(new URL("/agencies", baseUrl))).text();
  return html.match(/href="(\/agencies\/\d+)[^"]*"/)?.[1] ?? null;
}

function printTable(results: PageResult[], options: Options): void {
  const header = ["page", "requests", "failed", "p50 ms", "p95 ms", "max ms", "req/s", "kB/page"];
  const rows = results.map((r) => [
    r.path,
    String(r.latencies.length),
    String(r.failures),
    percentile(r.latencies, 50).toFixed(0),
    percentile(r.latencies, 95).toFixed(0),
    (r.latencies.at(-1) ?? Number.NaN).toFixed(0),
    (r.latencies.length / r.seconds).toFixed(1),
    (r.bytes / Math.max(1, r.latencies.length) / 1024).toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\n${options.clients} concurrent clients, ${options.requests} requests per page (after ${options.warmup} warm-up)\n`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2).filter((a) => a !== "--"));
  const app = await startSeededApp((line) => console.error(line));
  try {
    const paths = ["/", "/regions", "/trends", "/refusals", "/penalties", "/reviews", "/agencies", "/compare"];
    const agency = await anAgencyPath(app.baseUrl);
    if (agency) paths.push(agency);
    else console.error("bench:web: no agency link found on /agencies; /agencies/[id] not measured");
    const results: PageResult[] = [];
    for (const path of paths) {
      console.error(`bench:web: ${path}…`);
      results.push(await benchPage(app.baseUrl, path, options));
    }
    printTable(results, options);
    if (results.some((r) => r.failures > 0)) process.exitCode = 1;
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error("bench:web failed:", error);
  process.exitCode = 1;
});
