/**
 * The batch driver behind `gongkai parse`: expand inputs, pick a shard, run the jobs (in-process
 * or on worker threads) and hand each outcome, in input order, to the sink. A bad input is
 * reported and counted but never stops the batch (unless --fail-fast); an interrupt stops it,
 * removes temp files, says what was written, and gives 130.
 */
import { availableParallelism } from "node:os";
import { stat } from "node:fs/promises";
import path from "node:path";
import { GongkaiError } from "../errors.js";
import type { HeaderLanguage } from "../output/columns.js";
import { usage } from "./common.js";
import { EXIT, exitCode } from "./exit-code.js";
import { createExecutor, ordered } from "./executor.js";
import { type InputRef, walkInputs } from "./inputs.js";
import { applyBundleOptions } from "./bundles.js";
import type { CliIO } from "./io.js";
import { type JobInput, type Outcome, outcomeSummary, type ParseSettings, serializeError } from "./parse-job.js";
import { type ColorMode, Reporter } from "./reporter.js";
import { msg } from "./messages.js";
import { guardOverwrite } from "./out-guard.js";
import { InputGuard, isFatalOutputError, openOutputFile, prepareOutDir, TempFiles } from "./safe-fs.js";
import { inShard, type Shard } from "./shard.js";
import type { OutputFormat } from "./formats.js";
import { DirSink, type Sink, StreamSink, streamWriter } from "./sinks.js";
import { readStdin } from "./stdin.js";

export interface BatchOptions {
  readonly inputs: readonly string[];
  readonly format: OutputFormat;
  readonly out?: string;
  readonly outDir?: string;
  readonly globs: readonly string[];
  readonly headers: HeaderLanguage;
  readonly headerRow: boolean;
  /** undefined: on for .csv files, off elsewhere. */
  readonly bom?: boolean;
  readonly pretty: boolean;
  readonly settings: ParseSettings;
  readonly jobs?: number;
  readonly shard?: Shard;
  readonly errorsInline: boolean;
  readonly failFast: boolean;
  readonly strict: boolean;
  /** Overwrite an existing --out that is not gongkai output of the format (never an input). */
  readonly force?: boolean;
  readonly quiet: boolean;
  readonly debug: boolean;
  readonly verbose?: boolean;
  /** CSV for spreadsheet apps (BOM, ids as text). */
  readonly excel?: boolean;
  readonly color?: ColorMode;
  /** --attachment: files read with the one notice given as one document. */
  readonly attachments?: readonly string[];
  /** --bundles: each folder's notice is read with the files beside it as one document. */
  readonly bundles?: boolean;
}


export const defaultJobs = (): number => Math.max(1, availableParallelism());

