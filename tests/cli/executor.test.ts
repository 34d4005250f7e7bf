import { describe, expect, it } from "vitest";
import { ordered, untilAborted, type Executor } from "../../src/cli/executor.js";
import type { Outcome } from "../../src/cli/parse-job.js";

/** A signal that counts its listeners. */
function countingSignal() {
  const c = new AbortController();
  let live = 0;
  const signal = c.signal;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((...a: Parameters<typeof add>) => (live++, add(...a))) as typeof add;
  signal.removeEventListener = ((...a: Parameters<typeof remove>) => (live--, remove(...a))) as typeof remove;
  return { controller: c, signal, live: () => live };
}

const ok = (n: number): Outcome => ({ ok: false, error: { code: "E_EMPTY", message: String(n) } });

describe("ordered", () => {
  it("yields in input order whatever order jobs finish in, with a bounded window", async () => {
    let inFlight = 0, maxInFlight = 0;
    const exec: Executor = {
      size: 3,
      close: async () => {},
      run: async (input) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const n = Number(input.display);
        await new Promise((r) => setTimeout(r, (n * 7) % 5));
        inFlight--;
        return ok(n);
      },
    };
    const items = Array.from({ length: 30 }, (_, i) => i);
    const { signal, live } = countingSignal();
    const seen: string[] = [];
    for await (const { outcome } of ordered(items, async (i) => ({ kind: "bytes", bytes: new Uint8Array(), display: String(i) }), exec, 6, signal)) {
      if (!outcome.ok) seen.push(outcome.error.message);
    }
    expect(seen).toEqual(items.map(String));
    expect(maxInFlight).toBeLessThanOrEqual(6);
    expect(live()).toBe(0); // no abort listener (and the outcome it would keep alive) left behind
  });

  it("stops yielding once aborted", async () => {
    const { controller, signal } = countingSignal();
    const exec: Executor = { size: 1, close: async () => {}, run: async (i) => ok(Number(i.display)) };
    const got: number[] = [];
    for await (const { item } of ordered([0, 1, 2, 3], async (i) => ({ kind: "bytes", bytes: new Uint8Array(), display: String(i) }), exec, 1, signal)) {
      got.push(item);
      if (item === 1) controller.abort();
    }
    expect(got).toEqual([0, 1]);
    expect(await untilAborted(new Promise(() => {}), signal)).toBeNull();
  });
});
