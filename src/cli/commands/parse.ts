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
import { formatOfExtension, KNOWN_OUT_EXTENSIONS, OUTPUT_FORMATS, type OutputFormat } from "../formats.js";
import { msg } from "../messages.js";
import { addCommon, helpAfter } from "../common.js";
import { usageFromZod } from "../usage.js";

const READ_FORMATS = ["text", "markdown", "pdf", "docx", "doc", "html", "ofd", "xlsx", "xls"] as const;

/** Raw commander options, checked and turned into BatchOptions. */
export const ParseOptionsSchema = z.object({
  format: z.enum(OUTPUT_FORMATS).optional(),
  out: z.string().min(1).optional(),
  outDir: z.string().min(1).optional(),
  glob: z.array(z.string().min(1)).default([]),
  attachment: z.array(z.string().min(1)).default([]),
  bundles: z.boolean().default(false),
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
  force: z.boolean().default(false),
  excel: z.boolean().default(false),
  verbose: z.boolean().default(false),
  color: z.enum(["auto", "always", "never"]).default("auto"),
  quiet: z.boolean().default(false),
  debug: z.boolean().default(false),
});
export type RawParseOptions = z.input<typeof ParseOptionsSchema>;

/**
 * --format, else the --out extension, else json. An --out extension gongkai does not know (.xls,
 * .txt) never silently gets JSON, and one that names another format contradicts --format.
 */
export function pickFormat(format: OutputFormat | undefined, out: string | undefined): OutputFormat {
  if (out === undefined) return format ?? "json";
  const ext = path.extname(out).toLowerCase();
  const byExt = formatOfExtension(ext);
  if (format !== undefined) {
    if (byExt !== null && byExt !== format) {
      throw new GongkaiError("E_USAGE", msg("formatVsOut", { format, out, other: byExt }), { hint: msg("formatVsOutHint") });
    }
    return format;
  }
  if (byExt === null) {
    throw new GongkaiError("E_USAGE", msg("unknownOutExt", { out, ext: ext || msg("noExtension") }), {
      hint: msg("unknownOutExtHint", { choices: KNOWN_OUT_EXTENSIONS.join(" ") }),
    });
  }
  return byExt;
}

/** --excel is a CSV dialect: it goes with csv or no --format. */
function excelFormat(format: OutputFormat | undefined): OutputFormat {
  if (format !== undefined && format !== "csv") throw new GongkaiError("E_USAGE", msg("excelNeedsCsv", { format }), { hint: msg("excelNeedsCsvHint") });
  return "csv";
}

export function toBatchOptions(inputs: readonly string[], raw: unknown, env: NodeJS.ProcessEnv): BatchOptions {
  const parsed = ParseOptionsSchema.safeParse(raw);
  if (!parsed.success) throw usageFromZod(parsed.error);
  const o = parsed.data;
  const out = o.out === "-" ? undefined : o.out; // `-o -`: stdout
  if (inputs.length === 0) throw new GongkaiError("E_USAGE", msg("noInput"), { hint: msg("noInputHint") });
  const password = o.password ?? env.GONGKAI_PASSWORD;
  const jobs = o.jobs === undefined ? undefined : Number(o.jobs);
  if (jobs === 0) throw new GongkaiError("E_USAGE", msg("jobsAtLeastOne"));
  if (o.attachment.length > 0 && o.bundles) throw new GongkaiError("E_USAGE", msg("attachmentAndBundles"));
  const delay = Number(env.GONGKAI_TEST_DELAY_MS ?? 0);
  return {
    inputs,
    format: pickFormat(o.excel ? excelFormat(o.format) : o.format, out),
    excel: o.excel,
    verbose: o.verbose,
    color: o.color,
    ...(out !== undefined ? { out } : {}),
    force: o.force,
    ...(o.outDir !== undefined ? { outDir: o.outDir } : {}),
    globs: o.glob,
    ...(o.attachment.length > 0 ? { attachments: o.attachment } : {}),
    ...(o.bundles ? { bundles: true } : {}),
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
  const cmd = new Command("parse")
    .description(msg("parseDescription"))
    .argument("[inputs...]", msg("parseInputs"))
    .addOption(new Option("-f, --format <format>", msg("optFormat")).choices(OUTPUT_FORMATS))
    .option("-o, --out <file>", msg("optOut"))
    .option("-d, --out-dir <dir>", msg("optOutDir"))
    .option("-g, --glob <pattern>", msg("optGlob"), collect)
    .option("--attachment <file>", msg("optAttachment"), collect)
    .option("--bundles", msg("optBundles"))
    .addOption(new Option("--headers <lang>", msg("optHeaders")).choices(["en", "zh", "none"]).default("en"))
    .option("--excel", msg("optExcel"))
    .option("--bom", msg("optBom"))
    .option("--no-bom", msg("optNoBom"))
    .option("--pretty", msg("optPretty"))
    .addOption(new Option("--from <format>", msg("optFrom")).choices(READ_FORMATS))
    .option("--encoding <name>", msg("optEncoding"))
    .option("--password <password>", msg("optPassword"))
    .option("--max-size <size>", msg("optMaxSize"), "20MB")
    .option("-j, --jobs <n>", msg("optJobs"))
    .option("--shard <k/n>", msg("optShard"))
    .addOption(new Option("--errors <mode>", msg("optErrors")).choices(["stderr", "inline"]).default("stderr"))
    .option("--fail-fast", msg("optFailFast"))
    .option("--strict", msg("optStrict"));
  addCommon(cmd, { writes: true });
  helpAfter(cmd, io, [
    "gongkai parse notice.docx --pretty",
    "gongkai parse notices/ -o tasks.xlsx",
    "gongkai parse notices/ --excel -o tasks.csv",
    "gongkai parse notice.html --attachment 附件1.docx --attachment 附件2.xlsx",
    "gongkai parse downloads/ --bundles -o tasks.xlsx",
  ], [[0, msg("exitParseOk")], [1, msg("exitFailed")], [2, msg("exitUsage")], [130, msg("exitInterrupted")]]);
  return cmd
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
