/**
 * Character n-gram TF-IDF. Each task becomes a sparse, L2-normalised vector: sub-linear term
 * frequency × smoothed inverse document frequency, where the "documents" are the tasks of both
 * notices (so a phrase every task uses, 政务公开, weighs little and a rare one, 涉农补贴, a lot).
 * The section path is added as separate, lightly weighted features: context, never the reason.
 */
import type { Task } from "../schema.js";
import { GramTable } from "./gram-table.js";
import { forEachGram, gramKey, matchText, taskBody, wordRuns } from "./text.js";

export interface VectorOptions {
  /** Smallest and largest n-gram length (characters; at most MAX_GRAM = 3). */
  readonly minN: number;
  readonly maxN: number;
  /** Weight of section-path features relative to the task's own text (0 = ignore the path). */
  readonly pathWeight: number;
  /**
   * Weight of the n-grams of the task's title relative to the rest of its text. The title names
   * the work (加大政策精准解读力度); the text elaborates it in words many tasks share. Not applied
   * to the pieces of a split item (`1.2-1`), whose title is the heading of the whole item.
   */
  readonly titleBoost: number;
}

export const DEFAULT_VECTOR_OPTIONS: VectorOptions = { minN: 2, maxN: 3, pathWeight: 0.25, titleBoost: 1.5 };

/** Sparse vector: term ids with their weights (L2 norm 1). */
export interface SparseVector {
  readonly terms: Int32Array;
  readonly weights: Float32Array;
}

/** Term id → count for one task, text and section path kept apart. */
export interface TaskGrams {
  readonly text: Map<number, number>;
  /** Term ids of the title's grams (boosted). */
  readonly title: ReadonlySet<number>;
  readonly path: Map<number, number>;
}

/** What the vectoriser reads of a task. */
export type VectorTask = Pick<Task, "title" | "text" | "path"> & { readonly id?: string };

/** `1.2-3`: the third piece of an item split at its responsibility clauses. */
const SPLIT_PIECE_RE = /-\d+$/u;

/** Path features live in their own key space: a path gram only meets path grams. */
const PATH_OFFSET = 2 ** 51;

/** A shared vocabulary with document frequencies, built over every task being compared. */
export class Vocabulary {
  /** gramKey → term id */
  readonly ids = new GramTable();
  readonly df: number[] = [];
  docs = 0;

  /** Intern one task's grams and count each distinct one once. */
  add(task: VectorTask, opts: VectorOptions): TaskGrams {
    this.docs++;
    const text = this.count(wordRuns(matchText(taskBody(task))), opts, 0);
    const path = opts.pathWeight > 0 ? this.count(wordRuns(matchText(task.path.join("。"))), opts, PATH_OFFSET) : new Map<number, number>();
    const title = new Set<number>();
    if (opts.titleBoost !== 1 && !SPLIT_PIECE_RE.test(task.id ?? "")) {
      forEachGram(wordRuns(matchText(task.title)), opts.minN, opts.maxN, (key) => {
        const id = this.ids.get(key);
        if (id >= 0 && text.has(id)) title.add(id);
      });
    }
    return { text, title, path };
  }

  private count(runs: readonly string[], opts: VectorOptions, offset: number): Map<number, number> {
    const out = new Map<number, number>();
    forEachGram(runs, opts.minN, opts.maxN, (key) => {
      const id = this.ids.intern(key + offset);
      if (id === this.df.length) this.df.push(0);
      const tf = out.get(id);
      if (tf === undefined) {
        out.set(id, 1);
        this.df[id]!++;
      } else out.set(id, tf + 1);
    });
    return out;
  }

  /** Smoothed idf, as in scikit-learn: ln((1 + N) / (1 + df)) + 1. */
  idf(id: number): number {
    return Math.log((1 + this.docs) / (1 + (this.df[id] ?? 0))) + 1;
  }

  /** idf of a gram of task text (1 for a gram never seen). */
  idfOf(gram: string): number {
    const id = gram.length <= 3 ? this.ids.get(gramKey(gram)) : -1;
    return id < 0 ? 1 : this.idf(id);
  }

  vector(g: TaskGrams, pathWeight: number, titleBoost = 1): SparseVector {
    const n = g.text.size + g.path.size;
    const terms = new Int32Array(n);
    const weights = new Float32Array(n);
    let k = 0;
    let norm = 0;
    const put = (id: number, tf: number, scale: number): void => {
      const w = scale * (1 + Math.log(tf)) * this.idf(id);
      terms[k] = id;
      weights[k++] = w;
      norm += w * w;
    };
    for (const [id, tf] of g.text) put(id, tf, g.title.has(id) ? titleBoost : 1);
    for (const [id, tf] of g.path) put(id, tf, pathWeight);
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < k; i++) weights[i]! /= norm;
    return { terms, weights };
  }
}

/** Vectors for two lists of tasks, sharing one vocabulary and one idf. */
export function vectorize(
  a: readonly VectorTask[],
  b: readonly VectorTask[],
  opts: VectorOptions = DEFAULT_VECTOR_OPTIONS,
): { vocab: Vocabulary; a: SparseVector[]; b: SparseVector[]; gramsA: TaskGrams[]; gramsB: TaskGrams[] } {
  const vocab = new Vocabulary();
  const gramsA = a.map((t) => vocab.add(t, opts));
  const gramsB = b.map((t) => vocab.add(t, opts));
  return {
    vocab,
    a: gramsA.map((g) => vocab.vector(g, opts.pathWeight, opts.titleBoost)),
    b: gramsB.map((g) => vocab.vector(g, opts.pathWeight, opts.titleBoost)),
    gramsA,
    gramsB,
  };
}

/** Cosine of two normalised sparse vectors. */
export function cosine(x: SparseVector, y: SparseVector): number {
  const wx = new Map<number, number>();
  x.terms.forEach((t, i) => wx.set(t, x.weights[i]!));
  let s = 0;
  y.terms.forEach((t, i) => (s += (wx.get(t) ?? 0) * y.weights[i]!));
  return Math.min(1, Math.max(0, s));
}
