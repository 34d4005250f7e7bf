/** `gongkai report INPUT... --out report.html`: one self-contained HTML dashboard of many notices. */
import { jsonValues, schemaProblem } from "../../compare/load.js";
import { resolve } from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { compareResults } from "../../compare/compare.js";
import { comparisonSection } from "../../report/comparison.js";
import { GongkaiError } from "../../errors.js";
import { errorText, render } from "../../messages.js";
import { isIsoDate, renderReport } from "../../report/index.js";
import { ErrorRecordSchema, ResultSchema, type Result } from "../../schema.js";
import { EXIT } from "../exit-code.js";
import { addCommon, helpAfter } from "../common.js";
import { serializeError, type SerializedError } from "../failure.js";
import { type InputRef, walkInputs } from "../inputs.js";
import { applyBundleOptions } from "../bundles.js";
import { msg } from "../messages.js";
import { guardOverwrite } from "../out-guard.js";
import { InputGuard, TempFiles, writeFileAtomic } from "../safe-fs.js";
import { streamWriter } from "../sinks.js";
import { usageFromZod } from "../usage.js";
import type { FailedInput } from "../../report/quality.js";
import { resultOf, runJob } from "../parse-job.js";
import type { CliIO } from "../io.js";
import { readFileChecked } from "../read-file.js";
import { failureLine, Reporter, skippedText } from "../reporter.js";
import { DEFAULT_MAX_SIZE, parseSize } from "../size.js";
import { readStdin } from "../stdin.js";

const ReportOptionsSchema = z.object({
  out: z.string().min(1),
  today: z.string().refine(isIsoDate, "expected a calendar date YYYY-MM-DD").optional(),
  title: z.string().optional(),
  maxSize: z.string().optional(),
  compare: z.boolean().optional(),
  threshold: z.coerce.number().min(0, "expected a number from 0 to 1").max(1, "expected a number from 0 to 1").optional(),
  quiet: z.boolean().optional(),
  verbose: z.boolean().optional(),
  color: z.enum(["auto", "always", "never"]).default("auto"),
  debug: z.boolean().optional(),
  force: z.boolean().optional(),
  attachment: z.array(z.string().min(1)).optional(),
  bundles: z.boolean().optional(),
});

/** Today's date on the local clock, YYYY-MM-DD (the renderer is pure and takes it as a parameter). */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function reportCommand(io: CliIO, setCode: (c: number) => void): Command {
  const cmd = new Command("report")
    // addCommand() does not pass these down from the program: without them commander exits the process.
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .description(msg("reportDescription"))
    .argument("<inputs...>", msg("reportInputs"))
    .requiredOption("-o, --out <file>", msg("reportOut"))
    .option("--today <date>", msg("optToday"))
    .option("--title <text>", msg("optTitle"))
    .option("--max-size <size>", msg("optMaxSize"), "20MB")
    .option("--compare", msg("optReportCompare"))
    .option("--threshold <score>", msg("optReportThreshold"))
    .option("--attachment <file>", msg("optAttachment"), (v: string, prev: string[] = []) => [...prev, v])
    .option("--bundles", msg("optBundles"));
  addCommon(cmd, { writes: true });
  helpAfter(cmd, io, [
    "gongkai report notices/ -o report.html",
    "gongkai report a.json b.json --today 2025-06-30 -o report.html",
    "gongkai report last-year.txt this-year.txt --compare -o - > diff.html",
  ], [[0, msg("exitReportOk")], [1, msg("exitReportFailed")], [2, msg("exitUsage")]]);
  return cmd.action(async (inputs: string[], raw: unknown) => {
    const parsed = ReportOptionsSchema.safeParse(raw);
    if (!parsed.success) {
      io.stderr.write(failureLine(null, serializeError(usageFromZod(parsed.error)), false) + "\n");
      return setCode(EXIT.usage);
    }
    const opts = parsed.data;
    const reporter = new Reporter(io, { quiet: !!opts.quiet, debug: !!opts.debug, verbose: !!opts.verbose, color: opts.color });
    let maxSize = DEFAULT_MAX_SIZE;
    const outAbs = opts.out === "-" ? null : resolve(io.cwd, opts.out);
    const walked = await walkInputs(inputs, { cwd: io.cwd, globs: [], exclude: [] });
    let refs = walked.refs;
    try {
      if (opts.maxSize !== undefined) maxSize = parseSize(opts.maxSize);
      refs = (await applyBundleOptions(refs, { attachments: opts.attachment, bundles: opts.bundles }, io.cwd, { maxSize })).refs;
      if (outAbs !== null) {
        const guard = new InputGuard(refs.flatMap((r) => [r.abs, ...(r.attachments ?? []).map((a) => a.abs)]));
        await guardOverwrite({ abs: outAbs, shown: opts.out, kind: "html", inputs: guard, force: !!opts.force });
      }
    } catch (e) {
      reporter.failure(null, serializeError(e));
      return setCode(EXIT.usage);
    }
    reporter.skipped(walked.skipped);
    const results: Result[] = [];
    const failed: FailedInput[] = [];
    let inputFailures = 0; // failed records inside JSON inputs were failures of an earlier run: listed, not counted
    const fail = (file: string, e: SerializedError): void => {
      inputFailures++;
      failed.push({ file, code: e.code, message: (e.text ? render(e.text, "zh") : e.message).split("\n")[0] ?? "" }); // the page is Chinese
      reporter.failure(file, e);
    };
    for (const ref of refs) {
      try {
        if (ref.error) {
          fail(ref.display, ref.error);
          continue;
        }
        const loaded = await loadInput(ref, io, maxSize);
        results.push(...loaded.results);
        for (const skipped of loaded.skipped) {
          failed.push({ file: `${ref.display}: ${skipped.path}`, code: skipped.code, message: errorText(skipped.message, "zh") });
          reporter.info(`gongkai: ${ref.display}: ${msg("skippedRecord", { what: `${skipped.path} (${skipped.code})` })}`);
        }
      } catch (e) {
        fail(ref.display, e instanceof JobFailure ? e.failure : serializeError(e));
      }
    }
    if (results.length === 0) {
      reporter.failure(null, { code: "E_EMPTY", message: msg("reportNothing"), hint: msg("reportNothingHint") });
      return setCode(EXIT.failed);
    }
    const comparisons = opts.compare
      ? results.slice(1).map((b, i) => {
          const a = results[i]!;
          return comparisonSection(a, b, compareResults(a, b, opts.threshold === undefined ? {} : { threshold: opts.threshold }), i);
        })
      : [];
    const html = renderReport(results, {
      today: opts.today ?? localToday(),
      ...(opts.title === undefined ? {} : { title: opts.title }),
      ...(comparisons.length ? { comparisons } : {}),
      ...(failed.length ? { failed } : {}),
    });
    try {
      if (outAbs === null) await writeStdout(io.stdout, html);
      else await writeAtomic(outAbs, html);
    } catch (e) {
      const err = e instanceof GongkaiError ? e : new GongkaiError("E_OUTPUT", e instanceof Error ? e.message : String(e), { hint: msg("checkWritable") });
      reporter.failure(opts.out, serializeError(err));
      return setCode(EXIT.usage); // an unusable output path is a usage error, as for `parse --out`
    }
    const tasks = results.reduce((n, r) => n + r.tasks.length, 0);
    const summary = msg("reportWrote", {
      out: outAbs === null ? "stdout" : opts.out,
      notices: results.length,
      tasks,
      failed: failed.length,
      ...(walked.skipped.length ? {} : {}),
    });
    reporter.info(`gongkai: ${summary}${walked.skipped.length ? msg("listComma") + msg("skipped", { what: skippedText(walked.skipped) }) : ""}`);
    setCode(inputFailures > 0 ? EXIT.failed : EXIT.ok);
  });
}

