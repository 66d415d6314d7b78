/** Bringing a database up to date: migrations, then the gazetteer's divisions. */
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "./client";
import { gazetteerDivisions } from "./gazetteer";
import { divisions } from "./schema";

/** Applies pending migrations and (re)loads the divisions. Safe to run on every start. */
export async function prepareDatabase(handle: DatabaseHandle): Promise<void> {
  await handle.migrate();
  await loadDivisions(handle);
}

/** Upserts every division, so a newer gazetteer renames or re-parents places in place. */
export async function loadDivisions(handle: DatabaseHandle): Promise<number> {
  const rows = gazetteerDivisions();
  const chunk = 2000;
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += chunk) {
      await tx
        .insert(divisions)
        .values(rows.slice(i, i + chunk))
        .onConflictDoUpdate({
          target: divisions.code,
          set: { name: sql`excluded.name`, level: sql`excluded.level`, parentCode: sql`excluded.parent_code` },
        });
    }
  });
  return rows.length;
}
