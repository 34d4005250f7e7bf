/**
 * One unit of batch work: read a file (size-checked), parse it, validate the document against
 * ResultSchema. Runs in a worker thread or in-process; never throws, so one bad file cannot stop
 * a batch. Everything it returns is structured-clonable.
 */
import { schemaProblem } from "../compare/load.js";
import { msg } from "./messages.js";
import { GongkaiError } from "../errors.js";
import type { ReadableFormat } from "../input/types.js";
import { parseBuffer } from "../pipeline.js";
import { type Result, ResultSchema } from "../schema.js";
import { type SerializedError, serializeError } from "./failure.js";
import { readFileChecked } from "./read-file.js";
import { formatSize } from "./size.js";
import { looksMisdecoded } from "./encoding-check.js";
import type { AttachmentRef } from "./bundles.js";
import { type AttachmentBytes, parseBundleBuffers } from "../bundle/index.js";

export { type SerializedError, serializeError } from "./failure.js";

export interface ParseSettings {
  readonly from?: ReadableFormat;
  readonly encoding?: string;
  readonly password?: string;
  readonly maxSize: number;
  /** Test hook: sleep this long before each file, so interruption tests can catch a batch half-way. */
  readonly delayMs?: number;
}

export type JobInput =
  | { readonly kind: "file"; readonly abs: string; readonly display: string; readonly attachments?: readonly AttachmentRef[] }
  | { readonly kind: "bytes"; readonly bytes: Uint8Array; readonly display: string | null };

export type Outcome = { readonly ok: true; readonly result: Result } | { readonly ok: false; readonly error: SerializedError };

/** A GB18030 text with no tasks and few common characters was probably another encoding (Big5). */
function withEncodingCheck(result: Result, bytes: Uint8Array, settings: ParseSettings): Result {
  if (settings.encoding || result.source.encoding !== "gb18030" || result.tasks.length > 0) return result;
  if (!looksMisdecoded(new TextDecoder("gb18030").decode(bytes))) return result;
  const warning = { code: "W_ENCODING_SUSPECT", message: "the text looks decoded with the wrong encoding (few common Chinese characters); if it is Big5, run again with --encoding big5", line: null };
  return { ...result, warnings: [...result.warnings, warning] };
}

/** JSON (or NDJSON) that gongkai wrote: it starts like a document or an error record. */
export function isOwnOutput(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString("utf8").replace(/^\uFEFF/u, "").trimStart();
  return /^\[?\s*\{\s*"(?:schemaVersion|source)"\s*:/u.test(head);
}

export async function runJob(input: JobInput, settings: ParseSettings): Promise<Outcome> {
  try {
    if (settings.delayMs) await new Promise((r) => setTimeout(r, settings.delayMs));
    const bytes = input.kind === "file" ? await readFileChecked(input.abs, settings.maxSize) : input.bytes;
    if (bytes.length > settings.maxSize) {
      throw new GongkaiError("E_TOO_LARGE", msg("inputTooLarge", { size: formatSize(bytes.length), max: formatSize(settings.maxSize) }), { hint: msg("raiseMaxSize") });
    }
    if (!settings.from && isOwnOutput(bytes)) {
      throw new GongkaiError("E_UNSUPPORTED", msg("ownOutput"), { hint: msg("ownOutputHint") });
    }
    const opts = {
      path: input.display,
      ...(settings.from ? { format: settings.from } : {}),
      ...(settings.encoding ? { encoding: settings.encoding } : {}),
      ...(settings.password ? { password: settings.password } : {}),
    };
    const attachments = input.kind === "file" ? input.attachments ?? [] : [];
    const result = attachments.length > 0 ? await parseBundleBuffers(bytes, await readAttachments(attachments, settings), opts) : await parseBuffer(bytes, opts);
    // Validated before it is written: a document that breaks the contract is a failure, not output.
    const checked = ResultSchema.safeParse(result);
    if (!checked.success) throw new GongkaiError("E_SCHEMA", msg("brokenSchema", { detail: schemaProblem(checked.error) }));
    return { ok: true, result: withEncodingCheck(checked.data, bytes, settings) };
  } catch (e) {
    return { ok: false, error: serializeError(e) };
  }
}

/** Read a bundle's attachment files; a file that cannot be read is carried as its error (a warning, not a failure). */
async function readAttachments(refs: readonly AttachmentRef[], settings: ParseSettings): Promise<AttachmentBytes[]> {
  const out: AttachmentBytes[] = [];
  for (const a of refs) {
    const label = a.label !== undefined ? { label: a.label } : {};
    try {
      out.push({ path: a.display, bytes: await readFileChecked(a.abs, settings.maxSize), ...label });
    } catch (e) {
      const err = serializeError(e);
      out.push({ path: a.display, error: { code: err.code, message: err.message }, ...label });
    }
  }
  return out;
}
