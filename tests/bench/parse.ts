/**
 * Parse benchmark: `npm run bench:parse` (add `-- --rebuild` to regenerate the corpus).
 *
 * Builds (once) a corpus of 2,000+ varied reports in bench-corpus/ (see parse-corpus.ts), then
 * parses it in-process with readReport, text and HTML in one child process and each kind of PDF
 * (office-made, browser-printed; see parse-corpus.ts) in another, so each group's peak memory
 * (max RSS) is its own. Each child is pinned to one core (taskset, where the system has it), so
 * the garbage collector's and compiler's threads share that core and wall time is one core's time.
 * Files are read into memory before timing starts; the timed loop is extraction plus the table
 * reader. The reader's one-time setup is timed apart, on the group's first file; then each group
 * is parsed three times: the first pass is timed as it comes (the JavaScript engine still
 * compiling the reader: what a one-off `parse` run sees), the second warms up, the third is timed
 * as the steady rate of a long import. Also counts the reports whose every number
 * matches the corpus manifest, so a fast but wrong reader shows. Last, on a machine with more than
 * one core, the PDF groups are read as many at a time as there are cores, unpinned, as the
 * importer reads them through the PDF worker pool.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import path from "node:path";
import { readReport, type ParsedReport } from "@/lib/report";
import { extractDocument } from "@/lib/report/extract";
import { CORPUS_DIR, MANIFEST, buildCorpus, type CorpusEntry, type Group } from "./parse-corpus";

interface Measurement {
  groups: string;
  reports: number;
  /** The first pass over the group, started cold. */
  /** The reader's one-time setup (the gazetteer's index, PDFium), timed on the group's first file. */
  setupSeconds: number;
  firstPerSecond: number;
  /** The third pass: seconds, reports per second and per CPU-second (all threads). */
  seconds: number;
  perSecond: number;
  perCpuSecond: number;
  extractPerSecond: number;
  peakRssMb: number;
  correct: number;
  failed: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Every number of the manifest read, or left null where the corpus marks it ambiguous. */
function allRight(entry: CorpusEntry, outcome: ParsedReport): boolean {
  return Object.entries(entry.values).every(
    ([key, value]) => outcome.values[key] === value || (outcome.values[key] === null && entry.ambiguous?.includes(key)),
  );
}

function loadFiles(groups: Group[]): (CorpusEntry & { bytes: Uint8Array })[] {
  const entries = (JSON.parse(readFileSync(MANIFEST, "utf8")) as CorpusEntry[]).filter((e) => groups.includes(e.group));
  return entries.map((e) => ({ ...e, bytes: new Uint8Array(readFileSync(path.join(CORPUS_DIR, e.file))) }));
}

async function measure(groups: Group[]): Promise<Measurement> {
  const files = loadFiles(groups);
  // Each outcome is checked and dropped as it comes, as an import stores and drops it; only the
  // readReport calls are timed. (Keeping 1,890 outcomes alive made the collector trace them all.)
  const pass = async () => {
    let seconds = 0;
    let cpuMicros = 0;
    let correct = 0;
    let failed = 0;
    for (const f of files) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const outcome = await readReport(f.bytes, f.file);
      seconds += (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      cpuMicros += cpu.user + cpu.system;
      if ("error" in outcome) failed++;
      else if (allRight(f, outcome)) correct++;
    }
    return { seconds, cpuSeconds: cpuMicros / 1e6, correct, failed };
  };
  const setupStarted = performance.now();
  await readReport(files[0].bytes, files[0].file);
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  const firstSeconds = (await pass()).seconds;
  await pass();

  const started = performance.now();
  for (const f of files) await extractDocument(f.bytes, f.file);
  const extractSeconds = (performance.now() - started) / 1000;

  const { seconds, cpuSeconds, correct, failed } = await pass();
  return {
    groups: groups.join("+"),
    reports: files.length,
    setupSeconds,
    firstPerSecond: files.length / firstSeconds,
    seconds,
    perSecond: files.length / seconds,
    perCpuSecond: files.length / cpuSeconds,
    extractPerSecond: files.length / extractSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    correct,
    failed,
  };
}

interface InFlightMeasurement {
  groups: string;
  reports: number;
  inFlight: number;
  perSecond: number;
  correct: number;
}

/**
 * PDFs read `inFlight` at a time, as the importer reads them: each goes to the PDF worker pool,
 * so on a machine with more than one core they are read side by side. Wall time of a warmed pass.
 */
