/**
 * `gongkai compare A B`: align the tasks of two notices (carried over / dropped / new, and what
 * changed). `gongkai compare --base UPPER LOWER…`: which lower notices take up each base task.
 */
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

export const CompareOptionsSchema = z.object({
  format: z.enum(["text", "json", "csv"]),
  threshold: z.coerce.number().min(0).max(1),
  base: z.string().optional(),
  pretty: z.boolean().optional(),
  color: z.boolean().optional(),
  debug: z.boolean().optional(),
});
type CompareCliOptions = z.infer<typeof CompareOptionsSchema>;

export function compareCommand(io: CliIO, setCode: (c: number) => void): Command {
  return new Command("compare")
    .description("align the tasks of two notices: carried over (with what changed), dropped, new")
    .argument("[inputs...]", "two notices (any supported format, or gongkai JSON); with --base, one or more")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "csv"]).default("text"))
    .option("--threshold <score>", "minimum similarity (0-1) for two tasks to be the same work", String(DEFAULT_THRESHOLD))
    .option("--base <notice>", "coverage: for each task of this notice, which of the inputs take it up")
    .option("--pretty", "indent the JSON output")
    .option("--no-color", "no colour in text output (also NO_COLOR=1)")
    .option("--debug", "print stack traces")
    // addCommand does not pass these down from the program: errors must reach main, not process.exit
    .exitOverride()
    .configureOutput({ writeOut: (t) => void io.stdout.write(t), writeErr: (t) => void io.stderr.write(t) })
    .addHelpText(
      "after",
      `
Examples:
  gongkai compare last-year.txt this-year.txt
  gongkai compare a.txt b.json --format json --pretty
  gongkai compare --base city.txt district1.txt district2.txt --format csv`,
    )
    .action(async (inputs: string[], raw: Record<string, unknown>) => {
      const parsed = CompareOptionsSchema.safeParse(raw);
      if (!parsed.success) {
        io.stderr.write(`gongkai compare: ${z.prettifyError(parsed.error)}\n`);
        return setCode(EXIT.usage);
      }
      const opts = parsed.data;
      const wanted = opts.base ? "one or more notices to check against --base" : "exactly two notices";
      if (opts.base ? inputs.length < 1 : inputs.length !== 2) {
        io.stderr.write(`gongkai compare: give ${wanted} (got ${inputs.length}); see gongkai compare --help\n`);
        return setCode(EXIT.usage);
      }
      let current = "";
      try {
        const load = async (path: string): Promise<Result> => {
          current = path;
          return loadResult(await readInputFile(path), { path });
        };
        if (opts.base) {
          const base = await load(opts.base);
          const others: Result[] = [];
          for (const p of inputs) others.push(await load(p));
          current = "";
          io.stdout.write(renderCoverage(coverResults(base, others, { threshold: opts.threshold }), opts, io));
        } else {
          const a = await load(inputs[0]!);
          const b = await load(inputs[1]!);
          current = "";
          const r = compareResults(a, b, { threshold: opts.threshold });
          io.stdout.write(renderCompare(r, a, b, opts, io));
        }
        setCode(EXIT.ok);
      } catch (e) {
        io.stderr.write(formatError(current || "compare", e, !!opts.debug) + "\n");
        setCode(EXIT.failed);
      }
    });
}

function renderCompare(r: ReturnType<typeof compareResults>, a: Result, b: Result, opts: CompareCliOptions, io: CliIO): string {
  switch (opts.format) {
    case "json":
      return renderJson(validated(CompareResultSchema, r), !!opts.pretty);
    case "csv":
      return renderCompareCsv(r, a, b);
    case "text":
      return renderCompareText(r, a, b, { paint: painter(opts, io) });
  }
}

function renderCoverage(r: ReturnType<typeof coverResults>, opts: CompareCliOptions, io: CliIO): string {
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
  if (!checked.success) throw new GongkaiError("E_SCHEMA", z.prettifyError(checked.error));
  return checked.data;
}

/** Colour only on a terminal, and never under NO_COLOR or --no-color; FORCE_COLOR forces it. */
export function colorLevel(opts: { color?: boolean | undefined }, io: Pick<CliIO, "env" | "stdout">): 0 | 1 {
  if (opts.color === false) return 0;
  const { NO_COLOR, FORCE_COLOR } = io.env;
  if (NO_COLOR !== undefined && NO_COLOR !== "") return 0;
  if (FORCE_COLOR !== undefined && FORCE_COLOR !== "0" && FORCE_COLOR !== "false") return 1;
  return io.stdout.isTTY ? 1 : 0;
}

function painter(opts: CompareCliOptions, io: CliIO): Painter {
  const c = new Chalk({ level: colorLevel(opts, io) });
  return { bold: c.bold, dim: c.dim, green: c.green, red: c.red, yellow: c.yellow, cyan: c.cyan };
}

/** Shared with parse and report: typed errors for missing files and folders, --max-size enforced. */
const readInputFile = (path: string): Promise<Uint8Array> => readFileChecked(path, DEFAULT_MAX_SIZE);
const formatError = (file: string, e: unknown, debug: boolean): string => failureLine(file, serializeError(e), debug);
