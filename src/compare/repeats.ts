/**
 * Table tasks (ids A<n>.<k>, origin "table") often restate, in one line, a body task of the same
 * notice (湖州 附件1 "重点任务清单"). Such a row is the same work seen twice; matched on its own it
 * would compete with its body task for the counterpart in the other notice. A row repeats the
 * body task that holds most of its words (idf-weighted share of its n-grams).
 */
import type { Task } from "../schema.js";
import type { TaskGrams, Vocabulary } from "./vectorize.js";

/** Share of a table row's n-gram weight that must be found in one body task. */
export const REPEAT_CONTAINMENT = 0.6;

export interface Repeat {
  readonly index: number; // the table task
  readonly of: number; // the body task it repeats
  readonly containment: number;
}

export function findRepeats(
  tasks: readonly Pick<Task, "origin">[],
  grams: readonly TaskGrams[],
  vocab: Vocabulary,
  minContainment = REPEAT_CONTAINMENT,
): Repeat[] {
  const body = tasks.flatMap((t, i) => (t.origin === "body" ? [i] : []));
  if (body.length === 0) return [];
  const out: Repeat[] = [];
  tasks.forEach((t, i) => {
    if (t.origin !== "table") return;
    let total = 0;
    const w = new Map<number, number>();
    for (const id of grams[i]!.text.keys()) {
      const x = vocab.idf(id);
      w.set(id, x);
      total += x;
    }
    if (total === 0) return;
    let best = -1;
    let bestShare = 0;
    for (const j of body) {
      const other = grams[j]!.text;
      let s = 0;
      for (const [k, x] of w) if (other.has(k)) s += x;
      if (s / total > bestShare) {
        bestShare = s / total;
        best = j;
      }
    }
    if (best >= 0 && bestShare >= minContainment) out.push({ index: i, of: best, containment: bestShare });
  });
  return out;
}
