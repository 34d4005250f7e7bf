/**
 * Running parse jobs: in-process (`--jobs 1`, single inputs) or on a pool of worker threads.
 * `ordered` yields outcomes in input order with a bounded window of jobs in flight, so memory
 * stays bounded on a batch of any length whatever order the files finish in.
 */
import { getLang } from "./messages.js";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type JobInput, type Outcome, type ParseSettings, runJob, serializeError } from "./parse-job.js";
import type { JobMessage } from "./worker.js";

export interface Executor {
  run(input: JobInput): Promise<Outcome>;
  close(): Promise<void>;
  readonly size: number;
}

export const inProcess = (settings: ParseSettings): Executor => ({
  run: (input) => runJob(input, settings),
  close: async () => {},
  size: 1,
});

/** The compiled worker next to this module; absent when running from TypeScript sources (tests). */
export function workerScript(): URL | null {
  const url = new URL("./worker.js", import.meta.url);
  return import.meta.url.endsWith(".js") && existsSync(fileURLToPath(url)) ? url : null;
}

interface Slot {
  worker: Worker;
  job: { id: number; resolve: (o: Outcome) => void } | null;
}

export class WorkerPool implements Executor {
  private readonly slots: Slot[] = [];
  private readonly queue: { message: JobMessage; resolve: (o: Outcome) => void }[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number, private readonly settings: ParseSettings, private readonly script: URL) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // the worker speaks the language the user chose: its failure messages come from the catalogue too
    const slot: Slot = { worker: new Worker(this.script, { workerData: { lang: getLang() } }), job: null };
    slot.worker.on("message", (m: { id: number; outcome: Outcome }) => {
      const job = slot.job;
      slot.job = null;
      if (job && job.id === m.id) job.resolve(m.outcome);
      this.pump();
    });
    // A crashed worker fails only the job it held, then is replaced.
    const crash = (e: unknown): void => {
      const job = slot.job;
      slot.job = null;
      if (this.closed) return;
      job?.resolve({ ok: false, error: serializeError(e) });
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
      this.pump();
    };
    slot.worker.on("error", crash);
    slot.worker.on("exit", (code) => {
      if (!this.closed && slot.job) crash(new Error(`worker exited with code ${code}`));
    });
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const next = this.queue.shift()!;
      slot.job = { id: next.message.id, resolve: next.resolve };
      slot.worker.postMessage(next.message);
    }
  }

  run(input: JobInput): Promise<Outcome> {
    return new Promise((resolve) => {
      this.queue.push({ message: { id: this.nextId++, input, settings: this.settings }, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const interrupted: Outcome = { ok: false, error: { code: "E_INTERNAL", message: "interrupted" } };
    for (const q of this.queue.splice(0)) q.resolve(interrupted);
    await Promise.all(this.slots.map(async (s) => {
      s.job?.resolve(interrupted);
      s.job = null;
      await s.worker.terminate();
    }));
  }
}

/** Batches smaller than this run in-process even when --jobs allows threads. */
export const MIN_POOL_INPUTS = 4;

/** In-process for one job or one thread; otherwise a worker pool (when the compiled worker exists). */
export function createExecutor(jobs: number, inputs: number, settings: ParseSettings): Executor {
  const script = workerScript();
  const size = Math.min(jobs, inputs);
  // Starting a worker costs a module load; tiny batches are faster in-process.
  return size <= 1 || inputs < MIN_POOL_INPUTS || !script ? inProcess(settings) : new WorkerPool(size, settings, script);
}

/**
 * Outcomes in input order. At most `window` jobs are started ahead of the one being awaited;
 * stops (without yielding the rest) once `signal` aborts.
 */
export async function* ordered<T>(
  items: readonly T[], toJob: (item: T) => Promise<JobInput | Outcome>, exec: Executor, window: number, signal?: AbortSignal,
): AsyncGenerator<{ item: T; outcome: Outcome }> {
  const pending: Promise<Outcome>[] = [];
  let next = 0;
  const start = (item: T): Promise<Outcome> =>
    toJob(item).then((j) => ("ok" in j ? j : exec.run(j))).catch((e: unknown) => ({ ok: false, error: serializeError(e) }) as Outcome);
  for (let i = 0; i < items.length; i++) {
    while (pending.length < Math.max(1, window) && next < items.length) pending.push(start(items[next++]!));
    const outcome = await untilAborted(pending.shift()!, signal);
    if (outcome === null || signal?.aborted) return;
    yield { item: items[i]!, outcome };
  }
}

/**
 * `p`, or null as soon as `signal` aborts. Not `Promise.race` with one long-lived abort promise:
 * every race leaves a reaction on it that keeps its outcome alive, so a batch would hold every
 * document until the end (found by running 1000 files under --max-old-space-size=48).
 */
export function untilAborted<T>(p: Promise<T>, signal?: AbortSignal): Promise<T | null> {
  if (!signal) return p;
  if (signal.aborted) return Promise.resolve(null);
  return new Promise<T | null>((resolve, reject) => {
    const onAbort = (): void => resolve(null);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
