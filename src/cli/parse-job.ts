/**
 * One unit of batch work: read a file (size-checked), parse it, validate the document against
 * ResultSchema. Runs in a worker thread or in-process; never throws, so one bad file cannot stop
 * a batch. Everything it returns is structured-clonable; with `render`, it is one string and counts.
 */
import { schemaProblem } from "../compare/load.js";
import { say } from "../messages.js";
import { msg } from "./messages.js";
import { GongkaiError } from "../errors.js";
import type { ReadableFormat } from "../input/types.js";
import { parseBuffer } from "../pipeline.js";
import { renderDelimitedRows } from "../output/csv.js";
import { renderNdjsonLine } from "../output/json.js";
import { type Result, ResultSchema, type Warning } from "../schema.js";
import { type SerializedError, serializeError } from "./failure.js";
import { readFileCheckedSync } from "./read-file.js";
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
  /**
   * Render the document where it is parsed (a streamed format): a worker then hands back one
   * string and the counts, not a structured clone of the whole document for the main thread.
   */
  readonly render?: { readonly format: "ndjson" | "csv" | "tsv"; readonly excel: boolean };
  /** Test hook: sleep this long before each file, so interruption tests can catch a batch half-way. */
  readonly delayMs?: number;
}

export type JobInput =
  | { readonly kind: "file"; readonly abs: string; readonly display: string; readonly attachments?: readonly AttachmentRef[] }
  | { readonly kind: "bytes"; readonly bytes: Uint8Array; readonly display: string | null };

/** A document already rendered in the requested format, with what the batch counts and reports. */
export interface Rendered {
  readonly text: string;
  readonly tasks: number;
  readonly warnings: readonly Warning[];
}

export type Outcome =
  | { readonly ok: true; readonly result: Result }
  | { readonly ok: true; readonly rendered: Rendered }
  | { readonly ok: false; readonly error: SerializedError };

/** The document of a successful outcome of a job that was not asked to render (an invariant, not a user message). */
export function resultOf(o: Extract<Outcome, { ok: true }>): Result {
  if (!("result" in o)) throw new Error("runJob rendered a document it was not asked to render");
  return o.result;
}

/** Tasks and warnings of a successful outcome, rendered or not. */
export const outcomeSummary = (o: Extract<Outcome, { ok: true }>): { tasks: number; warnings: readonly Warning[] } =>
  "result" in o ? { tasks: o.result.tasks.length, warnings: o.result.warnings } : o.rendered;

function render(result: Result, how: NonNullable<ParseSettings["render"]>): Rendered {
  const text = how.format === "ndjson" ? renderNdjsonLine(result) : renderDelimitedRows(result, how.format, how.excel);
  return { text, tasks: result.tasks.length, warnings: result.warnings };
}

/** A GB18030 text with no tasks and few common characters was probably another encoding (Big5). */
function withEncodingCheck(result: Result, bytes: Uint8Array, settings: ParseSettings): Result {
  if (settings.encoding || result.source.encoding !== "gb18030" || result.tasks.length > 0) return result;
  if (!looksMisdecoded(new TextDecoder("gb18030").decode(bytes))) return result;
  const warning = { code: "W_ENCODING_SUSPECT", message: say("encodingSuspect"), line: null };
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
    const bytes = input.kind === "file" ? readFileCheckedSync(input.abs, settings.maxSize) : input.bytes;
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
    const doc = withEncodingCheck(checked.data, bytes, settings);
    return settings.render ? { ok: true, rendered: render(doc, settings.render) } : { ok: true, result: doc };
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
      out.push({ path: a.display, bytes: readFileCheckedSync(a.abs, settings.maxSize), ...label });
    } catch (e) {
      const err = serializeError(e);
      out.push({ path: a.display, error: { code: err.code, message: err.message }, ...label });
    }
  }
  return out;
}
