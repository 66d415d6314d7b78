/**
 * Readings made to order, so storage tests do not depend on the reader: a test writes a file
 * holding a ParsedReport as JSON, and imports it with `jsonReader` standing in for the reader.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { metricKeysOf } from "@/lib/metrics/dictionary";
import type { ParsedReport, ReadOutcome } from "@/lib/report/types";

/** A complete 2021-template reading; every value derived from `seed` so readings differ. */
export function makeReading(overrides: Partial<ParsedReport> = {}, seed = 1): ParsedReport {
  const keys = metricKeysOf("2021");
  const values: Record<string, number | null> = {};
  keys.forEach((key, i) => {
    values[key] = (i * 7 + seed * 13) % 50;
  });
  return {
    agency: "测试县医疗保障局",
    year: 2024,
    template: "2021",
    region: { code: "430321", province: "湖南省", city: "湘潭市", county: "湘潭县" },
    issues: [],
    ...overrides,
    values: { ...values, ...overrides.values },
  };
}

export async function tempFolder(prefix = "atlas-db-"): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function writeReading(folder: string, name: string, reading: ParsedReport): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, JSON.stringify(reading));
  return file;
}

/** The reader's stand-in: the file is the reading. Not JSON → the reader "throws", as a broken reader might. */
export async function jsonReader(bytes: Uint8Array, fileName: string): Promise<ReadOutcome> {
  const text = new TextDecoder().decode(bytes);
  if (text.length === 0) return { file: fileName, error: { code: "EMPTY_FILE", message: "the file is empty" } };
  return { ...(JSON.parse(text) as ParsedReport), file: fileName };
}
