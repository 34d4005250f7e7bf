/**
 * JSON Schemas derived from the zod schemas (the single source of truth). A registry keyed by
 * name, so `gongkai schema NAME` can print other schemas (the compare command adds its own).
 */
import { z } from "zod";
import { CompareResultSchema, CoverageResultSchema } from "../compare/schema.js";
import { ErrorRecordSchema, ResultSchema, SCHEMA_VERSION } from "../schema.js";

export interface SchemaEntry {
  readonly description: string;
  readonly schema: z.ZodType;
}

export const SCHEMAS: Record<string, SchemaEntry> = {
  document: { description: "one parsed notice (the output of `gongkai parse`)", schema: ResultSchema },
  "error-record": { description: "a failed input in json/ndjson output under `--errors inline`", schema: ErrorRecordSchema },
  compare: { description: "the alignment of two notices (the output of `gongkai compare A B --format json`)", schema: CompareResultSchema },
  coverage: { description: "the coverage matrix (the output of `gongkai compare --base … --format json`)", schema: CoverageResultSchema },
};

/** The JSON Schema (draft 2020-12) of a registered schema, with a title and version. */
export function jsonSchemaOf(name: string): Record<string, unknown> | undefined {
  const entry = SCHEMAS[name];
  if (!entry) return undefined;
  const js = z.toJSONSchema(entry.schema, { target: "draft-2020-12" }) as Record<string, unknown>;
  const { $schema, ...rest } = js;
  return { $schema, title: `gongkai ${name} (schema ${SCHEMA_VERSION})`, description: entry.description, ...rest };
}
