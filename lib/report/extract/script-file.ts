/**
 * Where a plain-JavaScript helper of the extractors (a worker or child-process script, run by Node
 * itself without the TypeScript loaders) lies. Under tsx and vitest it sits beside this module. A
 * Next.js server build moves this module's code into a chunk (its __dirname becomes a placeholder),
 * and `next start` runs from the project root, so it is looked for there too. Null where neither
 * exists.
 */
import { existsSync } from "node:fs";
import path from "node:path";

export function extractorScript(name: string): string | null {
  const beside = typeof __dirname === "string" ? path.join(__dirname, name) : null;
  const fromRoot = path.join(process.cwd(), "lib", "report", "extract", name);
  return [beside, fromRoot].find((file): file is string => file !== null && existsSync(file)) ?? null;
}
