/**
 * `npm run db:export -- [file]`: the whole database as a JSON Lines dump (stdout without a file).
 * Load it elsewhere with `npm run db:import-dump -- <file>`.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { openDatabase } from "../client";
import { dumpLines } from "../dump";
import { runCommand } from "../../lib/cli/run";

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

async function main(argv: string[]): Promise<void> {
  const file = argv.filter((a) => a !== "--")[0];
  const out: Writable = file ? createWriteStream(file) : process.stdout;
  const handle = await openDatabase();
  let reports = 0;
  try {
    for await (const line of dumpLines(handle)) {
      if (line.type === "report") reports++;
      await write(out, JSON.stringify(line) + "\n");
    }
  } finally {
    await handle.close();
  }
  if (file) {
    out.end();
    await once(out, "finish");
  }
  process.stderr.write(`exported ${reports} readings from ${handle.engine} (${handle.location})${file ? ` to ${file}` : ""}\n`);
}

runCommand("db:export", main);
