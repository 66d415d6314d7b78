/**
 * `npm run import -- <file|folder>...`: reads each report and stores it (one transaction each).
 * Progress on stderr; a summary at the end; exit status 1 when any file failed, 2 for bad usage.
 */
import { openDatabase } from "../client";
import { stderrProgress } from "../import/progress";
import { importPaths } from "../import/run";
import { formatSummary } from "./summary";

async function main(argv: string[]): Promise<number> {
  const paths = argv.filter((a) => a !== "--");
  if (paths.length === 0) {
    process.stderr.write("usage: npm run import -- <file|folder> [<file|folder> ...]\n");
    return 2;
  }
  const handle = await openDatabase();
  try {
    await handle.migrate();
    const summary = await importPaths(handle, paths, { progress: stderrProgress() });
    process.stderr.write(formatSummary(summary));
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
