/**
 * `gongkai validate FILE...`: check JSON output against the document schema. Accepts one
 * document, an array (`--format json` batches) or NDJSON; `--errors inline` records are accepted
 * too. Messages go to stderr; the exit status says whether everything matched.
 */
import path from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { GongkaiError } from "../../errors.js";
import { ErrorRecordSchema, ResultSchema } from "../../schema.js";
import { EXIT } from "../exit-code.js";
import type { CliIO } from "../io.js";
import { serializeError } from "../failure.js";
import { readFileChecked } from "../read-file.js";
import { Reporter } from "../reporter.js";
import { DEFAULT_MAX_SIZE } from "../size.js";
import { readStdin } from "../stdin.js";

/** The records in a file: a JSON value (one or an array), else NDJSON lines. */
export function recordsOf(text: string): unknown[] {
  const body = text.replace(/^\uFEFF/u, "");
  try {
    const value: unknown = JSON.parse(body);
    return Array.isArray(value) ? value : [value];
  } catch {
    const lines = body.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    if (lines.length < 2) throw new GongkaiError("E_INVALID_JSON", "not valid JSON or NDJSON", { hint: "give the output of gongkai parse --format json or ndjson" });
    return lines.map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new GongkaiError("E_INVALID_JSON", `line ${i + 1} is not valid JSON`, { hint: "NDJSON needs one JSON value per line" });
      }
    });
  }
}

/** Problems of one record, or null when it matches. Pure. */
export function checkRecord(value: unknown): string | null {
  const isErrorRecord = typeof value === "object" && value !== null && "error" in value && !("tasks" in value);
  const checked = (isErrorRecord ? ErrorRecordSchema : ResultSchema).safeParse(value);
  return checked.success ? null : z.prettifyError(checked.error);
}

export function validateCommand(io: CliIO, setCode: (c: number) => void): Command {
  return new Command("validate")
    .description("check gongkai JSON / NDJSON output against the document schema")
    .argument("<files...>", "JSON or NDJSON files, or - for stdin")
    .option("-q, --quiet", "print only problems")
    .option("--debug", "print stack traces")
    .action(async (files: string[], opts: { quiet?: boolean; debug?: boolean }) => {
      const reporter = new Reporter(io, { quiet: !!opts.quiet, debug: !!opts.debug });
      let bad = 0;
      for (const file of files) {
        try {
          const bytes = file === "-" ? await readStdin(io.stdin, DEFAULT_MAX_SIZE) : await readFileChecked(path.resolve(io.cwd, file), DEFAULT_MAX_SIZE);
          const records = recordsOf(Buffer.from(bytes).toString("utf8"));
          const problems = records.flatMap((r, i) => {
            const p = checkRecord(r);
            return p === null ? [] : [`record ${i + 1}:\n${p.replace(/^/gmu, "  ")}`];
          });
          if (problems.length > 0) {
            bad++;
            reporter.failure(file, { code: "E_SCHEMA", message: `${problems.length} of ${records.length} records do not match the schema\n` });
            for (const p of problems) reporter.say(p);
          } else {
            reporter.info(`gongkai: ${file}: valid (${records.length} record${records.length === 1 ? "" : "s"})`);
          }
        } catch (e) {
          bad++;
          reporter.failure(file, serializeError(e));
        }
      }
      setCode(bad > 0 ? EXIT.failed : EXIT.ok);
    });
}
