/**
 * The import benchmark's corpus: thousands of report files made from the real text fixtures, each
 * a different agency (a real county-level division's name) and year, numbers scaled.
 *
 * Variations keep reports readable and their arithmetic intact: the agency and its place are
 * renamed, every year is shifted by the same amount, and every table cell is multiplied by one
 * whole factor (the rules are all sums, so they still hold). Five consecutive years per agency
 * make the store run its cross-year checks.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AGENCY_KINDS } from "@/lib/agency-kind";
import { gazetteerDivisions } from "@/db/gazetteer";

const root = process.cwd(); // npm runs scripts from the project root
export const IMPORT_CORPUS_DIR = path.join(root, "bench-corpus", "import");

/** Text fixtures of the 2021 template with full tables and an agency named after its place. */
const SOURCES = [
  "seeds/000_6524e2516c3e27b9",
  "seeds/001_bc9952d119866064",
  "seeds/002_1a2d2c03a4872bbc",
  "seeds/003_de8792f0dd23530d",
  "seeds/004_bd965010b2642c5a",
];
const YEARS = [2021, 2022, 2023, 2024, 2025];

interface Template {
  text: string;
  agency: string;
  place: string;
  kindSuffix: string;
  year: number;
}

function loadTemplates(): Template[] {
  const suffixes = AGENCY_KINDS.flatMap((k) => [...k.suffixes]).sort((a, b) => b.length - a.length);
  return SOURCES.map((stem) => {
    const file = path.join(root, "tests/fixtures", `${stem}.txt`);
    const truth = JSON.parse(readFileSync(path.join(root, "tests/fixtures", `${stem}.expected.json`), "utf8"));
    const kindSuffix = suffixes.find((s) => truth.agency.endsWith(s));
    if (!kindSuffix) throw new Error(`${stem}: no kind suffix in ${truth.agency}`);
    return {
      text: readFileSync(file, "utf8"),
      agency: truth.agency,
      place: truth.agency.slice(0, -kindSuffix.length),
      kindSuffix,
      year: truth.year,
    };
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One variant: new place and agency, years shifted, every whole-number cell times `factor`. */
function variant(t: Template, place: string, year: number, factor: number): string {
  let text = t.text.replace(new RegExp(escapeRegExp(t.agency), "g"), `${place}${t.kindSuffix}`);
  text = text.replace(new RegExp(escapeRegExp(t.place), "g"), place);
  text = text.replace(/(20\d\d)(?=\s*年)/g, (y) => String(Number(y) + year - t.year));
  if (factor === 1) return text;
  // A cell is a whole number alone on its line or between tab / pipe separators.
  return text
    .split("\n")
    .map((line) =>
      /^\s*\d+\s*$/.test(line)
        ? line.replace(/\d+/, (n) => String(Number(n) * factor))
        : line.replace(/(^|[\t|])(\s*)(\d+)(\s*)(?=[\t|]|$)/g, (_m, sep, a, n, b) => `${sep}${a}${Number(n) * factor}${b}`),
    )
    .join("\n");
}

/** Writes `count` files (skipped when a corpus of that size is already there); returns the folder. */
export function ensureImportCorpus(count: number, log: (line: string) => void = () => {}): string {
  const marker = path.join(IMPORT_CORPUS_DIR, `.complete-${count}`);
  if (existsSync(marker)) return IMPORT_CORPUS_DIR;
  rmSync(IMPORT_CORPUS_DIR, { recursive: true, force: true });
  mkdirSync(IMPORT_CORPUS_DIR, { recursive: true });
  const templates = loadTemplates();
  const places = gazetteerDivisions().filter((d) => d.level === "county" && d.name.length >= 2);
  const agencies = Math.ceil(count / YEARS.length);
  if (agencies > places.length * templates.length) throw new Error(`at most ${places.length * templates.length * YEARS.length} files`);
  let written = 0;
  for (let a = 0; a < agencies && written < count; a++) {
    const template = templates[a % templates.length];
    const place = places[(a * 7) % places.length].name; // spread over the country
    const factor = 1 + (a % 3);
    const folder = path.join(IMPORT_CORPUS_DIR, String(Math.floor(a / 100)).padStart(3, "0"));
    mkdirSync(folder, { recursive: true });
    for (const year of YEARS) {
      if (written >= count) break;
      writeFileSync(path.join(folder, `a${String(a).padStart(5, "0")}-${year}.txt`), variant(template, place, year, factor));
      written++;
    }
  }
  writeFileSync(marker, "");
  log(`corpus: ${written} files in ${path.relative(root, IMPORT_CORPUS_DIR)}/ (${readdirSync(IMPORT_CORPUS_DIR).length} folders)`);
  return IMPORT_CORPUS_DIR;
}
