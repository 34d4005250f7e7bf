/** The options every command shares, with the same letters and meaning everywhere. */
import { type Command, Option } from "commander";
import { GongkaiError } from "../errors.js";
import type { CliIO } from "./io.js";
import { msg } from "./messages.js";
import type { ColorMode } from "./reporter.js";

export interface CommonOptions {
  quiet?: boolean;
  verbose?: boolean;
  color?: ColorMode;
  debug?: boolean;
  force?: boolean;
}

/** -q, -v, --color, --lang, --debug (and --force where the command writes a file). */
export function addCommon(cmd: Command, { writes }: { writes: boolean }): Command {
  cmd
    .option("-q, --quiet", msg("optQuiet"))
    .option("-v, --verbose", msg("optVerbose"))
    .addOption(new Option("--color <when>", msg("optColor")).choices(["auto", "always", "never"]).default("auto"))
    .addOption(new Option("--lang <lang>", msg("optLang")).choices(["zh", "en"]))
    .option("--debug", msg("optDebug"));
  if (writes) cmd.option("--force", msg("optForce"));
  return cmd;
}

/** `-o -` and no -o both mean stdout. */
export const outFile = (out: string | undefined): string | undefined => (out === undefined || out === "-" ? undefined : out);

export const usage = (message: string, hint?: string): GongkaiError => new GongkaiError("E_USAGE", message, hint === undefined ? undefined : { hint });

/** Help text after the options: the command's exit statuses and examples. */
export function helpAfter(cmd: Command, io: CliIO, examples: readonly string[], exits: readonly [number, string][]): Command {
  void io;
  const ex = examples.map((e) => `  ${e}`).join("\n");
  const codes = exits.map(([c, t]) => `  ${String(c).padEnd(4)} ${t}`).join("\n");
  return cmd.addHelpText("after", `\n${msg("helpExamples")}\n${ex}\n\n${msg("helpExit")}\n${codes}\n`);
}
