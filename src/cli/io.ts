/** The process edges the CLI writes to, injected so tests can capture them. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM; batches stop cleanly and exit 130. */
  signal?: AbortSignal;
}

/**
 * The real process. The first SIGINT/SIGTERM aborts `signal` so a batch can stop, clean up its
 * temp files and say what it wrote; a second one exits at once.
 */
export const processIO = (): CliIO => {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // A reader that goes away (`gongkai --help | head -1`) ends the output quietly, in every command;
  // without a listener Node would print an EPIPE stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") return;
    process.stderr.write(`gongkai: stdout: E_OUTPUT: ${e.message}\n`);
    process.exitCode = 1;
  });
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd(), signal: controller.signal };
};
