/**
 * The readers built on third-party parsers (pdf.js for PDF; JSZip and mammoth for Word; cfb and
 * word-extractor for Word 97–2003) run on a
 * worker thread that can be stopped: a hostile file can hold the thread in a loop that no timer
 * inside it would ever interrupt (200k nested `q` operators, a quadratic XML pass), so the time
 * limit is enforced from outside, by terminating the worker, and the worker's heap is capped.
 * One worker per thread is kept for the next file; a stopped one is replaced.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { GongkaiError, type ErrorCode } from "../errors.js";
import type { DecodedInput } from "../text/blocks.js";
import type { ReadOptions } from "./types.js";

export type SandboxedFormat = "pdf" | "docx" | "doc" | "ofd" | "xlsx" | "xls";

/** Wall-clock limit for reading one input (GONGKAI_READ_TIMEOUT_MS overrides it, for tests and slow machines). */
export const READ_TIMEOUT_MS = 30_000;
/** Heap limit of the reader thread: bounds what a decompression bomb or a deep document can take. */
export const READ_HEAP_MB = 512;

export interface SandboxRequest {
  readonly id: number;
  readonly format: SandboxedFormat;
  readonly bytes: Uint8Array;
  readonly opts: ReadOptions;
}

export type SandboxReply =
  | { readonly id: number; readonly ok: true; readonly input: DecodedInput }
  | { readonly id: number; readonly ok: false; readonly error: { code: ErrorCode; message: string; hint?: string } };

/** The error a reader failure is reported as, per format. */
export const READ_ERROR_CODE: Record<SandboxedFormat, ErrorCode> = { pdf: "E_PDF_CORRUPT", docx: "E_DOCX_CORRUPT", doc: "E_DOC_CORRUPT", ofd: "E_OFD_CORRUPT", xlsx: "E_XLS_CORRUPT", xls: "E_XLS_CORRUPT" };
const NAME: Record<SandboxedFormat, string> = { pdf: "the PDF", docx: "the Word file", doc: "the Word 97–2003 file", ofd: "the OFD file", xlsx: "the spreadsheet", xls: "the spreadsheet" };

export function readTimeoutMs(): number {
  const env = Number(process.env["GONGKAI_READ_TIMEOUT_MS"]);
  return Number.isFinite(env) && env > 0 ? env : READ_TIMEOUT_MS;
}

type Target = { url: URL } | { source: string };

/** The compiled worker, or the TypeScript source loaded through tsx (tests run from sources). */
function workerTarget(): Target | null {
  const js = new URL("./reader-worker.js", import.meta.url);
  if (import.meta.url.endsWith(".js")) return existsSync(fileURLToPath(js)) ? { url: js } : null;
  const ts = new URL("./reader-worker.ts", import.meta.url);
  let tsx: string;
  try {
    tsx = createRequire(import.meta.url).resolve("tsx/esm/api");
  } catch {
    return null;
  }
  if (!existsSync(fileURLToPath(ts))) return null;
  return { source: `require(${JSON.stringify(tsx)}).register(); import(${JSON.stringify(ts.href)});` };
}

let worker: Worker | null = null;
let nextId = 0;
/** One file at a time per reader thread. */
let queue: Promise<unknown> = Promise.resolve();

function spawn(target: Target): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: READ_HEAP_MB, stackSizeMb: 8 };
  const w = "url" in target ? new Worker(target.url, { resourceLimits }) : new Worker(target.source, { eval: true, resourceLimits });
  w.unref(); // an idle reader never keeps the process alive
  return w;
}

/** Read a PDF or .docx on the reader thread; a file that takes too long or too much memory is a typed error. */
export function readSandboxed(format: SandboxedFormat, bytes: Uint8Array, opts: ReadOptions, inProcess: () => Promise<DecodedInput>): Promise<DecodedInput> {
  const target = workerTarget();
  if (!target) return inProcess();
  const run = queue.then(() => readOnWorker(target, format, bytes, opts));
  queue = run.catch(() => undefined);
  return run;
}

function readOnWorker(target: Target, format: SandboxedFormat, bytes: Uint8Array, opts: ReadOptions): Promise<DecodedInput> {
  const w = (worker ??= spawn(target));
  const id = nextId++;
  const ms = readTimeoutMs();
  return new Promise<DecodedInput>((resolve, reject) => {
    const stop = (e: GongkaiError): void => {
      cleanup();
      worker = null;
      void w.terminate();
      reject(e);
    };
    const timer = setTimeout(
      () => stop(new GongkaiError(READ_ERROR_CODE[format], `reading ${NAME[format]} took longer than ${ms / 1000} s (the limit per input)`, { hint: "the file may be damaged or built to hang readers; re-save or export it" })),
      ms,
    );
    const onMessage = (m: SandboxReply): void => {
      if (m.id !== id) return;
      cleanup();
      if (m.ok) resolve(m.input);
      else reject(new GongkaiError(m.error.code, m.error.message, m.error.hint ? { hint: m.error.hint } : undefined));
    };
    const onError = (e: Error & { code?: string }): void => {
      const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY";
      stop(new GongkaiError(READ_ERROR_CODE[format], oom
        ? `reading ${NAME[format]} needs more than ${READ_HEAP_MB} MB of memory (the limit per input)`
        : `reading ${NAME[format]} failed: ${(e.message ?? String(e)).split("\n")[0]}`, { hint: oom ? "it may be a decompression bomb; re-save or export it" : "re-save or export the file" }));
    };
    const onExit = (): void => onError(Object.assign(new Error("the reader thread stopped"), { code: "ERR_WORKER_EXITED" }));
    const cleanup = (): void => {
      clearTimeout(timer);
      w.off("message", onMessage).off("error", onError).off("exit", onExit);
      w.unref();
    };
    w.on("message", onMessage).on("error", onError).on("exit", onExit);
    w.ref(); // keep the process alive while a file is being read
    w.postMessage({ id, format, bytes, opts } satisfies SandboxRequest);
  });
}
