/** Runs a command-line entry point: its result becomes the exit status, a failure one clear line. */
export function runCommand(name: string, main: (argv: string[]) => Promise<number | void>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`${name} failed: ${detail}\n`);
      process.exitCode = 1;
    },
  );
}
