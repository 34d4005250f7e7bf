/** `gongkai parse INPUT...`: notices (files, folders, `-`) → JSON, NDJSON, CSV, TSV or XLSX. */
import path from "node:path";
import { Command, Option } from "commander";
import { z } from "zod";
import { GongkaiError } from "../../errors.js";
import { encodingName } from "../../input/decode.js";
import type { BatchOptions } from "../batch.js";
import { EXIT } from "../exit-code.js";
import type { CliIO } from "../io.js";
import { serializeError } from "../failure.js";
import { failureLine } from "../reporter.js";
import { parseShard } from "../shard.js";
import { DEFAULT_MAX_SIZE, parseSize } from "../size.js";
import { EXTENSION, OUTPUT_FORMATS, type OutputFormat } from "../formats.js";

const READ_FORMATS = ["text", "markdown", "pdf", "docx", "html"] as const;

/** Raw commander options, checked and turned into BatchOptions. */
export const ParseOptionsSchema = z.object({
  format: z.enum(OUTPUT_FORMATS).optional(),
  out: z.string().min(1).optional(),
  outDir: z.string().min(1).optional(),
  glob: z.array(z.string().min(1)).default([]),
  headers: z.enum(["en", "zh", "none"]).default("en"),
  bom: z.boolean().optional(),
  pretty: z.boolean().default(false),
  from: z.enum(READ_FORMATS).optional(),
  encoding: z.string().optional(),
  password: z.string().optional(),
  maxSize: z.string().optional(),
  jobs: z.string().regex(/^\d+$/u, "--jobs takes a whole number").optional(),
  shard: z.string().optional(),
  errors: z.enum(["stderr", "inline"]).default("stderr"),
  failFast: z.boolean().default(false),
  strict: z.boolean().default(false),
  quiet: z.boolean().default(false),
  debug: z.boolean().default(false),
});
export type RawParseOptions = z.input<typeof ParseOptionsSchema>;

/** --format wins; else the --out extension; else json. */
function pickFormat(format: OutputFormat | undefined, out: string | undefined): OutputFormat {
  if (format) return format;
  const ext = out ? path.extname(out).toLowerCase() : "";
  const byExt = (Object.entries(EXTENSION) as [OutputFormat, string][]).find(([, e]) => e === ext);
  return byExt ? byExt[0] : "json";
}

export function toBatchOptions(inputs: readonly string[], raw: unknown, env: NodeJS.ProcessEnv): BatchOptions {
  const parsed = ParseOptionsSchema.safeParse(raw);
  if (!parsed.success) throw new GongkaiError("E_USAGE", z.prettifyError(parsed.error).replace(/\n/gu, " "));
  const o = parsed.data;
  if (inputs.length === 0) throw new GongkaiError("E_USAGE", "no input given", { hint: "name files or folders, or - for stdin" });
  const password = o.password ?? env.GONGKAI_PASSWORD;
  const jobs = o.jobs === undefined ? undefined : Number(o.jobs);
  if (jobs === 0) throw new GongkaiError("E_USAGE", "--jobs must be at least 1");
  const delay = Number(env.GONGKAI_TEST_DELAY_MS ?? 0);
  return {
    inputs,
    format: pickFormat(o.format, o.out),
    ...(o.out !== undefined ? { out: o.out } : {}),
    ...(o.outDir !== undefined ? { outDir: o.outDir } : {}),
    globs: o.glob,
    // "none" drops the CSV/TSV header row; XLSX sheets always get (English) column names.
    headers: o.headers === "none" ? "en" : o.headers,
    headerRow: o.headers !== "none",
    ...(o.bom !== undefined ? { bom: o.bom } : {}),
    pretty: o.pretty,
    settings: {
      maxSize: o.maxSize === undefined ? DEFAULT_MAX_SIZE : parseSize(o.maxSize),
      ...(o.from ? { from: o.from } : {}),
      ...(o.encoding ? { encoding: encodingName(o.encoding) } : {}),
      ...(password ? { password } : {}),
      ...(delay > 0 ? { delayMs: delay } : {}),
    },
    ...(jobs !== undefined ? { jobs } : {}),
    ...(o.shard !== undefined ? { shard: parseShard(o.shard) } : {}),
    errorsInline: o.errors === "inline",
    failFast: o.failFast,
    strict: o.strict,
    quiet: o.quiet,
    debug: o.debug,
  };
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function parseCommand(io: CliIO, setCode: (c: number) => void): Command {
  return new Command("parse")
    .description("parse notices (.txt, .md, .pdf, .docx, .html; folders are walked) into JSON, NDJSON, CSV, TSV or XLSX")
    .argument("[inputs...]", "files, folders (recursive), or - for stdin")
    .addOption(new Option("-f, --format <format>", "output format (default: from the --out extension, else json)").choices(OUTPUT_FORMATS))
    .option("-o, --out <file>", "write one combined output file (atomically) instead of stdout")
    .option("-d, --out-dir <dir>", "write one output per input, mirroring the input folders")
    .option("-g, --glob <pattern>", "files to take from folders (repeatable; default: notice extensions)", collect)
    .addOption(new Option("--headers <lang>", "CSV/TSV/XLSX column names (none: no CSV/TSV header row)").choices(["en", "zh", "none"]).default("en"))
    .option("--bom", "start CSV/TSV with a UTF-8 BOM (default: on for .csv files, off on stdout)")
    .option("--no-bom", "never write a BOM")
    .option("--pretty", "indent JSON")
    .addOption(new Option("--from <format>", "input format instead of detecting it").choices(READ_FORMATS))
    .option("--encoding <name>", "text encoding of the inputs (default: detect UTF-8 / GB18030)")
    .option("--password <password>", "password for encrypted PDFs (or set GONGKAI_PASSWORD)")
    .option("--max-size <size>", "skip inputs larger than this (E_TOO_LARGE)", "20MB")
    .option("-j, --jobs <n>", "worker threads (default: number of cores; 1 = in-process)")
    .option("--shard <k/n>", "only the K-th of N deterministic slices of the inputs (for CI matrices)")
    .addOption(new Option("--errors <mode>", "failed inputs: stderr only, or also inline records in json/ndjson").choices(["stderr", "inline"]).default("stderr"))
    .option("--fail-fast", "stop at the first failed input")
    .option("--strict", "treat warnings as failures (exit 1)")
    .option("-q, --quiet", "no summary, progress or warnings (failures are still reported)")
    .option("--debug", "print stack traces")
    .action(async (inputs: string[], raw: Record<string, unknown>) => {
      try {
        const options = toBatchOptions(inputs, raw, io.env);
        const { runBatch } = await import("../batch.js"); // the pipeline loads only when there is work
        setCode(await runBatch(options, io));
      } catch (e) {
        const err = serializeError(e);
        io.stderr.write(failureLine(null, err, raw.debug === true) + "\n");
        setCode(err.code === "E_USAGE" || err.code === "E_OUTPUT" ? EXIT.usage : EXIT.failed);
      }
    });
}
