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
import { type ColorMode, Reporter } from "../reporter.js";
import { addCommon, helpAfter } from "../common.js";
import { msg } from "../messages.js";
import { schemaProblem } from "../../compare/load.js";
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
    if (lines.length < 2) throw new GongkaiError("E_INVALID_JSON", msg("notJsonOrNdjson"), { hint: msg("notJsonOrNdjsonHint") });
    return lines.map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new GongkaiError("E_INVALID_JSON", msg("lineNotJson", { n: i + 1 }), { hint: msg("lineNotJsonHint") });
      }
    });
  }
}

/** Problems of one record, or null when it matches. Pure. */
export function checkRecord(value: unknown): string | null {
  const isErrorRecord = typeof value === "object" && value !== null && "error" in value && !("tasks" in value);
  const checked = (isErrorRecord ? ErrorRecordSchema : ResultSchema).safeParse(value);
  return checked.success ? null : schemaProblem(checked.error);
}

export function validateCommand(io: CliIO, setCode: (c: number) => void): Command {
  const cmd = new Command("validate")
    .description(msg("validateDescription"))
    .argument("<files...>", msg("validateInputs"));
  addCommon(cmd, { writes: false });
  helpAfter(cmd, io, ["gongkai validate tasks.json", "gongkai parse notices/ -f ndjson | gongkai validate -"], [[0, msg("exitValidateOk")], [1, msg("exitValidateBad")], [2, msg("exitUsage")]]);
  return cmd
    .action(async (files: string[], opts: { quiet?: boolean; debug?: boolean; color?: ColorMode }) => {
      const reporter = new Reporter(io, { quiet: !!opts.quiet, debug: !!opts.debug, color: opts.color ?? "auto" });
      let bad = 0;
      for (const file of files) {
        try {
          const bytes = file === "-" ? await readStdin(io.stdin, DEFAULT_MAX_SIZE) : await readFileChecked(path.resolve(io.cwd, file), DEFAULT_MAX_SIZE);
          const records = recordsOf(Buffer.from(bytes).toString("utf8"));
          const problems = records.flatMap((r, i) => {
            const p = checkRecord(r);
            return p === null ? [] : [`gongkai: ${file}: ${msg("record", { n: i + 1 })}: ${p}`];
          });
          if (problems.length > 0) {
            bad++;
            reporter.failure(file, { code: "E_SCHEMA", message: msg("validateBad", { bad: problems.length, n: records.length }) });
            for (const p of problems) reporter.say(p);
          } else {
            reporter.info(`gongkai: ${file}: ${msg("validateOk", { n: records.length })}`);
          }
        } catch (e) {
          bad++;
          reporter.failure(file, serializeError(e));
        }
      }
      setCode(bad > 0 ? EXIT.failed : EXIT.ok);
    });
}
