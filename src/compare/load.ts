/**
 * A comparison input is either a notice in any supported format (parsed with parseBuffer) or a
 * gongkai JSON document (validated against ResultSchema). JSON is recognised by content.
 */
import { z } from "zod";
import { GongkaiError } from "../errors.js";
import { parseBuffer, type ParseOptions } from "../pipeline.js";
import { ResultSchema, type Result } from "../schema.js";

export async function loadResult(bytes: Uint8Array, opts: ParseOptions = {}): Promise<Result> {
  if (!looksLikeJson(bytes)) return parseBuffer(bytes, opts);
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(bytes).toString("utf8").replace(/^\uFEFF/u, ""));
  } catch (e) {
    throw new GongkaiError("E_INVALID_JSON", e instanceof Error ? e.message : String(e), { cause: e });
  }
  const checked = ResultSchema.safeParse(data);
  if (!checked.success) {
    throw new GongkaiError("E_SCHEMA", z.prettifyError(checked.error), { hint: "give a notice or the JSON printed by `gongkai parse`" });
  }
  return checked.data;
}

function looksLikeJson(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 64)).toString("utf8").replace(/^\uFEFF/u, "").trimStart();
  return head.startsWith("{");
}
