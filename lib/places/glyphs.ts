/**
 * How alike two characters look, for repairing OCR misreadings (沐阳县 for 沭阳县).
 * Uses the stroke medians of `hanzi-writer-data` (Make Me a Hanzi): each character is a set of
 * points along its strokes on a 1024-unit grid; the distance is the symmetric mean distance from
 * each point to the nearest point of the other character (a chamfer distance). Characters that
 * differ by one dot score ~20; unrelated characters sharing a radical score 40 and more.
 */
import { createRequire } from "node:module";

type Point = [number, number];

const SAMPLE_STEP = 30;
const cache = new Map<string, Point[] | null>();

function strokePoints(ch: string): Point[] | null {
  if (cache.has(ch)) return cache.get(ch)!;
  let points: Point[] | null = null;
  try {
    const require = createRequire(import.meta.url);
    const data = require(`hanzi-writer-data/${ch}.json`) as { medians: Point[][] };
    points = data.medians.flatMap(sampleStroke);
  } catch {
    points = null; // a character the data set does not draw: no opinion
  }
  cache.set(ch, points);
  return points;
}

function sampleStroke(median: Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 1 < median.length; i++) {
    const [x0, y0] = median[i];
    const [x1, y1] = median[i + 1];
    const steps = Math.max(1, Math.floor(Math.hypot(x1 - x0, y1 - y0) / SAMPLE_STEP));
    for (let s = 0; s < steps; s++) out.push([x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps]);
  }
  out.push(median[median.length - 1]);
  return out;
}

function meanNearest(from: Point[], to: Point[]): number {
  let total = 0;
  for (const [x, y] of from) {
    let best = Infinity;
    for (const [u, v] of to) {
      const dx = x - u;
      const dy = y - v;
      const squared = dx * dx + dy * dy;
      if (squared < best) best = squared;
    }
    total += Math.sqrt(best);
  }
  return total / from.length;
}

const distances = new Map<string, number | null>();

/** Shape distance between two characters (0 = same), or null when either is not in the data. */
export function glyphDistance(a: string, b: string): number | null {
  if (a === b) return 0;
  const key = a < b ? a + b : b + a;
  if (distances.has(key)) return distances.get(key)!;
  const distance = computeDistance(a, b);
  distances.set(key, distance);
  return distance;
}

function computeDistance(a: string, b: string): number | null {
  const pa = strokePoints(a);
  const pb = strokePoints(b);
  if (!pa?.length || !pb?.length) return null;
  return (meanNearest(pa, pb) + meanNearest(pb, pa)) / 2;
}
