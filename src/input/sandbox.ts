/**
 * The readers built on third-party parsers (pdf.js for PDF; JSZip and mammoth for Word; cfb and
 * word-extractor for Word 97–2003) run on a
 * worker thread that can be stopped: a hostile file can hold the thread in a loop that no timer
 * inside it would ever interrupt (200k nested `q` operators, a quadratic XML pass), so the time
 * limit is enforced from outside, by terminating the worker, and the worker's heap is capped.
 * One worker per thread is kept for the next file; a stopped one is replaced.
 *
 * A PDF reports each step (the file opened, each page read): a step that does not report back in
 * READ_STEP_MS is stopped (one hostile page holds pdf.js), and once the page count is known the whole
 * file gets READ_BASE_MS plus READ_PAGE_MS per page, within READ_TIMEOUT_MS: a tiny hostile PDF
 * ends in seconds, a real 200-page one keeps the whole limit.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { GongkaiError, type ErrorCode } from "../errors.js";
import { libText, type Text } from "../messages.js";
import type { DecodedInput } from "../text/blocks.js";
import type { ReadOptions } from "./types.js";

export type SandboxedFormat = "pdf" | "docx" | "doc" | "ofd" | "xlsx" | "xls";

/** Wall-clock limit for reading one input (GONGKAI_READ_TIMEOUT_MS overrides it, for tests and slow machines). */
export const READ_TIMEOUT_MS = 30_000;
/** A PDF step (opening the file, reading one page) that takes longer is stopped (GONGKAI_READ_STEP_MS overrides it). */
export const READ_STEP_MS = 5_000;
/** Whole-PDF budget once its pages are known: a base plus this much per page (never past the limit per input). */
export const READ_BASE_MS = 5_000;
export const READ_PAGE_MS = 2_000;
/** Heap limit of the reader thread: bounds what a decompression bomb or a deep document can take. */
export const READ_HEAP_MB = 512;

export interface SandboxRequest {
  readonly id: number;
  readonly format: SandboxedFormat;
  readonly bytes: Uint8Array;
  readonly opts: ReadOptions;
}

export type SandboxReply =
  | { readonly id: number; readonly progress: { readonly pages?: number } }
  | { readonly id: number; readonly ok: true; readonly input: DecodedInput }
  | { readonly id: number; readonly ok: false; readonly error: { code: ErrorCode; message: Text | string; hint?: Text | string } };

/** The error a reader failure is reported as, per format. */
export const READ_ERROR_CODE: Record<SandboxedFormat, ErrorCode> = { pdf: "E_PDF_CORRUPT", docx: "E_DOCX_CORRUPT", doc: "E_DOC_CORRUPT", ofd: "E_OFD_CORRUPT", xlsx: "E_XLS_CORRUPT", xls: "E_XLS_CORRUPT" };
const NAME: Record<SandboxedFormat, Text> = { pdf: libText("thePdf"), docx: libText("theWordFile"), doc: libText("theDoc"), ofd: libText("theOfd"), xlsx: libText("theSheet"), xls: libText("theSheet") };

const envMs = (name: string, def: number): number => {
  const env = Number(process.env[name]);
  return Number.isFinite(env) && env > 0 ? env : def;
};

export function readTimeoutMs(): number {
  return envMs("GONGKAI_READ_TIMEOUT_MS", READ_TIMEOUT_MS);
}

export function readStepMs(): number {
  return Math.min(envMs("GONGKAI_READ_STEP_MS", READ_STEP_MS), readTimeoutMs());
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
  const stepMs = readStepMs();
  return new Promise<DecodedInput>((resolve, reject) => {
    const stop = (e: GongkaiError): void => {
      cleanup();
      worker = null;
      void w.terminate();
      reject(e);
    };
    const hint = { hint: libText("mayHangReaders") };
    const tooLong = (limit: number, step: Text | "" = ""): void =>
      stop(new GongkaiError(READ_ERROR_CODE[format], libText("readTooLong", { what: NAME[format], step, s: limit / 1000 }), hint));
    const timer = setTimeout(() => tooLong(ms), ms);
    let budget: NodeJS.Timeout | undefined;
    let step: NodeJS.Timeout | undefined;
    let steps = 0;
    const onMessage = (m: SandboxReply): void => {
      if (m.id !== id) return;
      if ("progress" in m) {
        // the reader is moving: the next step gets its own bound (the first report comes once pdf.js is loaded)
        clearTimeout(step);
        const what = steps === 0 ? libText("stepOpening") : libText("stepPage", { n: steps });
        step = setTimeout(() => tooLong(stepMs, what), stepMs);
        steps++;
        if (m.progress.pages !== undefined && budget === undefined) {
          const whole = Math.min(ms, READ_BASE_MS + READ_PAGE_MS * m.progress.pages);
          if (whole < ms) budget = setTimeout(() => tooLong(whole, libText("stepPages", { n: m.progress.pages ?? 0 })), whole);
        }
        return;
      }
      cleanup();
      if (m.ok) resolve(m.input);
      else reject(new GongkaiError(m.error.code, m.error.message, m.error.hint ? { hint: m.error.hint } : undefined));
    };
    const onError = (e: Error & { code?: string }): void => {
      const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY";
      stop(new GongkaiError(READ_ERROR_CODE[format], oom
        ? libText("readNeedsMemory", { what: NAME[format], mb: READ_HEAP_MB })
        : libText("readFailed", { what: NAME[format], error: (e.message ?? String(e)).split("\n")[0] ?? "" }), { hint: libText(oom ? "mayBeBomb" : "resaveOrExport") }));
    };
    const onExit = (): void => onError(Object.assign(new Error("the reader thread stopped"), { code: "ERR_WORKER_EXITED" }));
    const cleanup = (): void => {
      clearTimeout(timer);
      clearTimeout(step);
      clearTimeout(budget);
      w.off("message", onMessage).off("error", onError).off("exit", onExit);
      w.unref();
    };
    w.on("message", onMessage).on("error", onError).on("exit", onExit);
    w.ref(); // keep the process alive while a file is being read
    w.postMessage({ id, format, bytes, opts } satisfies SandboxRequest);
  });
}
