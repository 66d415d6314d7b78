/** The import summary as operators read it: counts, rate, then each failure with its file and reason. */
import type { ImportSummary } from "../import/run";

export function formatSummary(summary: ImportSummary): string {
  const total = summary.imported + summary.replaced + summary.reread + summary.unchanged + summary.failed.length;
  const seconds = summary.elapsedMs / 1000;
  const lines = [
    `${total} files in ${seconds.toFixed(1)} s (${(total / Math.max(seconds, 0.001)).toFixed(1)}/s): ` +
      `imported ${summary.imported}, unchanged ${summary.unchanged}, replaced ${summary.replaced}, re-read ${summary.reread}, failed ${summary.failed.length}`,
    ...summary.failed.map((f) => `  failed ${f.file}: [${f.code}] ${f.reason}`),
  ];
  return lines.join("\n") + "\n";
}
