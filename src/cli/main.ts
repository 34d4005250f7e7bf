/** The command-line program: parses options, calls the library, renders, returns an exit code. */
import { Command, CommanderError } from "commander";
import { EXIT } from "./exit-code.js";
import { type CliIO, processIO } from "./io.js";
import { VERSION } from "../version.js";
import { trimChars } from "../text/chars.js";
import { langFrom, msg, setLang } from "./messages.js";

const programHelp = (): string => `
${msg("helpExamples")}
  gongkai parse notice.txt
  gongkai parse notices/ -o tasks.xlsx
  gongkai report notices/ -o report.html
  gongkai compare last-year.txt this-year.txt

${msg("helpExit")}
  0    ${msg("exitOk")}
  1    ${msg("exitFailed")}
  2    ${msg("exitUsage")}
  130  ${msg("exitInterrupted")}

${msg("helpStreams")}`;

const COMMANDS = ["parse", "compare", "report", "schema", "validate", "help"];

/** --lang on the command line (before or after the command), else the locale. */
function pickLang(args: readonly string[], env: NodeJS.ProcessEnv): void {
  let flag: string | undefined;
  args.forEach((a, i) => {
    if (a === "--lang") flag = args[i + 1];
    else if (a.startsWith("--lang=")) flag = a.slice("--lang=".length);
  });
  setLang(langFrom(env, flag));
}

/** commander's own error text ("error: unknown option '--x'") in gongkai's one error style and language. */
export function commanderError(text: string): string {
  const t = trimChars(text.replace(/^error: /u, ""), "", "\n").replace(/\n/gu, " ");
  let m: RegExpExecArray | null;
  let message = t;
  if ((m = /^option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are ([^.]+)\.$/u.exec(t))) {
    const flags = m[1]!.split(/[ ,]+/u);
    message = msg("badOptionChoice", { option: flags.find((f) => f.startsWith("--")) ?? flags[0]!, choices: m[3]! });
  } else if ((m = /^unknown option '([^']+)'(?: \(Did you mean ([^)]+)\?\))?$/u.exec(t))) {
    message = msg(m[2] ? "unknownOptionDidYouMean" : "unknownOption", { option: m[1]!, guess: m[2] ?? "" });
  } else if ((m = /^required option '([^']+)' not specified$/u.exec(t))) {
    message = msg("missingOption", { option: m[1]! });
  } else if ((m = /^missing required argument '([^']+)'$/u.exec(t))) {
    message = msg("missingArgument", { name: m[1]! });
  } else if ((m = /^option '([^']+)' argument missing$/u.exec(t))) {
    message = msg("optionNeedsValue", { option: m[1]! });
  }
  return `gongkai: E_USAGE: ${message} (${msg("seeHelp")})\n`;
}

/** A command factory: gets the IO and a setter for the exit status. One line per command below. */
export type CommandFactory = (io: CliIO, setCode: (c: number) => void) => Command;

/** Commander writes help and errors through the injected streams; help wraps at the terminal width (80 when piped). */
const output = (io: CliIO) => ({
  writeOut: (s: string) => void io.stdout.write(s),
  writeErr: (s: string) => void io.stderr.write(s),
  outputError: (s: string, write: (t: string) => void) => write(commanderError(s)),
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
  pickLang(args, io.env);
  const first = args[0];
  if (first !== undefined && !first.startsWith("-") && !COMMANDS.includes(first)) {
    // `gongkai notice.txt`: the user meant parse.
    const guess = /\.[a-z0-9]{1,6}$/iu.test(first) || first.includes("/") ? msg("didYouMeanParse", { args: args.join(" ") }) : msg("seeGongkaiHelp");
    io.stderr.write(`gongkai: E_USAGE: ${msg("unknownCommand", { name: first })} (${guess})\n`);
    return EXIT.usage;
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
    .description(msg("programDescription"))
    .version(VERSION, "-V, --version")
    .helpOption("-h, --help", msg("optHelp"))
    .exitOverride()
    .configureOutput(output(io))
    .addHelpText("after", programHelp());
  program.addCommand(parseCommand(io, setCode));
  program.addCommand(compareCommand(io, setCode));
  program.addCommand(reportCommand(io, setCode));
  program.addCommand(schemaCommand(io, setCode));
  program.addCommand(validateCommand(io, setCode));
  for (const sub of program.commands) sub.exitOverride().configureOutput(output(io)).helpOption("-h, --help", msg("optHelp"));
  if (args.length === 0) {
    // No arguments: the usage on stderr (stdout carries data only), and a usage status.
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
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
