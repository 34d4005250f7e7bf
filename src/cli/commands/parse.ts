/** `gongkai parse FILE`: parse one notice and print its JSON document. */
import { readFile, stat } from "node:fs/promises";
import { Command, Option } from "commander";
import { GongkaiError, isGongkaiError } from "../../errors.js";
import { parseBuffer } from "../../pipeline.js";
import { ResultSchema } from "../../schema.js";
import { EXIT, exitCode } from "../exit-code.js";
import type { CliIO } from "../io.js";
import { z } from "zod";

export function parseCommand(io: CliIO, setCode: (c: number) => void): Command {
  return new Command("parse")
    .description("parse a notice (.txt, .md, .pdf, .docx, .html) into a JSON document")
    .argument("<input>", "the notice file")
    .addOption(new Option("--format <format>", "output format").choices(["json"]).default("json"))
    .option("--pretty", "indent the JSON output")
    .option("--strict", "treat warnings as failures (exit 1)")
    .option("--debug", "print stack traces")
    .action(async (input: string, opts: { format: string; pretty?: boolean; strict?: boolean; debug?: boolean }) => {
      try {
        const bytes = await readInputFile(input);
        const result = await parseBuffer(bytes, { path: input });
        const checked = ResultSchema.safeParse(result);
        if (!checked.success) throw new GongkaiError("E_SCHEMA", z.prettifyError(checked.error));
        io.stdout.write(JSON.stringify(checked.data, null, opts.pretty ? 2 : undefined) + "\n");
        setCode(exitCode({ failures: 0, warnings: result.warnings.length, strict: !!opts.strict }));
      } catch (e) {
        io.stderr.write(formatError(input, e, !!opts.debug) + "\n");
        setCode(EXIT.failed);
      }
    });
}

async function readInputFile(path: string): Promise<Uint8Array> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new GongkaiError("E_NOT_FOUND", "no such file", { hint: "check the path" });
  }
  if (st.isDirectory()) throw new GongkaiError("E_IS_DIRECTORY", "is a directory", { hint: "give a file" });
  return readFile(path);
}

export function formatError(file: string, e: unknown, debug: boolean): string {
  if (isGongkaiError(e)) {
    const line = `gongkai: ${file}: ${e.code}: ${e.message}${e.hint ? ` (${e.hint})` : ""}`;
    return debug && e.stack ? `${line}\n${e.stack}` : line;
  }
  const msg = e instanceof Error ? e.message : String(e);
  const line = `gongkai: ${file}: E_INTERNAL: ${msg.split("\n")[0]} (run with --debug for details)`;
  return debug && e instanceof Error && e.stack ? `${line}\n${e.stack}` : line;
}
