/**
 * Coverage across notices (`gongkai compare --base upper lower1 lower2 …`): for each task of the
 * base notice, which of the other notices take it up. Each other notice is aligned with the base
 * exactly as `compareResults` would align them, so a cell and the pairwise comparison agree.
 */
import type { Result } from "../schema.js";
import { alignTasks, DEFAULT_THRESHOLD, sideOf, type CompareOptions } from "./compare.js";
import { COMPARE_SCHEMA_VERSION, type CoverageCell, type CoverageResult } from "./schema.js";

export function coverResults(base: Result, others: readonly Result[], opts: CompareOptions = {}): CoverageResult {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const alignments = others.map((o) => alignTasks(base.tasks, o.tasks, opts));
  // a base table row that repeats a body task is covered wherever its body task is
  const first = alignments[0];
  const repeatOf = new Map((first?.repeatsA ?? []).map((r) => [r.index, r.of]));
  const cells: CoverageCell[][] = base.tasks.map(() => others.map(() => null));
  alignments.forEach((al, k) => {
    for (const p of al.pairs) cells[p.i]![k] = { id: others[k]!.tasks[p.j]!.id, score: Math.round(p.score * 1000) / 1000 };
  });
  for (const [row, of] of repeatOf) cells[row] = cells[of]!.slice();
  return {
    compareVersion: COMPARE_SCHEMA_VERSION,
    threshold,
    base: sideOf(base, first?.repeatsA ?? []),
    others: others.map((o, k) => sideOf(o, alignments[k]!.repeatsB)),
    rows: base.tasks.map((t, i) => ({
      id: t.id,
      title: t.title,
      cells: cells[i]!,
      covered: cells[i]!.filter((c) => c !== null).length,
    })),
    onlyOthers: others.map((o, k) => {
      const al = alignments[k]!;
      const matched = new Set(al.pairs.map((p) => p.j));
      const rep = new Set(al.repeatsB.map((r) => r.index));
      return o.tasks.flatMap((t, j) => (matched.has(j) || rep.has(j) ? [] : [t.id]));
    }),
  };
}
