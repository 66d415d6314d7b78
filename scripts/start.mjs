#!/usr/bin/env node
/**
 * npm start: bring the database up to date (migrations, bundled reports on an empty store), build
 * the app only when the sources are newer than the last build, then serve on PORT (default 3000).
 */
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const BUILD_MARK = path.join(root, ".next", "BUILD_ID");
/** What a build depends on; anything newer than the last build means build again. */
const SOURCES = ["app", "lib", "db", "next.config.js", "package.json", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const SKIP_DIRS = new Set(["node_modules", ".next", "seed", "migrations"]);

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (SKIP_DIRS.has(child)) continue;
    newest = Math.max(newest, newestChange(path.join(entry, child)));
  }
  return newest;
}

function buildIsCurrent() {
  if (!existsSync(BUILD_MARK)) return false;
  const built = statSync(BUILD_MARK).mtimeMs;
  return SOURCES.every((s) => newestChange(path.join(root, s)) <= built);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const nextBin = path.join(root, "node_modules", ".bin", "next");
run("npm", ["run", "--silent", "db:setup"]);
if (buildIsCurrent()) console.error("start: the build is up to date, skipping next build");
else run(nextBin, ["build"]);

const server = spawn(nextBin, ["start", "-p", process.env.PORT ?? "3000"], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