async function measureInFlight(groups: Group[], inFlight: number): Promise<InFlightMeasurement> {
  const files = loadFiles(groups);
  const pass = async () => {
    let next = 0;
    let correct = 0;
    const started = performance.now();
    const reader = async () => {
      while (next < files.length) {
        const f = files[next++];
        const outcome = await readReport(f.bytes, f.file);
        if (!("error" in outcome) && allRight(f, outcome)) correct++;
      }
    };
    await Promise.all(Array.from({ length: inFlight }, reader));
    return { seconds: (performance.now() - started) / 1000, correct };
  };
  await pass();
  const { seconds, correct } = await pass();
  return { groups: groups.join("+"), reports: files.length, inFlight, perSecond: files.length / seconds, correct };
}

async function main(argv: string[]): Promise<void> {
  const measureAt = argv.indexOf("--measure");
  if (measureAt >= 0) {
    const result = await measure(argv[measureAt + 1].split(",") as Group[]);
    process.stdout.write(JSON.stringify(result) + "\n");
    return;
  }
  const inFlightAt = argv.indexOf("--in-flight");
  if (inFlightAt >= 0) {
    const result = await measureInFlight(argv[inFlightAt + 1].split(",") as Group[], Number(argv[inFlightAt + 2]));
    process.stdout.write(JSON.stringify(result) + "\n");
    return;
  }
  if (argv.includes("--rebuild") || !existsSync(MANIFEST)) {
    log("building the corpus in bench-corpus/ …");
    const entries = await buildCorpus(log);
    log(`corpus: ${entries.length} files`);
  }
  const tsx = path.resolve(__dirname, "../../node_modules/.bin/tsx");
  const pinned = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
  if (!pinned) log("taskset is not available: the groups run unpinned, wall time may use more than one core");
  const loadBefore = loadavg();
  const rows: Measurement[] = [];
  for (const groups of ["text,html", "pdf-office", "pdf-browser"]) {
    log(`parsing ${groups} …`);
    const command = pinned ? ["taskset", "-c", "0", tsx] : [tsx];
    const out = execFileSync(command[0], [...command.slice(1), __filename, "--measure", groups], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 });
    rows.push(JSON.parse(out.trim().split("\n").pop()!));
  }
  const inFlight = availableParallelism();
  const sideBySide: InFlightMeasurement[] = [];
  if (inFlight > 1) {
    for (const groups of ["pdf-office", "pdf-browser"]) {
      log(`parsing ${groups}, ${inFlight} at a time …`);
      const out = execFileSync(tsx, [__filename, "--in-flight", groups, String(inFlight)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 });
      sideBySide.push(JSON.parse(out.trim().split("\n").pop()!));
    }
  }
  console.log(`load average before the run: ${loadBefore.map((l) => l.toFixed(1)).join(" ")} (${cpus().length} cores; ${pinned ? "each group pinned to one core" : "not pinned"})`);
  console.log("group         reports   setup s   1st pass/s   3rd pass: seconds   reports/s   reports/CPU-s   extract-only/s   peak RSS MB   all numbers right   unreadable");
  for (const r of rows) {
    console.log(
      [
        r.groups.padEnd(12),
        String(r.reports).padStart(8),
        r.setupSeconds.toFixed(2).padStart(9),
        r.firstPerSecond.toFixed(1).padStart(12),
        r.seconds.toFixed(1).padStart(19),
        r.perSecond.toFixed(1).padStart(11),
        r.perCpuSecond.toFixed(1).padStart(15),
        r.extractPerSecond.toFixed(1).padStart(16),
        r.peakRssMb.toFixed(0).padStart(13),
        `${r.correct}/${r.reports}`.padStart(19),
        String(r.failed).padStart(12),
      ].join(" "),
    );
  }
  if (sideBySide.length > 0) {
    console.log(`\nPDFs ${inFlight} at a time through the worker pool, not pinned (${inFlight} cores), warmed pass:`);
    console.log("group         reports   reports/s   all numbers right");
    for (const r of sideBySide) {
      console.log([r.groups.padEnd(12), String(r.reports).padStart(8), r.perSecond.toFixed(1).padStart(11), `${r.correct}/${r.reports}`.padStart(19)].join(" "));
    }
  }
}

main(process.argv.slice(2)).catch((cause) => {
  log(cause instanceof Error ? (cause.stack ?? cause.message) : String(cause));
  process.exitCode = 1;
});
