/**
 * `gongkai compare A B`: align the tasks of two notices (carried over / dropped / new, and what
 * changed). `gongkai compare --base UPPER LOWER…`: which lower notices take up each base task.
 */
import { schemaProblem } from "../../compare/load.js";
import { Chalk } from "chalk";
import { Command, Option } from "commander";
import { z } from "zod";
import { GongkaiError } from "../../errors.js";
import { compareResults, DEFAULT_THRESHOLD } from "../../compare/compare.js";
import { coverResults } from "../../compare/coverage.js";
import { loadResult } from "../../compare/load.js";
import { renderCompareCsv, renderCoverageCsv } from "../../compare/render/csv.js";
import { renderJson } from "../../compare/render/json.js";
import type { Painter } from "../../compare/render/paint.js";
import { renderCompareText, renderCoverageText } from "../../compare/render/text.js";
import { CompareResultSchema, CoverageResultSchema } from "../../compare/schema.js";
import type { Result } from "../../schema.js";
import { EXIT } from "../exit-code.js";
import { serializeError } from "../failure.js";
import { readFileChecked } from "../read-file.js";
import { DEFAULT_MAX_SIZE } from "../size.js";
import { failureLine } from "../reporter.js";
import type { CliIO } from "../io.js";
import { extname, resolve } from "node:path";
import { stat } from "node:fs/promises";
import { loadBundleFolder } from "../bundles.js";
import { addCommon, helpAfter, outFile, usage } from "../common.js";
import { msg } from "../messages.js";
import { guardOverwrite } from "../out-guard.js";
import { InputGuard, TempFiles, writeFileAtomic } from "../safe-fs.js";
import { streamWriter } from "../sinks.js";
import { usageFromZod } from "../usage.js";

export const CompareOptionsSchema = z.object({
  format: z.enum(["text", "json", "csv"]).optional(),
  out: z.string().min(1).optional(),
  threshold: z.coerce.number().min(0, "expected a number from 0 to 1").max(1, "expected a number from 0 to 1"),
  base: z.string().optional(),
  pretty: z.boolean().optional(),
  color: z.union([z.enum(["auto", "always", "never"]), z.literal(false)]).default("auto"),
  quiet: z.boolean().optional(),
  verbose: z.boolean().optional(),
  force: z.boolean().optional(),
  debug: z.boolean().optional(),
  bundles: z.boolean().optional(),
});
type CompareCliOptions = z.infer<typeof CompareOptionsSchema>;
type CompareFormat = "text" | "json" | "csv";

const COMPARE_KINDS: Record<string, CompareFormat> = { ".json": "json", ".csv": "csv", ".txt": "text", ".text": "text" };

/** --format, else the --out extension, else text; an unknown --out extension is a usage error. */
function compareFormat(format: CompareFormat | undefined, out: string | undefined): CompareFormat {
  if (out === undefined) return format ?? "text";
  const ext = extname(out).toLowerCase();
  const byExt = COMPARE_KINDS[ext] ?? null;
  if (format !== undefined) {
    if (byExt !== null && byExt !== format) throw usage(msg("formatVsOut", { format, out, other: byExt }), msg("formatVsOutHint"));
    return format;
  }
  if (byExt === null) throw usage(msg("unknownOutExt", { out, ext: ext || msg("noExtension") }), msg("unknownOutExtHint", { choices: Object.keys(COMPARE_KINDS).join(" ") }));
  return byExt;
}