export async function runBatch(o: BatchOptions, io: CliIO): Promise<number> {
  const started = Date.now();
  const reporter = new Reporter(io, { quiet: o.quiet, debug: o.debug, verbose: o.verbose === true, color: o.color ?? "auto" });
  const temps = new TempFiles();
  const outAbs = o.out === undefined ? undefined : path.resolve(io.cwd, o.out);
  const outDirAbs = o.outDir === undefined ? undefined : path.resolve(io.cwd, o.outDir);

  // --- set-up errors are usage errors (exit 2) and happen before anything is written ---
  if (o.inputs.filter((i) => i === "-").length > 1) throw usage(msg("stdinOnce"));
  if (outAbs !== undefined && outDirAbs !== undefined) throw usage(msg("outAndOutDir"), msg("outAndOutDirHint"));
  if (o.errorsInline && o.format !== "json" && o.format !== "ndjson") throw usage(msg("errorsInlineNeedsJson"));
  if (o.format === "xlsx" && outAbs === undefined && outDirAbs === undefined && io.stdout.isTTY) {
    throw usage(msg("xlsxToTerminal"), msg("xlsxToTerminalHint"));
  }
  if (outDirAbs !== undefined) {
    const st = await stat(outDirAbs).catch(() => null);
    if (st && !st.isDirectory()) throw new GongkaiError("E_OUTPUT", msg("outDirNotFolder", { dir: o.outDir! }));
  }
  if (outAbs !== undefined) {
    const st = await stat(outAbs).catch(() => null);
    if (st?.isDirectory()) throw new GongkaiError("E_OUTPUT", msg("outIsFolder", { out: o.out! }), { hint: msg("outIsFolderHint") });
  }

  // The output folder is skipped (and the walk passes over gongkai's own outputs); any other --out file
  // is walked, so that naming an input as --out is refused below.
  const exclude = outDirAbs === undefined ? [] : [outDirAbs];
  const walked = await walkInputs(o.inputs, { cwd: io.cwd, globs: o.globs, exclude });
  let refs: InputRef[] = walked.refs;
  const applied = await applyBundleOptions(refs, o, io.cwd, o.settings);
  refs = applied.refs;
  const bundled = applied.bundled;
  if (o.shard) {
    const shard = o.shard;
    refs = refs.filter((r) => inShard(shardKey(r), shard));
  }
  // One file named on the command line gives one JSON object; anything else an array.
  const single = o.inputs.length === 1 && refs.length === 1 && !refs[0]!.fromFolder;
  const guard = new InputGuard(refs.flatMap((r) => [r.abs, ...(r.attachments ?? []).map((a) => a.abs)]));
  if (outAbs !== undefined) await guardOverwrite({ abs: outAbs, shown: o.out!, kind: o.format, inputs: guard, force: o.force === true });

  const stdinBytes = o.inputs.includes("-") && refs.some((r) => r.abs === null)
    ? await readStdin(io.stdin, o.settings.maxSize).then((b) => ({ ok: true as const, b }), (e: unknown) => ({ ok: false as const, e }))
    : null;

  // a file a folder walk passed over by its kind but a bundle read (a linked .xls) was not skipped
  const read = new Set(refs.flatMap((r) => (r.attachments ?? []).map((a) => a.display)));
  const skippedOutsideBundles = walked.skipped.filter((f) => !read.has(f.display));

  // --- the sink ---
  const bom = o.bom ?? (o.excel === true || (o.format === "csv") && (outDirAbs !== undefined || (outAbs !== undefined && outAbs.toLowerCase().endsWith(".csv"))));
  const render = { format: o.format, pretty: o.pretty, headers: o.headers, headerRow: o.headerRow, bom, errorsInline: o.errorsInline, single, excel: o.excel === true };
  let sink: Sink;
  const stdout = streamWriter(io.stdout);
  if (outDirAbs !== undefined) {
    await prepareOutDir(outDirAbs, `--out-dir ${o.outDir}`);
    sink = new DirSink(outDirAbs, render, temps, guard);
  } else if (outAbs !== undefined) {
    const file = await openOutputFile(outAbs, temps);
    sink = new StreamSink(render, file, file);
  } else {
    sink = new StreamSink(render, stdout, null);
  }

  // --- run ---
  const jobs = Math.max(1, o.jobs ?? defaultJobs());
  // streamed formats are rendered where the document is parsed (in the worker): one string comes back
  const f = o.format;
  const settings: ParseSettings = f === "ndjson" || f === "csv" || f === "tsv" ? { ...o.settings, render: { format: f, excel: o.excel === true } } : o.settings;
  const exec = createExecutor(jobs, refs.length, settings);
  const toJob = async (r: InputRef): Promise<JobInput | Outcome> => {
    if (r.error) return { ok: false, error: r.error };
    if (r.abs !== null) return { kind: "file", abs: r.abs, display: r.display, ...(r.attachments ? { attachments: r.attachments } : {}) };
    if (!stdinBytes) return { ok: false, error: { code: "E_EMPTY", message: "no input on stdin" } };
    if (!stdinBytes.ok) throw stdinBytes.e;
    return { kind: "bytes", bytes: stdinBytes.b, display: null };
  };

  // A second Ctrl-C exits at once (see io.ts): even then no temp file is left behind.
  const onExit = (): void => temps.removeAllSync();
  process.once("exit", onExit);
  try {
    return await drive();
  } finally {
    process.off("exit", onExit);
    await temps.removeAll();
  }

  async function drive(): Promise<number> {
    const stats = { files: 0, tasks: 0, warnings: 0, failures: 0 };
    let stoppedEarly = false;
    let fatal: unknown = null;
    reporter.skipped(skippedOutsideBundles);
    reporter.startProgress(refs.length);
    try {
      for await (const { item, outcome } of ordered(refs, toJob, exec, exec.size * 2, io.signal)) {
        stats.files++;
        reporter.tick();
        let failed = !outcome.ok;
        if (!outcome.ok) reporter.failure(item.display, outcome.error);
        else {
          const { tasks, warnings } = outcomeSummary(outcome);
          stats.tasks += tasks;
          stats.warnings += warnings.length;
          reporter.warnings(item.display, warnings);
        }
        try {
          await sink.accept(item, outcome);
        } catch (e) {
          // A per-input output problem (--out-dir) fails that input; a broken combined stream, a full
          // disk or a read-only file system is fatal.
          if (!(sink instanceof DirSink) || isFatalOutputError(e)) throw e;
          failed = true;
          reporter.failure(item.display, serializeError(e));
        }
        if (failed) stats.failures++;
        if (stdout.closed && outAbs === undefined && outDirAbs === undefined) {
          stoppedEarly = true; // the reader went away (e.g. `| head`): stop quietly
          break;
        }
        if (failed && o.failFast) {
          stoppedEarly = true;
          break;
        }
      }
    } catch (e) {
      fatal = e;
    } finally {
      reporter.stopProgress(io.signal?.aborted === true);
      await exec.close();
    }

    const interrupted = io.signal?.aborted === true;
    if (interrupted || fatal !== null || (stoppedEarly && o.failFast)) {
      await sink.abort();
      await temps.removeAll();
      const why = msg(interrupted ? "whyInterrupted" : fatal !== null ? "whyStopped" : "whyFailFast");
      if (fatal !== null) reporter.failure(sink.label, serializeError(fatal));
      reporter.say(`gongkai: ${msg("stoppedAfter", { why, n: stats.files, total: refs.length, written: describeWritten(sink, outDirAbs !== undefined) })}`);
      return interrupted ? EXIT.interrupted : EXIT.failed;
    }

    try {
      await sink.finish();
    } catch (e) {
      await temps.removeAll();
      reporter.failure(sink.label, serializeError(e));
      return EXIT.failed;
    }
    if (!single) {
      reporter.summary({ ...stats, ms: Date.now() - started, skipped: skippedOutsideBundles, strict: o.strict, ...(bundled ? { bundles: bundled } : {}) });
    }
    return exitCode({ failures: stats.failures, warnings: stats.warnings, strict: o.strict });
  }
}

/** The shard key: the path relative to the folder it was found in (file arguments: as given). */
const shardKey = (r: InputRef): string => (r.fromFolder ? r.rel : r.display);

function describeWritten(sink: Sink, perInput: boolean): string {
  if (perInput) return sink.written.length === 0 ? msg("nothingWritten", { to: sink.label }) : msg(sink.written.length === 1 ? "wroteOneUnder" : "wroteUnder", { n: sink.written.length, dir: sink.label });
  return sink.label === "stdout" ? msg("stdoutIncomplete") : msg("nothingWritten", { to: sink.label });
}