/** Write to stdout, waiting for the reader; a reader that went away (`| head`) is not an error. */
async function writeStdout(stream: NodeJS.WritableStream, text: string): Promise<void> {
  const w = streamWriter(stream);
  await w.write(text);
}

/** A parse job's failure, already serialised; rethrown so it is reported like any other. */
class JobFailure extends Error {
  constructor(readonly failure: SerializedError) {
    super(failure.message);
  }
}

interface Loaded {
  results: Result[];
  /** Error records (failed inputs of a batch run) found in a JSON input. */
  skipped: { path: string; code: string; message: string }[];
}

/** A notice is parsed; a JSON document (one Result, an array, or JSON Lines) is validated. */
async function loadInput(ref: InputRef, io: CliIO, maxSize: number): Promise<Loaded> {
  if (ref.attachments && ref.abs !== null) {
    const bundle = await runJob({ kind: "file", abs: ref.abs, display: ref.display, attachments: ref.attachments }, { maxSize });
    if (!bundle.ok) throw new JobFailure(bundle.error);
    return { results: [resultOf(bundle)], skipped: [] };
  }
  const bytes = ref.abs === null ? await readStdin(io.stdin, maxSize) : await readFileChecked(ref.abs, maxSize);
  if (bytes.length === 0) throw new GongkaiError("E_EMPTY", msg("inputEmpty"));
  if (looksLikeJson(ref.display, bytes)) return validateJson(jsonValues(Buffer.from(bytes).toString("utf8").replace(/^\uFEFF/u, "")));
  // The same job `parse` runs, so the page embeds exactly what `parse` would print.
  const outcome = await runJob({ kind: "bytes", bytes, display: ref.abs === null ? null : ref.display }, { maxSize });
  if (!outcome.ok) throw new JobFailure(outcome.error);
  return { results: [resultOf(outcome)], skipped: [] };
}

function looksLikeJson(path: string, bytes: Uint8Array): boolean {
  if (/\.(?:json|jsonl|ndjson)$/iu.test(path)) return true;
  const head = Buffer.from(bytes.subarray(0, 64)).toString("utf8").replace(/^\uFEFF/u, "").trimStart();
  return head.startsWith("{") || head.startsWith("[");
}

function validateJson(values: unknown[]): Loaded {
  const out: Loaded = { results: [], skipped: [] };
  values.forEach((v, i) => {
    const failed = ErrorRecordSchema.safeParse(v);
    if (failed.success) {
      out.skipped.push({ path: failed.data.source.path ?? `#${i + 1}`, code: failed.data.error.code, message: failed.data.error.message });
      return;
    }
    const checked = ResultSchema.safeParse(v);
    if (!checked.success) {
      const problem = schemaProblem(checked.error);
      throw new GongkaiError("E_SCHEMA", values.length > 1 ? msg("recordProblem", { n: i + 1, problem }) : problem, { hint: msg("giveNoticeOrJson") });
    }
    out.results.push(checked.data);
  });
  return out;
}

/** The page is written whole to a hidden temp file and renamed into place. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const temps = new TempFiles();
  try {
    await writeFileAtomic(path, text, temps);
  } finally {
    await temps.removeAll();
  }
}
