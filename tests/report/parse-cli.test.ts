/** The parse command's fixed interface: JSON on stdout only, JSON Lines for several files, exit codes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
let scratch: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function parse(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(tsx, ["lib/cli/parse.ts", ...args], { cwd: root, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "parse-cli-"));
  writeFileSync(path.join(scratch, "empty.txt"), "");
  // A sparse 50 MB file: it must be refused from its size, without reading it.
  writeFileSync(path.join(scratch, "huge.pdf"), "");
  truncateSync(path.join(scratch, "huge.pdf"), 50 * 1024 * 1024);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("parse command", () => {
  it("prints one JSON object for one file, with the path as given, and exits 0", async () => {
    const file = "tests/fixtures/seeds/000_6524e2516c3e27b9.txt";
    const run = await parse(file);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]);
    expect(report.file).toBe(file);
    expect(report.template).toMatch(/^20(19|21)$/);
    expect(Object.keys(report.values).length).toBeGreaterThan(100);
  });

  it("prints JSON Lines in the order given, and exits 1 when any file is unreadable", async () => {
    const empty = path.join(scratch, "empty.txt");
    const huge = path.join(scratch, "huge.pdf");
    const run = await parse("tests/fixtures/converted/002.html", empty, huge, path.join(scratch, "missing.txt"));
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(["tests/fixtures/converted/002.html", empty, huge, path.join(scratch, "missing.txt")]);
    expect(lines[0].values).toBeDefined();
    expect(lines.slice(1).map((l) => l.error.code)).toEqual(["EMPTY_FILE", "FILE_TOO_LARGE", "IO_ERROR"]);
    for (const line of lines.slice(1)) expect(Object.keys(line)).toEqual(["file", "error"]);
  });

  it("gives one agency one name across the files of a run, and says so", async () => {
    const [r05, r09] = ["tests/fixtures/real/r05.pdf", "tests/fixtures/real/r09.pdf"];
    const alone = JSON.parse((await parse(r09)).stdout);
    expect(alone.agency).toBe("淮安市洪泽区人民政府");
    const run = await parse(r05, r09);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.agency)).toEqual(["洪泽区人民政府", "洪泽区人民政府"]);
    expect(lines[1].issues.filter((i: { code: string }) => i.code === "AGENCY_NAME_UNIFIED")).toHaveLength(1);
  });

  it("keeps stdout for JSON even when a PDF is read", async () => {
    const run = await parse("tests/fixtures/real/r05.pdf");
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });

  it("exits 2 with usage on stderr when no file is given", async () => {
    const run = await parse();
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/usage/);
  });
});
