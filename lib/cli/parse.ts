/**
 * parse: report files in, JSON out (one object for one file, JSON Lines for several).
 * The interface is fixed; see README "The parse command". Only JSON goes to stdout; anything
 * else (usage, warnings) to stderr. Exit 0 when every file was read, 1 when any could not be, 2 on
 * bad usage.
 */
import { open } from "node:fs/promises";
import { unifyAgencyNames } from "../agency-identity";
import { readReport } from "../report";
import { MAX_DOCUMENT_BYTES } from "../report/extract";
import type { ParsedReport, ReadOutcome } from "../report/types";
import { runCommand } from "./run";

// Libraries may log through console.log: keep stdout for JSON only.
console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);

const USAGE = "usage: npm run --silent parse -- <file> [<file> ...]\n";

/** Reads one file; the size is checked from the file system before its bytes are loaded. */
async function readOne(file: string): Promise<ReadOutcome> {
  try {
    const handle = await open(file, "r");
    try {
      const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }));
      if (!isFile) return { file, error: { code: "IO_ERROR", message: "not a regular file" } };
      if (size > MAX_DOCUMENT_BYTES) {
        return { file, error: { code: "FILE_TOO_LARGE", message: `${size} bytes; the limit is ${MAX_DOCUMENT_BYTES} bytes` } };
      }
      const bytes = new Uint8Array(await handle.readFile());
      return await readReport(bytes, file);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { file, error: { code: "IO_ERROR", message } };
  }
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== "--");
  const options = args.filter((a) => a.startsWith("-") && a !== "-");
  if (args.length === 0 || options.length > 0) {
    if (options.length > 0) process.stderr.write(`unknown option: ${options.join(" ")}\n`);
    process.stderr.write(USAGE);
    return 2;
  }
  const outcomes: ReadOutcome[] = [];
  for (const file of args) outcomes.push(await readOne(file));
  // Printed only once all are read: an agency's name can depend on its other reports in the run.
  const readings = unifyAgencyNames(outcomes.filter((o): o is ParsedReport => !("error" in o)));
  let next = 0;
  let failed = false;
  args.forEach((file, i) => {
    const outcome = "error" in outcomes[i] ? outcomes[i] : readings[next++];
    if ("error" in outcome) failed = true;
    // "file" is the path exactly as given, first in the object.
    process.stdout.write(JSON.stringify({ file, ...outcome }) + "\n");
  });
  return failed ? 1 : 0;
}

runCommand("parse", main);
