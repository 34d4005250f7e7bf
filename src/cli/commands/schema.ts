/** `gongkai schema [NAME]`: print a JSON Schema (default: the parsed document) on stdout. */
import { Command } from "commander";
import { GongkaiError } from "../../errors.js";
import { jsonSchemaOf, SCHEMAS } from "../../output/schemas.js";
import { EXIT } from "../exit-code.js";
import type { CliIO } from "../io.js";
import { serializeError } from "../failure.js";
import { failureLine } from "../reporter.js";

export function schemaCommand(io: CliIO, setCode: (c: number) => void): Command {
  return new Command("schema")
    .description("print the JSON Schema (draft 2020-12) of gongkai's output, for other tools to validate against")
    .argument("[name]", `which schema: ${Object.keys(SCHEMAS).join(", ")}`, "document")
    .option("--list", "list the schema names")
    .action((name: string, opts: { list?: boolean }) => {
      if (opts.list) {
        for (const [key, entry] of Object.entries(SCHEMAS)) io.stdout.write(`${key}\t${entry.description}\n`);
        return setCode(EXIT.ok);
      }
      const schema = jsonSchemaOf(name);
      if (!schema) {
        const e = new GongkaiError("E_USAGE", `unknown schema "${name}"`, { hint: `use one of: ${Object.keys(SCHEMAS).join(", ")}` });
        io.stderr.write(failureLine(null, serializeError(e), false) + "\n");
        return setCode(EXIT.usage);
      }
      io.stdout.write(JSON.stringify(schema, null, 2) + "\n");
      setCode(EXIT.ok);
    });
}
