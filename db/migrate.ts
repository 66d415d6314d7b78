/**
 * `npm run db:migrate`: applies the migrations in db/migrations (the configured engine's own
 * drizzle migrator) and loads the divisions. `npm run db:setup` does this and also seeds.
 */
import { openDatabase } from "./client";
import { prepareDatabase } from "./prepare";

async function main(): Promise<void> {
  const handle = await openDatabase();
  try {
    const started = Date.now();
    await prepareDatabase(handle);
    process.stderr.write(`migrated ${handle.engine} (${handle.location}) in ${Date.now() - started} ms\n`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.cause) process.stderr.write(`  cause: ${String(error.cause)}\n`);
  process.exitCode = 1;
});
