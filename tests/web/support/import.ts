/** The bundled reports, imported the way `npm start` seeds a fresh database. */
import type { DatabaseHandle } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";

export async function importBundledReports(handle: DatabaseHandle): Promise<void> {
  await prepareDatabase(handle);
  // The storage engineer's seeding of db/seed/reports/ plugs in here once it lands.
}
