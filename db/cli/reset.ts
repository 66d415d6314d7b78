/**
 * `npm run db:reset [-- --yes]`: deletes every report, source and agency, and rebuilds the empty
 * schema. Asks first on a terminal; elsewhere refuses unless --yes is given.
 */
import { createInterface } from "node:readline/promises";
import { openDatabase } from "../client";
import { resetDatabase } from "../reset";

async function confirmed(target: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`This deletes ALL data in ${target}. Type "reset" to continue: `);
    return answer.trim() === "reset";
  } finally {
    prompt.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const yes = argv.includes("--yes") || argv.includes("-y");
  const handle = await openDatabase();
  try {
    const target = `${handle.engine} (${handle.location})`;
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
    await resetDatabase(handle);
    process.stderr.write(`db:reset: ${target} is empty (schema rebuilt)\n`);
    return 0;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`db:reset failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
