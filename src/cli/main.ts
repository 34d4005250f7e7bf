/** The command-line program: parses options, calls the library, renders, returns an exit code. */
import { Command, CommanderError } from "commander";
import { EXIT } from "./exit-code.js";
import { type CliIO, processIO } from "./io.js";
import { VERSION } from "../version.js";

export const EXIT_HELP = `
Exit status:
  0    all inputs parsed
  1    some inputs failed (or warnings under --strict)
  2    usage error (bad options, unusable output path)
  130  interrupted (SIGINT/SIGTERM); temp files removed, finished outputs kept

Data goes to stdout (or --out / --out-dir); every message goes to stderr.`;

/** A command factory: gets the IO and a setter for the exit status. One line per command below. */
export type CommandFactory = (io: CliIO, setCode: (c: number) => void) => Command;

/** Commander writes help and errors through the injected streams; help wraps at the terminal width (80 when piped). */
const output = (io: CliIO) => ({
  writeOut: (s: string) => void io.stdout.write(s),
  writeErr: (s: string) => void io.stderr.write(s),
  getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80),
  getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns ? io.stderr.columns : 80),
});

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  // `gongkai --version` answers before the commands (and the whole pipeline under them) are loaded.
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const [{ parseCommand }, { compareCommand }, { reportCommand }, { schemaCommand }, { validateCommand }] = await Promise.all([
    import("./commands/parse.js"),
    import("./commands/compare.js"),
    import("./commands/report.js"),
    import("./commands/schema.js"),
    import("./commands/validate.js"),
  ]);
  let code: number = EXIT.ok;
  const setCode = (c: number): void => void (code = c);
  const program = new Command("gongkai")
    .description("Turn Chinese government notices (公文) into structured, schema-validated task lists.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput(output(io))
    .addHelpText("after", EXIT_HELP);
  program.addCommand(parseCommand(io, setCode));
  program.addCommand(compareCommand(io, setCode));
  program.addCommand(reportCommand(io, setCode));
  program.addCommand(schemaCommand(io, setCode));
  program.addCommand(validateCommand(io, setCode));
  for (const sub of program.commands) sub.exitOverride().configureOutput(output(io)).addHelpText("after", EXIT_HELP);
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
