/** Run the CLI in-process through `main(argv, io)` with captured streams. */
import { Readable, Writable } from "node:stream";
import { main } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
}

class Capture extends Writable {
  chunks: Buffer[] = [];
  isTTY = false;
  columns: number | undefined = undefined;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    cb();
  }
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export async function runCli(
  args: readonly string[],
  opts: { cwd?: string; stdin?: string | Buffer; env?: NodeJS.ProcessEnv; signal?: AbortSignal; tty?: boolean; columns?: number } = {},
): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  stderr.isTTY = opts.tty === true; // a terminal on stderr: progress bar and colour
  if (opts.columns !== undefined) stderr.columns = opts.columns;
  const stdin = Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]);
  const code = await main(["node", "gongkai", ...args], {
    stdout, stderr, stdin, env: opts.env ?? {}, cwd: opts.cwd ?? process.cwd(), ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return { code, stdout: stdout.bytes.toString("utf8"), stdoutBytes: stdout.bytes, stderr: stderr.bytes.toString("utf8") };
}
