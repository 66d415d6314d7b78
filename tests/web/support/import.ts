/** The bundled reports, imported the way `npm start` seeds a fresh database. */
import type { DatabaseHandle } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { seedIfEmpty } from "@/db/seed";

export async function importBundledReports(handle: DatabaseHandle): Promise<void> {
  await prepareDatabase(handle);
  const summary = await seedIfEmpty(handle);
  if (!summary) throw new Error(`the test database ${handle.location} was not empty`);
  const failures = summary.failed.map((f) => `${f.file}: ${f.code} ${f.reason}`);
  if (summary.imported === 0) throw new Error(`no bundled report was imported:\n${failures.join("\n")}`);
  for (const failure of failures) console.warn(`web tests: bundled report not imported: ${failure}`);
}
