/**
 * Which printed name an agency shows: the one of its latest year read. Used as the `set` of the
 * agency upsert (on its identity key) by the importer and the dump loader, so the rule is one.
 */
import { sql } from "drizzle-orm";

export const LATEST_NAME_WINS = {
  name: sql`case when excluded.name_year >= agencies.name_year then excluded.name else agencies.name end`,
  kind: sql`case when excluded.name_year >= agencies.name_year then excluded.kind else agencies.kind end`,
  nameYear: sql`greatest(excluded.name_year, agencies.name_year)`,
};
