/**
 * `npm run db:reset [-- --yes]`: deletes every report, source and agency, and rebuilds the empty
 * schema. Asks first on a terminal; elsewhere refuses unless --yes is given.
 */
import { createInterface } from "node:readline/promises";
import { databaseEnv, openDatabase } from "../client";
import { resetDatabase } from "../reset";
import { runCommand } from "../../lib/cli/run";

async function confirmed(target: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`This deletes ALL data in ${target}. Type "reset" to continue: `);
    return answer.trim() === "reset";
  } finally {
    prompt.close();
  }
}

/** The configured database, described without opening it (opening PGlite would create it). */
function configuredTarget(): string {
  const env = databaseEnv();
  return env.DATABASE_URL ? "the PostgreSQL server database named by DATABASE_URL" : `the PGlite data folder ${env.PGLITE_DIR}`;
}

async function main(argv: string[]): Promise<number> {
  const yes = argv.includes("--yes") || argv.includes("-y");
  const target = configuredTarget();
  if (!yes) {
    if (!process.stdin.isTTY) {
      process.stderr.write(`db:reset: refusing to delete ${target} without a terminal to ask; pass --yes\n`);
      return 2;
    }
    if (!(await confirmed(target))) {
      process.stderr.write("db:reset: nothing deleted\n");
      return 1;
    }
  }
  const handle = await openDatabase();
  try {
    await resetDatabase(handle);
    process.stderr.write(`db:reset: ${handle.engine} (${handle.location}) is empty (schema rebuilt)\n`);
    return 0;
  } finally {
    await handle.close();
  }
}

runCommand("db:reset", main);
