/**
 * parse: report files in, JSON out (one object for one file, JSON Lines for several).
 * The interface is fixed; see README "The parse command".
 */
import { readFile } from "node:fs/promises";
import { readReport } from "../report";
import type { ReadOutcome } from "../report/types";

async function readOne(file: string): Promise<ReadOutcome> {
  try {
    return await readReport(new Uint8Array(await readFile(file)), file);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { file, error: { code: "IO_ERROR", message } };
  }
}

async function main(argv: string[]): Promise<number> {
  const files = argv.filter((a) => a !== "--");
  if (files.length === 0) {
    process.stderr.write("usage: npm run --silent parse -- <file> [<file> ...]\n");
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const outcome = await readOne(file);
    if ("error" in outcome) failed = true;
    process.stdout.write(JSON.stringify(outcome) + "\n");
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
