import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { jsonSchemaOf, SCHEMAS } from "../../src/output/schemas.js";
import { parseBuffer } from "../../src/pipeline.js";
import { runCli } from "../helpers/cli.js";
import { TRICKY } from "../helpers/results.js";

const SEEDS = path.resolve("seeds");
const seedFiles = readdirSync(SEEDS).filter((f) => !f.startsWith(".")).sort();

async function compiledDocumentSchema() {
  const out = await runCli(["schema"]);
  expect(out.code).toBe(0);
  expect(out.stderr).toBe("");
  const schema: unknown = JSON.parse(out.stdout);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  expect(ajv.validateSchema(schema as object)).toBe(true); // a valid JSON Schema (draft 2020-12) by the meta-schema
  return ajv.compile(schema as object);
}

/** Ways to break a document; each must be rejected. */
const BREAKS: [string, (d: Record<string, unknown>) => void][] = [
  ["missing tasks", (d) => delete d.tasks],
  ["wrong schemaVersion", (d) => (d.schemaVersion = "0.9")],
  ["task id not a string", (d) => ((d.tasks as Record<string, unknown>[])[0]!.id = 7)],
  ["deadline not ISO", (d) => ((d.tasks as { deadlines: { date: string }[] }[])[0]!.deadlines[0]!.date = "2022年底")],
  ["extra property", (d) => (d.surprise = true)],
  ["negative line", (d) => ((d.tasks as { source: { line: number } }[])[0]!.source.line = -1)],
];

describe("gongkai schema", () => {
  it("prints a valid JSON Schema that accepts every seed's output", async () => {
    const validate = await compiledDocumentSchema();
    for (const f of seedFiles) {
      const doc = await parseBuffer(readFileSync(path.join(SEEDS, f)), { path: `seeds/${f}` });
      expect(validate(JSON.parse(JSON.stringify(doc))), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    for (const doc of TRICKY) expect(validate(doc)).toBe(true);
  });

  it.each(BREAKS)("rejects a broken document: %s", async (_name, mutate) => {
    const validate = await compiledDocumentSchema();
    const doc = structuredClone(TRICKY[0]) as unknown as Record<string, unknown>;
    mutate(doc);
    expect(validate(doc)).toBe(false);
  });

  it("has a registry with the document schema first and a usage error for unknown names", async () => {
    expect(Object.keys(SCHEMAS)[0]).toBe("document");
    expect(jsonSchemaOf("nope")).toBeUndefined();
    const out = await runCli(["schema", "nope"]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(/^gongkai: E_USAGE: unknown schema "nope"/u);
    const list = await runCli(["schema", "--list"]);
    expect(list.stdout).toMatch(/^document\t/u);
  });
});
