/**
 * Align the tasks of two notices: which tasks of A carry over into B (pairs, with score, shared
 * phrases and what changed), which were dropped (onlyA) and which are new (onlyB).
 */
import type { Result, Task } from "../schema.js";
import { greedyAssign } from "./assign.js";
import { taskChanges } from "./changes.js";
import { findRepeats, type Repeat } from "./repeats.js";
import { COMPARE_SCHEMA_VERSION, type CompareResult, type CompareSide, type Pair } from "./schema.js";
import { sharedPhrases, DEFAULT_SHARED_OPTIONS, type SharedOptions } from "./shared.js";
import { similarPairs, type Candidate } from "./similarity.js";
import { DEFAULT_VECTOR_OPTIONS, vectorize, type VectorOptions } from "./vectorize.js";

export interface CompareOptions {
  /** Minimum cosine for a pair (default DEFAULT_THRESHOLD). */
  readonly threshold?: number;
  readonly vector?: Partial<VectorOptions>;
  readonly shared?: Partial<SharedOptions>;
}

/**
 * Two tasks are the same work when, with units, dates and the generic verbs of 公文 set aside,
 * they name the same object in the same words. The default is set from the noise floor, not from
 * gold pairs: between notices on unrelated subjects (政务公开 要点 against 养老 or 新污染物 plans)
 * the most similar pair of tasks scores about 0.085, sharing only stock phrases (经济社会发展,
 * 企事业单位); a pair must score half as much again to count.
 */
export const DEFAULT_THRESHOLD = 0.13;

/** The notice seen from one side of a comparison (header fields only). */
export function sideOf(r: Result, repeats: readonly Repeat[] = []): CompareSide {
  return {
    source: r.source,
    title: r.document.title,
    issuer: r.document.issuer,
    docNumber: r.document.docNumber?.raw ?? null,
    year: r.document.year,
    tasks: r.tasks.length,
    repeats: repeats.map((x) => ({ id: r.tasks[x.index]!.id, of: r.tasks[x.of]!.id })),
  };
}

/** Matched index pairs with scores; the pieces `compareResults` and coverage build on. */
export interface Alignment {
  readonly pairs: Candidate[];
  readonly repeatsA: Repeat[];
  readonly repeatsB: Repeat[];
  readonly idf: (gram: string) => number;
}

export function alignTasks(a: readonly Task[], b: readonly Task[], opts: CompareOptions = {}): Alignment {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const vo: VectorOptions = { ...DEFAULT_VECTOR_OPTIONS, ...opts.vector };
  const v = vectorize(a, b, vo);
  const repeatsA = findRepeats(a, v.gramsA, v.vocab);
  const repeatsB = findRepeats(b, v.gramsB, v.vocab);
  const skipA = new Set(repeatsA.map((r) => r.index));
  const skipB = new Set(repeatsB.map((r) => r.index));
  const candidates = similarPairs(v.a, v.b, threshold).filter((c) => !skipA.has(c.i) && !skipB.has(c.j));
  // A table row that repeats no body task is a project or an action of a list (附件2 行动清单), not
  // a task of the body: in a notice that has body tasks, such rows are matched only with rows of the
  // other notice's tables. A notice made only of a table has its rows as its tasks.
  const primaryA = primaryOrigins(a);
  const primaryB = primaryOrigins(b);
  const isPrimaryA = (i: number): boolean => primaryA(a[i]!);
  const isPrimaryB = (j: number): boolean => primaryB(b[j]!);
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  const body = greedyAssign(candidates.filter((c) => isPrimaryA(c.i) && isPrimaryB(c.j)), threshold, takenA, takenB);
  const rest = greedyAssign(candidates.filter((c) => !isPrimaryA(c.i) && !isPrimaryB(c.j)), threshold, takenA, takenB);
  const pairs = [...body, ...rest].sort((x, y) => x.i - y.i);
  return { pairs, repeatsA, repeatsB, idf: (g) => v.vocab.idfOf(g) };
}

/** Body tasks are primary; table rows are primary only in a notice without body tasks. */
function primaryOrigins(tasks: readonly Task[]): (t: Task) => boolean {
  const hasBody = tasks.some((t) => t.origin === "body");
  return (t) => !hasBody || t.origin === "body";
}

/** Compare two parsed notices. Pure and deterministic. */
export function compareResults(a: Result, b: Result, opts: CompareOptions = {}): CompareResult {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const al = alignTasks(a.tasks, b.tasks, opts);
  const so: SharedOptions = { ...DEFAULT_SHARED_OPTIONS, ...opts.shared };
  const pairs: Pair[] = al.pairs.map((c) => {
    const ta = a.tasks[c.i]!;
    const tb = b.tasks[c.j]!;
    return { a: ta.id, b: tb.id, score: round(c.score), shared: sharedPhrases(ta, tb, al.idf, so), changes: taskChanges(ta, tb) };
  });
  const matchedA = new Set(al.pairs.map((c) => c.i));
  const matchedB = new Set(al.pairs.map((c) => c.j));
  const repA = new Set(al.repeatsA.map((r) => r.index));
  const repB = new Set(al.repeatsB.map((r) => r.index));
  return {
    compareVersion: COMPARE_SCHEMA_VERSION,
    threshold,
    a: sideOf(a, al.repeatsA),
    b: sideOf(b, al.repeatsB),
    pairs,
    onlyA: a.tasks.flatMap((t, i) => (matchedA.has(i) || repA.has(i) ? [] : [t.id])),
    onlyB: b.tasks.flatMap((t, i) => (matchedB.has(i) || repB.has(i) ? [] : [t.id])),
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
