/**
 * Import progress on stderr: one redrawn status line on a terminal; plain lines otherwise
 * (every few seconds, and one per failure) so logs stay readable.
 */
/** reread: a document read before by another reader version, read again (its numbers updated if they changed). */
export type FileOutcome = "imported" | "replaced" | "reread" | "unchanged" | "failed";

export interface ProgressSink {
  fileDone(file: string, outcome: FileOutcome, reason?: string): void;
  finish(): void;
}

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr, intervalMs = 2000): ProgressSink {
  const tty = Boolean(stream.isTTY);
  const started = Date.now();
  const counts: Record<FileOutcome, number> = { imported: 0, replaced: 0, reread: 0, unchanged: 0, failed: 0 };
  let done = 0;
  let lastDraw = 0;

  const status = () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? (done / seconds).toFixed(1) : "–";
    return `${done} files · ${rate}/s · imported ${counts.imported} · replaced ${counts.replaced} · re-read ${counts.reread} · unchanged ${counts.unchanged} · errors ${counts.failed}`;
  };
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < (tty ? 100 : intervalMs)) return;
    lastDraw = now;
    stream.write(tty ? `\r\x1b[2K${status()}` : `${status()}\n`);
  };

  return {
    fileDone(file, outcome, reason) {
      done++;
      counts[outcome]++;
      if (outcome === "failed") stream.write(`${tty ? "\r\x1b[2K" : ""}failed: ${file}: ${reason ?? "unknown reason"}\n`);
      draw();
    },
    finish() {
      if (!tty) return; // the caller prints the summary line
      draw(true);
      if (tty) stream.write("\n");
    },
  };
}

export const silentProgress: ProgressSink = { fileDone() {}, finish() {} };
