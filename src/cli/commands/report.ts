/** `gongkai report INPUT... --out report.html`: one self-contained HTML dashboard of many notices. */
import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { compareResults } from "../../compare/compare.js";
import { comparisonSection } from "../../report/comparison.js";
import { GongkaiError } from "../../errors.js";
import { isIsoDate, renderReport } from "../../report/index.js";
import { ErrorRecordSchema, ResultSchema, type Result } from "../../schema.js";
import { EXIT } from "../exit-code.js";
import { serializeError, type SerializedError } from "../failure.js";
import { expandInputs, type InputRef } from "../inputs.js";
import { runJob } from "../parse-job.js";
import type { CliIO } from "../io.js";
import { readFileChecked } from "../read-file.js";
import { failureLine } from "../reporter.js";
import { DEFAULT_MAX_SIZE, parseSize } from "../size.js";
import { readStdin } from "../stdin.js";

const ReportOptionsSchema = z.object({
  out: z.string().min(1),
  today: z.string().refine(isIsoDate, "expected a calendar date YYYY-MM-DD").optional(),
  title: z.string().optional(),
  maxSize: z.string().optional(),
  compare: z.boolean().optional(),
  threshold: z.coerce.number().min(0).max(1).optional(),
  debug: z.boolean().optional(),
});

/** Today's date on the local clock, YYYY-MM-DD (the renderer is pure and takes it as a parameter). */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function reportCommand(io: CliIO, setCode: (c: number) => void): Command {
  return new Command("report")
    // addCommand() does not pass these down from the program: without them commander exits the process.
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .description("write a self-contained HTML report (tasks, units, deadlines) of notices or gongkai JSON documents")
    .argument("<inputs...>", "notices (.txt, .md, .pdf, .docx, .html; folders are walked), JSON / NDJSON from `gongkai parse`, or - for stdin")
    .requiredOption("-o, --out <file>", "the HTML file to write ('-' for stdout)")
    .option("--today <date>", "YYYY-MM-DD; deadlines before it are marked past due (default: today)")
    .option("--title <text>", "page title (default: the notice title)")
    .option("--max-size <size>", "skip inputs larger than this (E_TOO_LARGE)", "20MB")
    .option("--compare", "add a side-by-side comparison of each notice with the next (e.g. last year's → this year's)")
    .option("--threshold <score>", "with --compare: lowest similarity for a task pair (default: as in `gongkai compare`)")
    .option("--debug", "print stack traces")
    .action(async (inputs: string[], raw: unknown) => {
      const parsed = ReportOptionsSchema.safeParse(raw);
      if (!parsed.success) {
        io.stderr.write(`gongkai report: ${z.prettifyError(parsed.error)}\n`);
        return setCode(EXIT.usage);
      }
      const opts = parsed.data;
      let maxSize = DEFAULT_MAX_SIZE;
      try {
        if (opts.maxSize !== undefined) maxSize = parseSize(opts.maxSize);
      } catch (e) {
        io.stderr.write(failureLine(null, serializeError(e), false) + "\n");
        return setCode(EXIT.usage);
      }
      const results: Result[] = [];
      let failures = 0;
      for (const ref of await expandInputs(inputs, { cwd: io.cwd, globs: [], exclude: [] })) {
        try {
          if (ref.error) {
            failures++;
            io.stderr.write(failureLine(ref.display, ref.error, false) + "\n");
            continue;
          }
          const loaded = await loadInput(ref, io, maxSize);
          results.push(...loaded.results);
          for (const skipped of loaded.skipped) io.stderr.write(`gongkai: ${ref.display}: skipped failed record ${skipped}\n`);
        } catch (e) {
          failures++;
          io.stderr.write(failureLine(ref.display, e instanceof JobFailure ? e.failure : serializeError(e), !!opts.debug) + "\n");
        }
      }
      if (results.length === 0) {
        io.stderr.write("gongkai report: no document to report on; nothing written\n");
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
      });
      try {
        if (opts.out === "-") io.stdout.write(html);
        else await writeAtomic(resolve(io.cwd, opts.out), html);
      } catch (e) {
        const err = new GongkaiError("E_OUTPUT", e instanceof Error ? e.message : String(e), { hint: "check that the folder exists and is writable" });
        io.stderr.write(failureLine(opts.out, serializeError(err), !!opts.debug) + "\n");
        return setCode(EXIT.usage); // an unusable output path is a usage error, as for `parse --out`
      }
      const tasks = results.reduce((n, r) => n + r.tasks.length, 0);
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
      if (opts.out !== "-") io.stderr.write(`gongkai report: wrote ${opts.out} (${plural(results.length, "notice")}, ${plural(tasks, "task")})\n`);
      setCode(failures > 0 ? EXIT.failed : EXIT.ok);
    });
}

/** A parse job's failure, already serialised; rethrown so it is reported like any other. */
class JobFailure extends Error {
  constructor(readonly failure: SerializedError) {
    super(failure.message);
  }
}

interface Loaded {
  results: Result[];
  /** Descriptions of error records (failed inputs of a batch run) found in a JSON input. */
  skipped: string[];
}

/** A notice is parsed; a JSON document (one Result, an array, or JSON Lines) is validated. */
async function loadInput(ref: InputRef, io: CliIO, maxSize: number): Promise<Loaded> {
  const bytes = ref.abs === null ? await readStdin(io.stdin, maxSize) : await readFileChecked(ref.abs, maxSize);
  if (bytes.length === 0) throw new GongkaiError("E_EMPTY", "the input is empty");
  if (looksLikeJson(ref.display, bytes)) return validateJson(parseJson(Buffer.from(bytes).toString("utf8").replace(/^\uFEFF/u, "")));
  // The same job `parse` runs, so the page embeds exactly what `parse` would print.
  const outcome = await runJob({ kind: "bytes", bytes, display: ref.abs === null ? null : ref.display }, { maxSize });
  if (!outcome.ok) throw new JobFailure(outcome.error);
  return { results: [outcome.result], skipped: [] };
}

function looksLikeJson(path: string, bytes: Uint8Array): boolean {
  if (/\.(?:json|jsonl|ndjson)$/iu.test(path)) return true;
  const head = Buffer.from(bytes.subarray(0, 64)).toString("utf8").replace(/^\uFEFF/u, "").trimStart();
  return head.startsWith("{") || head.startsWith("[");
}

function parseJson(text: string): unknown[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : [v];
  } catch (whole) {
    const lines = text.split(/\r?\n/u).filter((l) => l.trim() !== "");
    try {
      if (lines.length > 1) return lines.map((l) => JSON.parse(l) as unknown); // JSON Lines
    } catch {
      // fall through to the error about the whole file
    }
    throw new GongkaiError("E_INVALID_JSON", whole instanceof Error ? whole.message : String(whole));
  }
}

function validateJson(values: unknown[]): Loaded {
  const out: Loaded = { results: [], skipped: [] };
  values.forEach((v, i) => {
    const failed = ErrorRecordSchema.safeParse(v);
    if (failed.success) {
      out.skipped.push(`${failed.data.source.path ?? `#${i + 1}`} (${failed.data.error.code})`);
      return;
    }
    const checked = ResultSchema.safeParse(v);
    if (!checked.success) {
      throw new GongkaiError("E_SCHEMA", `${values.length > 1 ? `record ${i + 1}: ` : ""}${z.prettifyError(checked.error)}`);
    }
    out.results.push(checked.data);
  });
  return out;
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, text, "utf8");
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
