/** `npm run db:import-dump -- <file>`: loads a dump made by db:export into an empty database. */
import { openDatabase } from "../client";
import { loadDump } from "../dump";
import { readDumpFile } from "../dump-file";
import { prepareDatabase } from "../prepare";
import { runCommand } from "../../lib/cli/run";

async function main(argv: string[]): Promise<number> {
  const file = argv.filter((a) => a !== "--")[0];
  if (!file) {
    process.stderr.write("usage: npm run db:import-dump -- <dump.jsonl>\n");
    return 2;
  }
  const handle = await openDatabase();
  try {
    await prepareDatabase(handle);
    const summary = await loadDump(handle, readDumpFile(file));
    process.stderr.write(
      `loaded ${summary.reports} readings, ${summary.replacements} replacements, ${summary.failures} failures into ${handle.engine} (${handle.location})\n`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

runCommand("db:import-dump", main);
