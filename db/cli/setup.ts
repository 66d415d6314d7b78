/**
 * `npm run db:setup` (run by `npm start`): migrate, load the divisions, and on an empty database
 * import the bundled reports. A second start finds the data and only migrates.
 */
import { openDatabase } from "../client";
import { prepareDatabase } from "../prepare";
import { seedIfEmpty } from "../seed";
import { formatSummary } from "./summary";

async function main(): Promise<void> {
  const handle = await openDatabase();
  try {
    await prepareDatabase(handle);
    const summary = await seedIfEmpty(handle);
    if (summary === null) {
      process.stderr.write(`db:setup: ${handle.engine} (${handle.location}) is up to date; data kept\n`);
      return;
    }
    process.stderr.write(`db:setup: seeded ${handle.engine} (${handle.location}) with the bundled reports\n`);
    process.stderr.write(formatSummary(summary));
    // Bundled files that fail to read are reported but do not stop the app from starting.
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`db:setup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
