/**
 * What the matcher reads of a task: its words, not its bookkeeping. Responsibility brackets,
 * deadlines and years are dropped (they change from year to year while the work stays the same,
 * and they are compared separately as `changes`); the rest is split into runs of characters that
 * n-grams do not cross (punctuation ends a phrase).
 */
import type { Task } from "../schema.js";

/** Words that make a bracket a unit clause: `（牵头单位：…）`, `(市发改委牵头，…负责)`. */
const UNIT_CLAUSE_RE = /单位|部门|牵头|负责|配合|参与|协助|协办|指导|政府/u;
const OPEN = new Set("（(〔[【［");
const CLOSE = new Set("）)〕]】］");
/** A label line such as `责任单位：区民政局`, or `完成时限：2022年底`. */
const LABEL_LINE_RE = /(?:^|\n)[ \t\u3000]*(?:牵头|责任|配合|协办|协助|参与|指导|主办|实施|承办)(?:单位|部门)[ \t\u3000]*[:：][^\n]*/gu;
const DEADLINE_LINE_RE = /(?:^|\n)[ \t\u3000]*(?:完成时限|完成时间|时间节点)[ \t\u3000]*[:：][^\n]*/gu;
/** Years and dates: `2022年`, `12月底前`, `6月30日` (applied once white space is removed). */
const DATE_RE = /\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日|底)?|[年月]底前?|年内/gu;
/**
 * The frame of a 公文 sentence, not its object: verbs of effort (加强, 推进, 做好), degree words
 * (进一步, 切实) and stock phrases (营造良好氛围, 各地各部门要). Two tasks are the same work when
 * they name the same object (疫情信息发布, 政府规章集中公开), so these words are cut out before
 * n-grams are taken — they would make any two tasks look alike.
 */
export const GENERIC_WORDS = [
  "各地各部门", "各级各部门", "各有关部门", "有关部门", "相关部门", "营造良好氛围", "良好氛围", "进一步", "建立健全",
  "加强", "推进", "推动", "完善", "做好", "强化", "深化", "持续", "不断", "积极", "全面", "切实", "认真", "及时",
  "有效", "提升", "提高", "加大", "力度", "工作", "要求", "按照", "围绕", "结合", "实际", "确保", "开展", "继续",
  "努力", "大力", "充分", "扎实", "着力", "抓好", "用好", "更加", "水平", "能力",
] as const;
const GENERIC_RE = new RegExp(GENERIC_WORDS.join("|"), "g");

/** Characters that carry the words: Han, Latin letters, digits. */
const WORD_RUN_RE = /[\p{Script=Han}A-Za-z0-9]+/gu;

/** NFKC, white space removed: the form in which names and phrases are compared. */
export function normalizeName(s: string): string {
  return s.normalize("NFKC").replace(/\s+/gu, "");
}

/** The task's own words: title and text (the text usually starts with the title). */
export function taskBody(task: Pick<Task, "title" | "text">): string {
  const title = task.title.trim();
  const text = task.text.trim();
  if (!title) return text;
  if (!text) return title;
  return squashWs(text).startsWith(squashWs(title)) ? text : `${title}。${text}`;
}

const squashWs = (s: string): string => s.replace(/\s+/gu, "");

/** Text prepared for n-grams: unit clauses, dates and white space removed, NFKC. */
export function matchText(raw: string): string {
  const flat = raw
    .normalize("NFKC")
    .replace(LABEL_LINE_RE, "\n")
    .replace(DEADLINE_LINE_RE, "\n")
    .replace(/\s+/gu, "");
  return dropUnitBrackets(flat).replace(DATE_RE, "。").replace(GENERIC_RE, "。");
}

/** Remove brackets (nesting and mismatched pairs allowed) whose content names units. */
export function dropUnitBrackets(s: string): string {
  const OPEN_AT = /[（(〔[【［]/gu;
  let out = "";
  let from = 0;
  for (let m = OPEN_AT.exec(s); m; m = OPEN_AT.exec(s)) {
    const end = closingIndex(s, m.index);
    if (end > 0 && UNIT_CLAUSE_RE.test(s.slice(m.index + 1, end))) {
      out += s.slice(from, m.index) + "。";
      from = end + 1;
      OPEN_AT.lastIndex = from;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Index of the bracket closing the one at `start`, or -1 (unclosed within 400 characters). */
function closingIndex(s: string, start: number): number {
  let depth = 0;
  const stop = Math.min(s.length, start + 400);
  for (let j = start; j < stop; j++) {
    const c = s[j]!;
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c) && --depth === 0) return j;
  }
  return -1;
}

/** Runs of word characters (n-grams never cross punctuation). */
export function wordRuns(prepared: string): string[] {
  return prepared.match(WORD_RUN_RE) ?? [];
}

/** Longest n-gram the matcher takes: up to 3 UTF-16 units a gram is encoded as one number. */
export const MAX_GRAM = 3;
const UNIT = 65536;

/**
 * A gram as a number (its UTF-16 units in base 65536, plus its length in the top bits), so
 * that counting n-grams allocates no strings — the hot loop of a 1,000 × 1,000 comparison.
 */
export function gramKey(s: string, start = 0, n = s.length): number {
  let k = 0;
  for (let i = start; i < start + n; i++) k = k * UNIT + s.charCodeAt(i);
  return k + n * 2 ** 48;
}

/**
 * Calls `fn` with the key of every character n-gram of each run, n in [minN, maxN]
 * (maxN ≤ MAX_GRAM); a run shorter than minN but of two characters or more is taken whole.
 */
export function forEachGram(runs: readonly string[], minN: number, maxN: number, fn: (key: number) => void): void {
  const top = Math.min(maxN, MAX_GRAM);
  for (const run of runs) {
    if (run.length < minN) {
      if (run.length > 1 && run.length <= MAX_GRAM) fn(gramKey(run));
      continue;
    }
    for (let n = minN; n <= top; n++) {
      for (let i = 0; i + n <= run.length; i++) fn(gramKey(run, i, n));
    }
  }
}

/** gramKey → count (for tests and explanations; the matcher counts term ids directly). */
export function gramCounts(runs: readonly string[], minN: number, maxN: number): Map<number, number> {
  const out = new Map<number, number>();
  forEachGram(runs, minN, maxN, (k) => out.set(k, (out.get(k) ?? 0) + 1));
  return out;
}
