/** `gongkai schema [NAME]`: print a JSON Schema (default: the parsed document) on stdout. */
import { Command } from "commander";
import { GongkaiError } from "../../errors.js";
import { jsonSchemaOf, SCHEMAS } from "../../output/schemas.js";
import { EXIT } from "../exit-code.js";
import type { CliIO } from "../io.js";
import { serializeError } from "../failure.js";
import { failureLine } from "../reporter.js";
import { addCommon, helpAfter } from "../common.js";
import { msg } from "../messages.js";

export function schemaCommand(io: CliIO, setCode: (c: number) => void): Command {
  const cmd = new Command("schema")
    .description(msg("schemaDescription"))
    .argument("[name]", msg("schemaName", { names: Object.keys(SCHEMAS).join(", ") }), "document")
    .option("--list", msg("optList"));
  addCommon(cmd, { writes: false });
  helpAfter(cmd, io, ["gongkai schema > gongkai.schema.json", "gongkai schema --list"], [[0, msg("exitSchemaOk")], [2, msg("exitUsage")]]);
  return cmd
    .action((name: string, opts: { list?: boolean }) => {
      if (opts.list) {
        for (const [key, entry] of Object.entries(SCHEMAS)) io.stdout.write(`${key}\t${entry.description}\n`);
        return setCode(EXIT.ok);
      }
      const schema = jsonSchemaOf(name);
      if (!schema) {
        const e = new GongkaiError("E_USAGE", msg("unknownSchema", { name }), { hint: msg("useOneOf", { choices: Object.keys(SCHEMAS).join(", ") }) });
        io.stderr.write(failureLine(null, serializeError(e), false) + "\n");
        return setCode(EXIT.usage);
      }
      io.stdout.write(JSON.stringify(schema, null, 2) + "\n");
      setCode(EXIT.ok);
    });
}
