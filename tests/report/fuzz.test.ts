/**
 * Mangled reports never make the reader throw: fixture texts cut, truncated, with lines repeated
 * or shuffled, separators dropped and digits changed, read 300 times under a fixed seed. Every
 * reading must still be well formed: every key of its template, each a finite number or null.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readReportText } from "@/lib/report";
import { metricKeysOf } from "@/lib/metrics/dictionary";

const FILES = [
  "seeds/000_6524e2516c3e27b9.txt",
  "seeds/001_bc9952d119866064.txt",
  "seeds/003_de8792f0dd23530d.txt",
  "seeds/004_bd965010b2642c5a.txt",
  "real/r02.txt",
  "real/r03.txt",
  "real/r04.txt",
];
const texts = FILES.map((file) => readFileSync(path.resolve(__dirname, "../fixtures", file), "utf8"));

/** A small deterministic generator (LCG), so a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

function mutations(random: () => number): ((text: string) => string)[] {
  const at = (text: string) => Math.floor(random() * text.length);
  return [
    (text) => { const i = at(text); return text.slice(0, i) + text.slice(i + Math.floor(random() * 200)); },
    (text) => { const lines = text.split("\n"); const i = Math.floor(random() * lines.length); lines.splice(i, 0, ...lines.slice(i, i + 5)); return lines.join("\n"); },
    (text) => text.split("\n").sort(() => random() - 0.5).join("\n"),
    (text) => text.replace(/\d/g, (digit) => (random() < 0.1 ? String(Math.floor(random() * 10)) : digit)),
    (text) => text.replace(/[\t\n]/g, (separator) => (random() < 0.2 ? "" : separator)),
    (text) => text.replace(/\d+/g, (run) => (random() < 0.2 ? run + run : run)),
    (text) => text.slice(0, at(text)),
  ];
}

describe("mangled reports", () => {
  it("never make the reader throw, and every reading is well formed", () => {
    const random = generator(20261122);
    const ways = mutations(random);
    for (let round = 0; round < 300; round++) {
      let text = texts[Math.floor(random() * texts.length)];
      for (let step = 1 + Math.floor(random() * 3); step > 0; step--) text = ways[Math.floor(random() * ways.length)](text);
      const outcome = readReportText(text);
      if ("error" in outcome) continue;
      expect(Object.keys(outcome.values).sort(), `round ${round}`).toEqual([...metricKeysOf(outcome.template)].sort());
      const bad = Object.values(outcome.values).filter((value) => value !== null && !Number.isFinite(value));
      expect(bad, `round ${round}`).toEqual([]);
    }
  });
});
