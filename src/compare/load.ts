/**
 * A comparison input is either a notice in any supported format (parsed with parseBuffer) or a
 * gongkai JSON document (validated against ResultSchema). JSON is recognised by content.
 */
import { z } from "zod";
import { GongkaiError } from "../errors.js";
import { libText } from "../messages.js";
import { parseBuffer, type ParseOptions } from "../pipeline.js";
import { ResultSchema, type Result } from "../schema.js";

/** One line for the first schema problem: where, and what (no multi-line zod report). */
export function schemaProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "does not match the document schema";
  const where = issue.path.length ? ` at ${issue.path.map(String).join(".")}` : "";
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : "";
  return `does not match the document schema${where}: ${issue.message}${more}`;
}

/** The JSON values of a file: one value, an array, or JSON Lines. */
export function jsonValues(text: string): unknown[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : [v];
  } catch (whole) {
    const lines = text.split(/\r?\n/u).filter((l) => l.trim() !== "");
    if (lines.length > 1) {
      try {
        return lines.map((l) => JSON.parse(l) as unknown);
      } catch {
        // fall through: report the whole file
      }
    }
    throw new GongkaiError("E_INVALID_JSON", libText("invalidJson", { error: whole instanceof Error ? whole.message : String(whole) }), { cause: whole, hint: libText("giveNoticeOrJson") });
  }
}

export async function loadResult(bytes: Uint8Array, opts: ParseOptions = {}): Promise<Result> {
  const kind = looksLikeJson(bytes);
  if (kind === null) return parseBuffer(bytes, opts);
  let values: unknown[];
  try {
    values = jsonValues(Buffer.from(bytes).toString("utf8").replace(/^\uFEFF/u, ""));
  } catch (e) {
    if (kind === "[") return parseBuffer(bytes, opts); // a notice that happens to start with "["
    throw e;
  }
  if (values.length !== 1) {
    throw new GongkaiError("E_USAGE", values.length === 0 ? libText("noDocument") : libText("severalDocuments", { n: values.length }), {
      hint: libText("compareSeparately"),
    });
  }
  const checked = ResultSchema.safeParse(values[0]);
  if (!checked.success) {
    throw new GongkaiError("E_SCHEMA", libText("schemaProblem", { problem: schemaProblem(checked.error) }), { hint: libText("giveNoticeOrJson") });
  }
  return checked.data;
}

function looksLikeJson(bytes: Uint8Array): "{" | "[" | null {
  const head = Buffer.from(bytes.subarray(0, 64)).toString("utf8").replace(/^\uFEFF/u, "").trimStart();
  return head.startsWith("{") ? "{" : head.startsWith("[") ? "[" : null;
}
