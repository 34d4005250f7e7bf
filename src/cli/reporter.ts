/**
 * Everything the CLI says goes to stderr (stdout carries data only): one line per failed input
 * `gongkai: FILE: CODE: message (hint)`, warning lines, a progress bar on a terminal for long
 * batches, and a coloured summary. Colour follows --color, NO_COLOR / FORCE_COLOR and the TTY;
 * words come from the message catalogue (messages.ts).
 */
import { Chalk, type ChalkInstance } from "chalk";
import type { Warning } from "../schema.js";
import type { CliIO } from "./io.js";
import { failureHint, failureMessage, type SerializedError } from "./failure.js";
import type { SkippedFile } from "./inputs.js";
import { codeText, getLang, msg } from "./messages.js";
import { warningText } from "../messages.js";

/** A batch at least this long gets a progress bar (when stderr is a terminal and not in CI). */
export const PROGRESS_THRESHOLD = 20;

export type ColorMode = "auto" | "always" | "never";

export function colorLevel(io: Pick<CliIO, "env" | "stderr">, mode: ColorMode = "auto"): 0 | 1 | 2 | 3 {
  if (mode === "never") return 0;
  const { NO_COLOR, FORCE_COLOR } = io.env;
  if (mode === "always") return FORCE_COLOR !== undefined && Number(FORCE_COLOR) >= 2 ? (Math.min(3, Number(FORCE_COLOR)) as 2 | 3) : 1;
  if (NO_COLOR !== undefined && NO_COLOR !== "") return 0;
  if (FORCE_COLOR !== undefined) {
    const n = FORCE_COLOR === "" || FORCE_COLOR === "true" ? 1 : Number(FORCE_COLOR);
    return n >= 3 ? 3 : n === 2 ? 2 : n >= 1 ? 1 : 0;
  }
  return io.stderr.isTTY ? 1 : 0;
}

const HAS_CJK = /[\u3400-\u9fff]/u;

/** In Chinese, a message still in English (no catalogue entry produced it) is introduced by the code's Chinese meaning. */
const localised = (code: string, message: string): string =>
  getLang() === "zh" && !HAS_CJK.test(message) && codeText(code) !== null ? `${codeText(code)}：${message}` : message;

/** Anything a terminal or a line-reading tool takes for a line end (a file name may hold one too). */
const LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029]+/gu;
/** One stderr line per message, whatever the file name or the quoted text holds. */
export const oneLine = (s: string): string => s.replace(LINE_BREAKS, " ");

/** The one-line failure message; with `debug` the stack follows. Pure. */
export function failureLine(file: string | null, e: SerializedError, debug: boolean, color: ChalkInstance = new Chalk({ level: 0 })): string {
  const remedy = failureHint(e);
  const hint = remedy ? ` (${remedy.replace(/^\((.*)\)$/su, "$1")})` : "";
  const line = oneLine(`gongkai: ${file === null ? "" : `${file}: `}${color.red(e.code)}: ${localised(e.code, failureMessage(e).split("\n")[0] ?? "")}${hint}`);
  return debug && e.stack ? `${line}\n${e.stack}` : line;
}

export const warningLine = (file: string, w: Warning, color: ChalkInstance = new Chalk({ level: 0 })): string =>
  oneLine(`gongkai: ${file}${w.line === null ? "" : `:${w.line}`}: ${color.yellow(w.code)}: ${localised(w.code, warningText(w, getLang()))}`);

export interface Summary {
  files: number;
  tasks: number;
  warnings: number;
  failures: number;
  ms: number;
  /** Files folder walks passed over because of their kind. */
  skipped?: readonly SkippedFile[];
  /** --strict: the warnings counted as failures. */
  strict?: boolean;
  /** --bundles: documents read with attachment files, and those files. */
  bundles?: { readonly bundles: number; readonly attachmentFiles: number };
}

/** "3 (.doc ×1, .wps ×2)": skipped files grouped by extension, in order of first appearance. */
export function skippedText(skipped: readonly SkippedFile[]): string {
  const byExt = new Map<string, number>();
  for (const s of skipped) {
    const key = s.ownOutput ? msg("ownOutputKind") : s.ext || msg("noExt");
    byExt.set(key, (byExt.get(key) ?? 0) + 1);
  }
  return `${skipped.length} (${[...byExt].map(([ext, n]) => `${ext} ×${n}`).join(", ")})`;
}