export function compareCommand(io: CliIO, setCode: (c: number) => void): Command {
  const cmd = new Command("compare")
    .description(msg("compareDescription"))
    .argument("[inputs...]", msg("compareInputs"))
    .addOption(new Option("-f, --format <format>", msg("optCompareFormat")).choices(["text", "json", "csv"]))
    .option("-o, --out <file>", msg("optCompareOut"))
    .option("--threshold <score>", msg("optThreshold"), String(DEFAULT_THRESHOLD))
    .option("--base <notice>", msg("optBase"))
    .option("--pretty", msg("optPretty"))
    .option("--bundles", msg("optCompareBundles"))
    .addOption(new Option("--no-color", "").hideHelp())
    // addCommand does not pass these down from the program: errors must reach main, not process.exit
    .exitOverride()
    .configureOutput({ writeOut: (t) => void io.stdout.write(t), writeErr: (t) => void io.stderr.write(t) });
  addCommon(cmd, { writes: true });
  helpAfter(cmd, io, [
    "gongkai compare last-year.txt this-year.txt",
    "gongkai compare a.txt b.json -f json --pretty -o diff.json",
    "gongkai compare --base city.txt district1.txt district2.txt -f csv",
  ], [[0, msg("exitCompareOk")], [1, msg("exitCompareFailed")], [2, msg("exitUsage")]]);
  return cmd.action(async (inputs: string[], raw: Record<string, unknown>) => {
    const parsed = CompareOptionsSchema.safeParse(raw);
    const say = (file: string | null, e: unknown, debug = false): void => void io.stderr.write(failureLine(file, serializeError(e), debug, new Chalk({ level: colorLevel({ color: parsed.success ? parsed.data.color : "auto" }, { env: io.env, stdout: io.stderr }) })) + "\n");
    if (!parsed.success) {
      say(null, usageFromZod(parsed.error));
      return setCode(EXIT.usage);
    }
    const opts = parsed.data;
    const outPath = outFile(opts.out);
    let format: CompareFormat;
    try {
      format = compareFormat(opts.format, outPath);
      if (opts.base ? inputs.length < 1 : inputs.length !== 2) {
        throw usage(msg(opts.base ? "compareWantBase" : "compareWantTwo", { n: inputs.length }), msg("seeHelp"));
      }
      if (outPath !== undefined) {
        const all = [...inputs, ...(opts.base ? [opts.base] : [])].filter((p) => p !== "-").map((p) => resolve(io.cwd, p));
        await guardOverwrite({ abs: resolve(io.cwd, outPath), shown: outPath, kind: format, inputs: new InputGuard(all), force: !!opts.force });
      }
    } catch (e) {
      say(null, e);
      return setCode(EXIT.usage);
    }
    const toFile = outPath !== undefined;
    let current = "";
    try {
      const load = async (p: string): Promise<Result> => {
        current = p;
        const abs = resolve(io.cwd, p);
        if (opts.bundles && p !== "-" && (await stat(abs).catch(() => null))?.isDirectory()) return loadBundleFolder(p, io.cwd, { maxSize: DEFAULT_MAX_SIZE });
        return loadResult(await readInputFile(abs), { path: p });
      };
      let text: string;
      const o = { ...opts, format, color: toFile ? ("never" as const) : opts.color };
      if (opts.base) {
        const base = await load(opts.base);
        const others: Result[] = [];
        for (const p of inputs) others.push(await load(p));
        current = "";
        text = renderCoverage(coverResults(base, others, { threshold: opts.threshold }), o, io);
      } else {
        const a = await load(inputs[0]!);
        const b = await load(inputs[1]!);
        current = "";
        text = renderCompare(compareResults(a, b, { threshold: opts.threshold }), a, b, o, io);
      }
      if (outPath === undefined) await streamWriter(io.stdout).write(text);
      else {
        current = outPath;
        const temps = new TempFiles();
        try {
          await writeFileAtomic(resolve(io.cwd, outPath), text, temps);
        } finally {
          await temps.removeAll();
        }
      }
      setCode(EXIT.ok);
    } catch (e) {
      say(current || null, e, !!opts.debug);
      setCode(current === outPath && outPath !== undefined ? EXIT.usage : EXIT.failed);
    }
  });
}

type RenderOpts = CompareCliOptions & { format: CompareFormat };

function renderCompare(r: ReturnType<typeof compareResults>, a: Result, b: Result, opts: RenderOpts, io: CliIO): string {
  switch (opts.format) {
    case "json":
      return renderJson(validated(CompareResultSchema, r), !!opts.pretty);
    case "csv":
      return renderCompareCsv(r, a, b);
    case "text":
      return renderCompareText(r, a, b, { paint: painter(opts, io) });
  }
}

function renderCoverage(r: ReturnType<typeof coverResults>, opts: RenderOpts, io: CliIO): string {
  switch (opts.format) {
    case "json":
      return renderJson(validated(CoverageResultSchema, r), !!opts.pretty);
    case "csv":
      return renderCoverageCsv(r);
    case "text":
      return renderCoverageText(r, { paint: painter(opts, io) });
  }
}

/** Never print what the schema rejects. */
function validated<T>(schema: z.ZodType<T>, value: T): T {
  const checked = schema.safeParse(value);
  if (!checked.success) throw new GongkaiError("E_SCHEMA", msg("brokenSchema", { detail: schemaProblem(checked.error) }));
  return checked.data;
}

/** Colour only on a terminal, and never under NO_COLOR or --color never; FORCE_COLOR or --color always forces it. */
export function colorLevel(opts: { color?: "auto" | "always" | "never" | boolean | undefined }, io: Pick<CliIO, "env" | "stdout">): 0 | 1 {
  if (opts.color === false || opts.color === "never") return 0;
  if (opts.color === "always") return 1;
  const { NO_COLOR, FORCE_COLOR } = io.env;
  if (NO_COLOR !== undefined && NO_COLOR !== "") return 0;
  if (FORCE_COLOR !== undefined && FORCE_COLOR !== "0" && FORCE_COLOR !== "false") return 1;
  return io.stdout.isTTY ? 1 : 0;
}

function painter(opts: RenderOpts, io: CliIO): Painter {
  const c = new Chalk({ level: colorLevel(opts, io) });
  return { bold: c.bold, dim: c.dim, green: c.green, red: c.red, yellow: c.yellow, cyan: c.cyan };
}

/** Shared with parse and report: typed errors for missing files and folders, --max-size enforced. */
const readInputFile = (path: string): Promise<Uint8Array> => readFileChecked(path, DEFAULT_MAX_SIZE);
