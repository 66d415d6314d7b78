/**
 * The product's bundled data: real published reports in db/seed/reports/, loaded into an empty
 * database by `npm run db:setup` (and so by `npm start`).
 */
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "./client";
import type { ProgressSink } from "./import/progress";
import { importPaths, type ImportSummary } from "./import/run";
import { sources } from "./schema";

export const BUNDLED_REPORTS_FOLDER = path.join(process.cwd(), "db", "seed", "reports");

/** Empty means no document was ever stored: a database with data is never re-seeded. */
export async function isEmpty(handle: DatabaseHandle): Promise<boolean> {
  const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(sources);
  return row.n === 0;
}

/** Imports the bundled reports when the database is empty; null when it already had data. */
export async function seedIfEmpty(handle: DatabaseHandle, progress?: ProgressSink): Promise<ImportSummary | null> {
  if (!(await isEmpty(handle))) return null;
  return importPaths(handle, [BUNDLED_REPORTS_FOLDER], { progress });
}
