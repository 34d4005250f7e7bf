/**
 * The pipeline, declared as one ordered list of small extractors (chrono's configuration,
 * attw's check list). Each extractor reads the SourceText (normalised once) and the findings of
 * those before it; `assemble` turns the findings into the validated Result.
 */
import { createHash } from "node:crypto";
import { readInput, readTextString, type ReadOptions } from "./input/index.js";
import { SCHEMA_VERSION, type Result } from "./schema.js";
import type { DecodedInput } from "./text/blocks.js";
import { SourceText } from "./text/source-text.js";

export interface ParseOptions extends ReadOptions {
  /** Raw bytes of the input, for the sha256 in `source` (defaults to the UTF-8 of the text). */
  bytes?: Uint8Array;
}

/** Parse a notice given as text (plain text or Markdown). */
export function parseNotice(text: string, opts: ParseOptions = {}): Result {
  const fmt = opts.format === "markdown" || opts.format === "text" ? opts.format : undefined;
  return parseDecoded(readTextString(text, fmt, opts.bytes ? null : "utf-8"), opts);
}

/** Parse a notice from bytes in any supported format. */
export async function parseBuffer(bytes: Uint8Array, opts: ParseOptions = {}): Promise<Result> {
  const decoded = await readInput(bytes, opts);
  return parseDecoded(decoded, { ...opts, bytes });
}

/** Run the extractors over an already decoded input. */
export function parseDecoded(input: DecodedInput, opts: ParseOptions = {}): Result {
  const text = new SourceText(input);
  const sha256 = createHash("sha256").update(opts.bytes ?? Buffer.from(input.source, "utf8")).digest("hex");
  void text;
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: opts.path ?? null,
      format: input.format,
      encoding: input.encoding,
      sha256,
      chars: input.source.length,
      ...(input.pages ? { pages: input.pages } : {}),
    },
    document: {
      issuer: null, docNumber: null, title: null, recipients: [], issueDate: null, printDate: null, disclosure: null,
      year: null, attachments: [], references: [], cc: [],
    },
    sections: [],
    tasks: [],
    warnings: [],
  };
}
