/**
 * One-to-one assignment, greedy by score: the most similar pair is taken first, then the next
 * among tasks still free. Unlike an assignment that maximises the total (Hungarian), greedy never
 * gives up a clear pair to make room for two weak ones — a wrong match misleads more than a
 * missing one. Ties break on task order so the result is deterministic.
 */
import type { Candidate } from "./similarity.js";

export function greedyAssign(
  candidates: readonly Candidate[],
  threshold: number,
  takenA: Set<number> = new Set(),
  takenB: Set<number> = new Set(),
): Candidate[] {
  const sorted = candidates
    .filter((c) => c.score >= threshold)
    .sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const out: Candidate[] = [];
  for (const c of sorted) {
    if (takenA.has(c.i) || takenB.has(c.j)) continue;
    takenA.add(c.i);
    takenB.add(c.j);
    out.push(c);
  }
  return out;
}
