/**
 * Everything the CLI says goes to stderr (stdout carries data only): one line per failed input
 * `gongkai: FILE: CODE: message (hint)`, warning lines, a progress bar on a TTY for long
 * batches, and a coloured summary. Colour follows NO_COLOR / FORCE_COLOR and the TTY.
 */
import { Chalk, type ChalkInstance } from "chalk";
import cliProgress from "cli-progress";
import type { Warning } from "../schema.js";
import type { CliIO } from "./io.js";
import type { SerializedError } from "./failure.js";

/** A batch at least this long gets a progress bar (when stderr is a terminal). */
export const PROGRESS_THRESHOLD = 20;

export function colorLevel(io: Pick<CliIO, "env" | "stderr">): 0 | 1 | 2 | 3 {
  const { NO_COLOR, FORCE_COLOR } = io.env;
  if (NO_COLOR !== undefined && NO_COLOR !== "") return 0;
  if (FORCE_COLOR !== undefined) {
    const n = FORCE_COLOR === "" || FORCE_COLOR === "true" ? 1 : Number(FORCE_COLOR);
    return n >= 3 ? 3 : n === 2 ? 2 : n >= 1 ? 1 : 0;
  }
  return io.stderr.isTTY ? 1 : 0;
}

/** The one-line failure message; with `debug` the stack follows. Pure. */
export function failureLine(file: string | null, e: SerializedError, debug: boolean, color: ChalkInstance = new Chalk({ level: 0 })): string {
  const hint = e.hint ? ` (${e.hint})` : "";
  const line = `gongkai: ${file === null ? "" : `${file}: `}${color.red(e.code)}: ${e.message.split("\n")[0] ?? ""}${hint}`;
  return debug && e.stack ? `${line}\n${e.stack}` : line;
}

export const warningLine = (file: string, w: Warning, color: ChalkInstance = new Chalk({ level: 0 })): string =>
  `gongkai: ${file}${w.line === null ? "" : `:${w.line}`}: ${color.yellow(w.code)}: ${w.message}`;

export interface Summary {
  files: number;
  tasks: number;
  warnings: number;
  failures: number;
  ms: number;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export function summaryLine(s: Summary, color: ChalkInstance = new Chalk({ level: 0 })): string {
  const failed = s.failures > 0 ? color.red(`${s.failures} failed`) : color.green("0 failed");
  const warn = s.warnings > 0 ? color.yellow(plural(s.warnings, "warning")) : plural(s.warnings, "warning");
  return `gongkai: ${plural(s.files, "file")}, ${plural(s.tasks, "task")}, ${warn}, ${failed} in ${(s.ms / 1000).toFixed(1)}s`;
}

export class Reporter {
  readonly color: ChalkInstance;
  private bar: cliProgress.MultiBar | null = null;
  private barItem: cliProgress.SingleBar | null = null;

  constructor(private readonly io: CliIO, private readonly opts: { quiet: boolean; debug: boolean }) {
    this.color = new Chalk({ level: colorLevel(io) });
  }

  startProgress(total: number): void {
    if (this.opts.quiet || !this.io.stderr.isTTY || total < PROGRESS_THRESHOLD) return;
    this.bar = new cliProgress.MultiBar(
      { stream: this.io.stderr as NodeJS.WriteStream, clearOnComplete: true, hideCursor: true, format: "gongkai {bar} {value}/{total} files | {eta_formatted} left" },
      cliProgress.Presets.shades_classic,
    );
    this.barItem = this.bar.create(total, 0);
  }

  tick(): void {
    this.barItem?.increment();
  }

  stopProgress(): void {
    this.bar?.stop();
    this.bar = null;
    this.barItem = null;
  }

  /** A line on stderr, above the progress bar if one is shown. */
  say(line: string): void {
    if (this.bar) this.bar.log(line + "\n");
    else this.io.stderr.write(line + "\n");
  }

  /** Failures are printed even under --quiet: they are why the exit status is not 0. */
  failure(file: string, e: SerializedError): void {
    this.say(failureLine(file, e, this.opts.debug, this.color));
  }

  warnings(file: string, ws: readonly Warning[]): void {
    if (this.opts.quiet) return;
    for (const w of ws) this.say(warningLine(file, w, this.color));
  }

  info(line: string): void {
    if (!this.opts.quiet) this.say(line);
  }

  summary(s: Summary): void {
    if (!this.opts.quiet) this.say(summaryLine(s, this.color));
  }
}
