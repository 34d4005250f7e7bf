/**
 * All-pairs cosine similarity through an inverted index over B's terms: the cost follows the
 * number of shared terms, not |A| × |B| × vector length, which keeps 1,000 × 1,000 tasks well
 * under a second.
 */
import type { SparseVector } from "./vectorize.js";

export interface Candidate {
  readonly i: number; // index into A
  readonly j: number; // index into B
  readonly score: number;
}

/** Every (i, j) with cosine ≥ floor. */
export function similarPairs(a: readonly SparseVector[], b: readonly SparseVector[], floor: number): Candidate[] {
  const postings = invert(b);
  const acc = new Float64Array(b.length);
  const touched = new Int32Array(b.length);
  const out: Candidate[] = [];
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    let nTouched = 0;
    for (let k = 0; k < v.terms.length; k++) {
      const p = postings.get(v.terms[k]!);
      if (!p) continue;
      const w = v.weights[k]!;
      for (let m = 0; m < p.docs.length; m++) {
        const j = p.docs[m]!;
        if (acc[j] === 0) touched[nTouched++] = j;
        acc[j]! += w * p.weights[m]!;
      }
    }
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t]!;
      const s = Math.min(1, acc[j]!);
      if (s >= floor) out.push({ i, j, score: s });
      acc[j] = 0;
    }
  }
  return out;
}

interface Posting {
  docs: Int32Array;
  weights: Float32Array;
}

function invert(vectors: readonly SparseVector[]): Map<number, Posting> {
  const counts = new Map<number, number>();
  for (const v of vectors) for (const t of v.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const postings = new Map<number, Posting & { n: number }>();
  for (const [t, n] of counts) postings.set(t, { docs: new Int32Array(n), weights: new Float32Array(n), n: 0 });
  vectors.forEach((v, j) => {
    for (let k = 0; k < v.terms.length; k++) {
      const p = postings.get(v.terms[k]!)!;
      p.docs[p.n] = j;
      p.weights[p.n++] = v.weights[k]!;
    }
  });
  return postings;
}
