/**
 * Character n-gram TF-IDF. Each task becomes a sparse, L2-normalised vector: sub-linear term
 * frequency × smoothed inverse document frequency, where the "documents" are the tasks of both
 * notices (so a phrase every task uses, 政务公开, weighs little and a rare one, 涉农补贴, a lot).
 * The section path is added as separate, lightly weighted features: context, never the reason.
 */
import type { Task } from "../schema.js";
import { charGrams, matchText, taskBody, wordRuns } from "./text.js";

export interface VectorOptions {
  /** Smallest and largest n-gram length (characters). */
  readonly minN: number;
  readonly maxN: number;
  /** Weight of section-path features relative to the task's own text (0 = ignore the path). */
  readonly pathWeight: number;
  /**
   * Extra weight of the n-grams of the task's title (its first sentence): the title names the
   * work, the rest of the text elaborates it, so two tasks are the same work when their centres meet.
   */
  readonly titleBoost: number;
}

export const DEFAULT_VECTOR_OPTIONS: VectorOptions = { minN: 2, maxN: 3, pathWeight: 0.25, titleBoost: 1 };

/** Sparse vector: sorted term ids with their weights. */
export interface SparseVector {
  readonly terms: Int32Array;
  readonly weights: Float32Array;
}

/** Term counts of one task before weighting. */
export interface TaskGrams {
  readonly text: Map<string, number>;
  /** Grams of the title (a subset of `text`'s keys). */
  readonly title: Set<string>;
  readonly path: Map<string, number>;
}

const PATH_PREFIX = "§";

export function taskGrams(task: Pick<Task, "title" | "text" | "path">, opts: VectorOptions = DEFAULT_VECTOR_OPTIONS): TaskGrams {
  const text = charGrams(wordRuns(matchText(taskBody(task))), opts.minN, opts.maxN);
  const title = new Set(opts.titleBoost !== 1 ? charGrams(wordRuns(matchText(task.title)), opts.minN, opts.maxN).keys() : []);
  const path = opts.pathWeight > 0 ? charGrams(wordRuns(matchText(task.path.join("。"))), opts.minN, opts.maxN) : new Map<string, number>();
  return { text, title, path };
}

/** A shared vocabulary with document frequencies, built over every task being compared. */
export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly df: number[] = [];
  docs = 0;

  /** Count one task's grams (each distinct gram once). */
  add(g: TaskGrams): void {
    this.docs++;
    for (const k of g.text.keys()) this.bump(k);
    for (const k of g.path.keys()) this.bump(PATH_PREFIX + k);
  }

  private bump(k: string): void {
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.df.length;
      this.ids.set(k, id);
      this.df.push(0);
    }
    this.df[id]!++;
  }

  /** idf of a gram of task text (1 for a gram never seen). */
  idfOf(gram: string): number {
    const id = this.ids.get(gram);
    return id === undefined ? 1 : this.idf(id);
  }

  /** Smoothed idf, as in scikit-learn: ln((1 + N) / (1 + df)) + 1. */
  idf(id: number): number {
    return Math.log((1 + this.docs) / (1 + (this.df[id] ?? 0))) + 1;
  }

  vector(g: TaskGrams, pathWeight: number, titleBoost = 1): SparseVector {
    const n = g.text.size + (pathWeight > 0 ? g.path.size : 0);
    const ids = new Int32Array(n);
    const raw = new Float64Array(n);
    let k = 0;
    for (const [gram, tf] of g.text) {
      const id = this.ids.get(gram);
      if (id === undefined) continue;
      ids[k] = id;
      raw[k++] = (1 + Math.log(tf)) * this.idf(id) * (g.title.has(gram) ? titleBoost : 1);
    }
    if (pathWeight > 0) {
      for (const [gram, tf] of g.path) {
        const id = this.ids.get(PATH_PREFIX + gram);
        if (id === undefined) continue;
        ids[k] = id;
        raw[k++] = pathWeight * (1 + Math.log(tf)) * this.idf(id);
      }
    }
    const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => ids[x]! - ids[y]!);
    let norm = 0;
    for (let i = 0; i < k; i++) norm += raw[i]! * raw[i]!;
    norm = Math.sqrt(norm) || 1;
    const terms = new Int32Array(k);
    const weights = new Float32Array(k);
    order.forEach((o, i) => {
      terms[i] = ids[o]!;
      weights[i] = raw[o]! / norm;
    });
    return { terms, weights };
  }
}

/** Vectors for two lists of tasks, sharing one vocabulary and one idf. */
export function vectorize(
  a: readonly Pick<Task, "title" | "text" | "path">[],
  b: readonly Pick<Task, "title" | "text" | "path">[],
  opts: VectorOptions = DEFAULT_VECTOR_OPTIONS,
): { vocab: Vocabulary; a: SparseVector[]; b: SparseVector[]; gramsA: TaskGrams[]; gramsB: TaskGrams[] } {
  const ga = a.map((t) => taskGrams(t, opts));
  const gb = b.map((t) => taskGrams(t, opts));
  const vocab = new Vocabulary();
  for (const g of ga) vocab.add(g);
  for (const g of gb) vocab.add(g);
  return {
    vocab,
    a: ga.map((g) => vocab.vector(g, opts.pathWeight, opts.titleBoost)),
    b: gb.map((g) => vocab.vector(g, opts.pathWeight, opts.titleBoost)),
    gramsA: ga,
    gramsB: gb,
  };
}

/** Cosine of two normalised sparse vectors (merge of sorted term lists). */
export function cosine(x: SparseVector, y: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < x.terms.length && j < y.terms.length) {
    const ti = x.terms[i]!;
    const tj = y.terms[j]!;
    if (ti === tj) s += x.weights[i++]! * y.weights[j++]!;
    else if (ti < tj) i++;
    else j++;
  }
  return Math.min(1, Math.max(0, s));
}
