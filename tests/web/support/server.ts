/**
 * The built app under test: build it when the sources are newer than the last build, then run
 * `next start` on a free loopback port with the test's database, and stop it afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/** Tests, the bench and the app all run from the project root (db/client resolves migrations so too). */
export const PROJECT_ROOT = process.cwd();
const NEXT_BIN = path.join(PROJECT_ROOT, "node_modules", ".bin", "next");
const BUILD_ID = path.join(PROJECT_ROOT, ".next", "BUILD_ID");

/** What a production build depends on; tests, data and tool folders do not change it. */
const NOT_BUILD_INPUTS = new Set([
  "node_modules",
  ".next",
  ".git",
  ".data",
  ".ci",
  "tests",
  "test-results",
  "bench-corpus",
]);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (NOT_BUILD_INPUTS.has(entry.name) || entry.name.endsWith(".tsbuildinfo")) continue;
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

export function buildIsStale(): boolean {
  if (!existsSync(BUILD_ID)) return true;
  return newestMtime(PROJECT_ROOT) > statSync(BUILD_ID).mtimeMs;
}

async function runNextBuild(): Promise<{ code: number | null; output: string }> {
  const child = spawn(NEXT_BIN, ["build"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  return { code, output };
}

/** Next refuses to start a second build in the same folder while one runs. */
const BUILD_LOCKED = /Another next build process is already running/;
const BUILD_LOCK_WAIT_MS = 5 * 60_000;

/**
 * `next build`, only when needed; a failed build fails the run with the build's own output.
 * When someone else's build of this checkout is running, wait for it and build again only if
 * the result is still stale.
 */
export async function ensureBuilt(log: (line: string) => void = () => {}): Promise<void> {
  const deadline = Date.now() + BUILD_LOCK_WAIT_MS;
  while (buildIsStale()) {
    log("web tests: building the app (next build)…");
    const started = Date.now();
    const { code, output } = await runNextBuild();
    if (code === 0) {
      log(`web tests: built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      return;
    }
    if (!BUILD_LOCKED.test(output) || Date.now() > deadline) {
      const tail = output.trim().split("\n").slice(-40).join("\n");
      throw new Error(`next build failed (exit ${code}):\n${tail}`);
    }
    log("web tests: another next build is running here; waiting for it");
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

async function waitUntilServing(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(baseUrl, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`next start did not answer on ${baseUrl} within 60 s:\n${output()}`);
}

/** An environment without the variables set to undefined (which mean "unset" here). */
function definedOnly(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
}

/** `next start` on a free loopback port; `env` carries the database the app must use. */
export async function startApp(env: Record<string, string | undefined>): Promise<RunningApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(NEXT_BIN, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: PROJECT_ROOT,
    env: definedOnly({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stop() ends next's workers too
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilServing(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
