/** Reading a JSON Lines dump file line by line, so a large dump never sits in memory whole. */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { DumpLine } from "./dump";

export async function* readDumpFile(file: string): AsyncGenerator<DumpLine> {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number++;
    if (!text.trim()) continue;
    try {
      yield JSON.parse(text) as DumpLine;
    } catch (cause) {
      throw new Error(`${file}:${number}: not a JSON line`, { cause });
    }
  }
}
