/** Emptying a database: every table and the migration journal go, then the schema is rebuilt. */
import type { DatabaseHandle } from "./client";
import { prepareDatabase } from "./prepare";

export async function resetDatabase(handle: DatabaseHandle): Promise<void> {
  // Drizzle's migrators keep their journal in the "drizzle" schema; drop it too or nothing re-migrates.
  await handle.exec("DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await prepareDatabase(handle);
}
