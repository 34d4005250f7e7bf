/**
 * Why two tasks were matched, in words: the longest phrases they share, ranked by how telling
 * they are (the idf of their n-grams), so 涉农补贴发放结果 comes before 政务公开工作.
 */
import { matchText, taskBody, wordRuns } from "./text.js";
import type { Task } from "../schema.js";

export interface SharedOptions {
  /** Shortest phrase reported, in characters. */
  readonly minLength: number;
  /** At most this many phrases. */
  readonly max: number;
}

export const DEFAULT_SHARED_OPTIONS: SharedOptions = { minLength: 3, max: 5 };

/**
 * Maximal common substrings of the two tasks' words (never crossing punctuation), not nested in
 * one another, most telling first. `weight(gram)` scores an n-gram (idf); unknown grams weigh 1.
 */
export function sharedPhrases(
  a: Pick<Task, "title" | "text">,
  b: Pick<Task, "title" | "text">,
  weight: (gram: string) => number = () => 1,
  opts: SharedOptions = DEFAULT_SHARED_OPTIONS,
): string[] {
  const runsA = wordRuns(matchText(taskBody(a)));
  const textB = wordRuns(matchText(taskBody(b))).join("|");
  const n = opts.minLength;
  const seeds = new Set<string>();
  for (let i = 0; i + n <= textB.length; i++) seeds.add(textB.slice(i, i + n));

  const found = new Map<string, number>();
  for (const run of runsA) {
    let i = 0;
    while (i + n <= run.length) {
      if (!seeds.has(run.slice(i, i + n))) {
        i++;
        continue;
      }
      let len = n;
      while (i + len < run.length && textB.includes(run.slice(i, i + len + 1))) len++;
      const phrase = run.slice(i, i + len);
      if (!found.has(phrase)) found.set(phrase, phraseWeight(phrase, weight));
      // the rest of this phrase is inside it; resume at its end (a longer match could start inside,
      // but it then overlaps this one and would read as a repeat)
      i += len;
    }
  }
  const ranked = [...found].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length || (x[0] < y[0] ? -1 : 1));
  const out: string[] = [];
  for (const [p] of ranked) {
    if (out.some((q) => q.includes(p))) continue;
    out.push(p);
    if (out.length >= opts.max) break;
  }
  return out;
}

/** Sum of the weights of the phrase's bigrams: long, rare phrases first. */
function phraseWeight(phrase: string, weight: (gram: string) => number): number {
  let s = 0;
  for (let i = 0; i + 2 <= phrase.length; i++) s += weight(phrase.slice(i, i + 2));
  return s;
}
