/** The command-line program: parses options, calls the library, renders, returns an exit code. */
import { Command, CommanderError } from "commander";
import { EXIT } from "./exit-code.js";
import { type CliIO, processIO } from "./io.js";
import { parseCommand } from "./commands/parse.js";
import { compareCommand } from "./commands/compare.js";
import { reportCommand } from "./commands/report.js";
import { VERSION } from "../version.js";

export const EXIT_HELP = `
Exit status:
  0    all inputs parsed
  1    some inputs failed (or warnings under --strict)
  2    usage error (bad options)
  130  interrupted (SIGINT/SIGTERM)`;

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command("gongkai")
    .description("Turn Chinese government notices (公文) into structured, schema-validated task lists.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .addHelpText("after", EXIT_HELP);
  program.addCommand(parseCommand(io, (c) => (code = c)));
  program.addCommand(compareCommand(io, (c) => (code = c)));
  program.addCommand(reportCommand(io, (c) => (code = c)));
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.ok;
      return EXIT.usage;
    }
    throw e;
  }
  return code;
}
