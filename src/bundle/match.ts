/**
 * 附件 matching: which entry of the notice's 附件说明 list (附件：1.… 2.…) an attachment file is.
 * By title first (the file's first lines, its link text or file name against the list entry),
 * else by the 附件N printed in its file name or first line, else by the order the files were given.
 */
import { fold } from "../text/chars.js";
import { zhNumber } from "../extract/zh-numerals.js";

export interface ListEntry {
  readonly number: number;
  readonly title: string;
}

/** What is known of one attachment file before matching. */
export interface FileClues {
  /** File name (base name, extension included). */
  readonly name: string;
  /** Text of a link that pointed to the file (a saved web page's `<a href>`), if any. */
  readonly label?: string;
  /** The file's first non-empty lines (a table row's cells joined). */
  readonly firstLines: readonly string[];
}

export type MatchedBy = "title" | "number" | "order" | "unlisted";

export interface Match {
  /** Index into the files given. */
  readonly file: number;
  readonly number: number;
  /** Title of the list entry, else the file's own title. */
  readonly title: string;
  readonly by: MatchedBy;
}

/** 附件N / 附表N at the start of a name or line: "附件2：…", "附件 2-…", "附件二". */
const NUMBER_RE = /^附[件表] ?[-_－—]? ?(?<n>\d{1,2}|[一二三四五六七八九十]{1,3})(?![\d一二三四五六七八九十])/u;
/** A leading 附件N label with its separator, dropped before titles are compared. */
const LABEL_RE = /^附[件表] ?[-_－—]? ?(?:\d{1,2}|[一二三四五六七八九十]{1,3})? ?[:：.．、\-_－— ]?/u;
const EXTENSION_RE = /\.[A-Za-z0-9]{1,6}$/u;

/** A title for comparing: folded, without white space, punctuation, quotes or a 附件N label. */
export function titleKey(s: string): string {
  const f = fold(s.normalize("NFKC")).replace(/\s+/gu, "");
  return f.replace(LABEL_RE, "").replace(/[，,、；;：:。．.（）()〔〕[\]【】“”"'‘’《》<>「」『』\-_—－·]/gu, "");
}

/** The 附件 number printed at the start of a name or a line, or null. */
export function attachmentNumber(s: string): number | null {
  const m = NUMBER_RE.exec(fold(s.normalize("NFKC")).replace(/^[\s【[(]+/u, ""));
  const n = m?.groups?.n;
  return n === undefined ? null : zhNumber(n);
}

const stem = (name: string): string => name.replace(EXTENSION_RE, "");

/** How well a file's clues name a list entry: 2 the same title, 1 one title holds the other, 0 no. */
function titleScore(clues: FileClues, entry: ListEntry): number {
  const want = titleKey(entry.title);
  if (want.length < 2) return 0;
  let best = 0;
  const candidates = [stem(clues.name), ...(clues.label ? [stem(clues.label)] : []), ...clues.firstLines.slice(0, 6)];
  for (const c of candidates) {
    const k = titleKey(c);
    if (k.length < 2) continue;
    if (k === want) return 2;
    const [short, long] = k.length < want.length ? [k, want] : [want, k];
    // a line that holds the whole entry title (with a year or a 附件 label around it), or the reverse
    if (short.length >= 6 && long.includes(short)) best = 1;
  }
  return best;
}

/** The file's own 附件 number: in its link text, its file name, or its first line. */
function ownNumber(clues: FileClues): number | null {
  for (const s of [clues.label ?? "", clues.name, clues.firstLines[0] ?? ""]) {
    const n = attachmentNumber(s);
    if (n !== null && n > 0) return n;
  }
  return null;
}

/** A short title for a file that matched no entry: its first line, else its name. */
function ownTitle(clues: FileClues): string {
  const line = clues.firstLines.find((l) => attachmentNumber(l) === null || titleKey(l).length > 0);
  const t = line ? line.replace(LABEL_RE, "").trim() : "";
  return t.length > 0 && t.length <= 80 ? t : stem(clues.label ?? clues.name);
}

/**
 * Match files to list entries. Every file gets a number: an unmatched file keeps the 附件N it prints
 * when no entry has it, else it is numbered after the list (`by: "unlisted"`).
 */
export function matchAttachments(entries: readonly ListEntry[], files: readonly FileClues[]): Match[] {
  const byFile = new Map<number, Match>();
  const taken = new Set<number>();
  const take = (file: number, entry: ListEntry, by: MatchedBy): void => {
    byFile.set(file, { file, number: entry.number, title: entry.title, by });
    taken.add(entry.number);
  };
  // 1. titles: the best pairs first (an exact title beats a containing one), each entry once
  const pairs: { file: number; entry: ListEntry; score: number }[] = [];
  files.forEach((f, i) => {
    for (const e of entries) {
      const score = titleScore(f, e);
      if (score > 0) pairs.push({ file: i, entry: e, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.file - b.file || a.entry.number - b.entry.number);
  for (const p of pairs) if (!byFile.has(p.file) && !taken.has(p.entry.number)) take(p.file, p.entry, "title");
  // 2. the 附件N the file prints
  files.forEach((f, i) => {
    if (byFile.has(i)) return;
    const n = ownNumber(f);
    const e = n === null ? undefined : entries.find((x) => x.number === n);
    if (e && !taken.has(e.number)) take(i, e, "number");
  });
  // 3. the order given, for the entries still open
  const open = entries.filter((e) => !taken.has(e.number));
  files.forEach((_f, i) => {
    if (byFile.has(i) || ownNumberElsewhere(files[i]!, entries)) return;
    const e = open.shift();
    if (e) take(i, e, "order");
  });
  // 4. the rest: its own 附件N when free, else numbered after everything taken
  let next = Math.max(0, ...entries.map((e) => e.number));
  files.forEach((f, i) => {
    if (byFile.has(i)) return;
    const n = ownNumber(f);
    const number = n !== null && !taken.has(n) ? n : ++next;
    next = Math.max(next, number);
    taken.add(number);
    byFile.set(i, { file: i, number, title: ownTitle(f), by: "unlisted" });
  });
  return files.map((_f, i) => byFile.get(i)!);
}

/** A file that prints a 附件 number the list does not have is not paired by order with another entry. */
function ownNumberElsewhere(f: FileClues, entries: readonly ListEntry[]): boolean {
  const n = ownNumber(f);
  return n !== null && !entries.some((e) => e.number === n);
}
