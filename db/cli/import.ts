/**
 * `npm run import -- <file|folder>...`: reads each report and stores it (one transaction each).
 * Progress on stderr; a summary at the end; exit status 1 when any file failed, 2 for bad usage.
 */
import { openDatabase } from "../client";
import { defaultReaderCount, startReaderPool } from "../import/reader-pool";
import { stderrProgress } from "../import/progress";
import { defaultConcurrency, importPaths } from "../import/run";
import { formatSummary } from "./summary";
import { runCommand } from "../../lib/cli/run";

const USAGE = "usage: npm run import -- [--readers N] <file|folder> [<file|folder> ...]\n";

/** Reader threads: by default one per core beyond the first (0 reads on the main thread). */
function parseArgs(argv: string[]): { paths: string[]; readers: number } | null {
  const args = argv.filter((a) => a !== "--");
  let readers = defaultReaderCount();
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== "--readers") {
      paths.push(args[i]);
      continue;
    }
    readers = Number(args[++i]);
    if (!Number.isInteger(readers) || readers < 0) return null;
  }
  return paths.length > 0 ? { paths, readers } : null;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    process.stderr.write(USAGE);
    return 2;
  }
  const handle = await openDatabase();
  const pool = args.readers > 0 ? startReaderPool(args.readers) : null;
  try {
    await handle.migrate();
    const summary = await importPaths(handle, args.paths, {
      progress: stderrProgress(),
      read: pool?.read,
      // Keep every reader busy while earlier reports are being stored.
      concurrency: pool ? Math.max(defaultConcurrency(handle), pool.size * 2 + 1) : undefined,
    });
    process.stderr.write(formatSummary(summary));
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await pool?.close();
    await handle.close();
  }
}

runCommand("import", main);