export function summaryLine(s: Summary, color: ChalkInstance = new Chalk({ level: 0 })): string {
  const failed = s.failures > 0 ? color.red(msg("nFailed", { n: s.failures })) : color.green(msg("nFailed", { n: 0 }));
  const warnText = s.strict && s.warnings > 0 ? msg("nStrictWarnings", { n: s.warnings }) : msg(s.warnings === 1 ? "oneWarning" : "nWarnings", { n: s.warnings });
  const warn = s.warnings > 0 ? color.yellow(warnText) : warnText;
  const parts = [
    msg(s.files === 1 ? "oneFile" : "nFiles", { n: s.files }),
    ...(s.bundles ? [msg("nBundles", { n: s.bundles.bundles, files: s.bundles.attachmentFiles })] : []),
    msg(s.tasks === 1 ? "oneTask" : "nTasks", { n: s.tasks }),
    warn,
    failed,
    ...(s.skipped && s.skipped.length > 0 ? [color.yellow(msg("skipped", { what: skippedText(s.skipped) }))] : []),
  ];
  return `gongkai: ${parts.join(msg("listComma"))}${msg("inSeconds", { s: (s.ms / 1000).toFixed(1) })}`;
}

/** Erase the current terminal line (the bar) and return to its start. */
const CLEAR_LINE = "\r\u001b[2K";

/**
 * A one-line progress bar drawn by hand: it never turns terminal autowrap off, so a message is
 * printed whole on its own lines (bar erased first, redrawn after), and the bar itself is cut to
 * the terminal width so it never wraps.
 */
class ProgressBar {
  private value = 0;
  private lastDraw = 0;
  private readonly started = Date.now();
  private visible = false;
  private readonly onExit = (): void => this.end(true);

  constructor(private readonly stream: CliIO["stderr"], private readonly total: number) {
    process.once("exit", this.onExit); // even a hard exit (second Ctrl-C) ends the bar's line
    this.draw();
  }

  tick(): void {
    this.value++;
    const now = Date.now();
    if (now - this.lastDraw >= 80 || this.value === this.total) this.draw();
  }

  /** A message on its own full lines, the bar below it. */
  print(line: string): void {
    this.stream.write((this.visible ? CLEAR_LINE : "") + line + "\n");
    this.visible = false;
    this.draw();
  }

  /** Erase the bar (finished), or leave it and end its line (interrupted). */
  end(keep: boolean): void {
    process.off("exit", this.onExit);
    if (!this.visible) return;
    this.stream.write(keep ? "\n" : CLEAR_LINE);
    this.visible = false;
  }

  private draw(): void {
    this.lastDraw = Date.now();
    const width = 30;
    const filled = this.total === 0 ? width : Math.round((this.value / this.total) * width);
    const elapsed = (Date.now() - this.started) / 1000;
    const eta = this.value === 0 ? "?" : `${Math.round((elapsed / this.value) * (this.total - this.value))}s`;
    const text = `gongkai ${"█".repeat(filled)}${"░".repeat(width - filled)} ${msg("progress", { value: this.value, total: this.total, eta })}`;
    const cols = this.stream.columns && this.stream.columns > 1 ? this.stream.columns - 1 : text.length;
    this.stream.write(CLEAR_LINE + [...text].slice(0, cols).join(""));
    this.visible = true;
  }
}

export interface ReporterOptions {
  quiet: boolean;
  debug: boolean;
  verbose?: boolean;
  color?: ColorMode;
}

export class Reporter {
  readonly color: ChalkInstance;
  private bar: ProgressBar | null = null;

  constructor(private readonly io: CliIO, private readonly opts: ReporterOptions) {
    this.color = new Chalk({ level: colorLevel(io, opts.color) });
  }

  startProgress(total: number): void {
    const ci = this.io.env.CI !== undefined && this.io.env.CI !== "" && this.io.env.CI !== "false" && this.io.env.CI !== "0";
    if (this.opts.quiet || ci || !this.io.stderr.isTTY || total < PROGRESS_THRESHOLD) return;
    this.bar = new ProgressBar(this.io.stderr, total);
  }

  tick(): void {
    this.bar?.tick();
  }

  /** `interrupted`: keep the bar where it stopped and end its line. */
  stopProgress(interrupted = false): void {
    this.bar?.end(interrupted);
    this.bar = null;
  }

  /** A line on stderr, above the progress bar if one is shown. */
  say(line: string): void {
    if (this.bar) this.bar.print(line);
    else this.io.stderr.write(line + "\n");
  }

  /** Failures are printed even under --quiet: they are why the exit status is not 0. */
  failure(file: string | null, e: SerializedError): void {
    this.say(failureLine(file, e, this.opts.debug, this.color));
  }

  warnings(file: string, ws: readonly Warning[]): void {
    if (this.opts.quiet) return;
    for (const w of ws) this.say(warningLine(file, w, this.color));
  }

  info(line: string): void {
    if (!this.opts.quiet) this.say(line);
  }

  /** --verbose: each file a folder walk passed over. */
  skipped(files: readonly SkippedFile[]): void {
    if (this.opts.quiet || !this.opts.verbose) return;
    for (const f of files) this.say(`gongkai: ${f.display}: ${f.ownOutput ? msg("skippedOwnOutput") : msg("skippedFile", { ext: f.ext || msg("noExt") })}`);
  }

  summary(s: Summary): void {
    if (!this.opts.quiet) this.say(summaryLine(s, this.color));
  }
}
