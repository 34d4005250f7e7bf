/**
 * 完成时限 (deadline expressions), normalised with the plan year Y:
 *
 *   到2023年底前 → 2023-12-31    6月底前 → Y-06-30    2022年6月30日前 → 2022-06-30
 *   年底前 / 年内 → Y-12-31      十二月底前 → Y-12-31  上半年前 → Y-06-30
 *   6月底完成 / 2025年底，…达到 → month / year end (a month or year end is a time point without 前)
 *
 * In a deadline field (完成时限：… or a 完成时限 column) the forms are looser: 2019年8月 → month
 * end, 全年 → Y-12-31, 长期 / 持续推进 → nothing. Not deadlines: recurring phrases (每年、每月月底前),
 * durations (5个工作日内), target years (到2025年，…), half-years without 前, data cut-offs (截至…).
 */
import { fold } from "../text/chars.js";
import { zhNumber } from "./zh-numerals.js";

export type DeadlineMode = "text" | "field";

export interface DeadlineMatch {
  /** Offset of the expression in the string that was searched. */
  readonly index: number;
  readonly raw: string;
  readonly date: string;
}

const Y = String.raw`(?:\d{4}|[〇零一二三四五六七八九]{4})`;
const M = String.raw`(?:1[0-2]|0?[1-9]|十[一二]|十|[一二三四五六七八九])`;
const D = String.raw`(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])`;
const BEFORE = String.raw`(?:前|以前|之前)`;

const Q = String.raw`[一二三四1-4]`;

/**
 * One alternation, factored on its first token so each position is tried once per shape (and
 * without lookbehinds, so recheck can prove it linear). `opt` makes the 前 / 底 parts optional:
 * text mode needs them, a deadline field does not.
 */
function deadlinePattern(field: boolean): RegExp {
  const B = field ? `(?:${BEFORE})?` : BEFORE;
  // a month end is a time point with or without 前 (6月底完成, 9月底建成上线); 末 still needs 前 in text
  const END = field ? `(?:底|末|份)?${B}` : `(?:底(?:${BEFORE})?|末${BEFORE})`;
  return new RegExp(
    [
      String.raw`(?:到|至)?(?<y>${Y})年(?:(?<m>${M})月(?:(?<d>${D})[日号]${B}|${END})|(?<h>上半年|年中)(?:底|末)?${B}|第?(?<q>${Q})季度(?:末|底)?${B}|年?(?:底|末)${field ? "?" : ""}(?:${BEFORE})?|内)`,
      String.raw`(?<h2>上半年|年中)(?:底|末)?${B}`,
      String.raw`第?(?<q2>${Q})季度(?:末|底)?${B}`,
      String.raw`(?<m2>${M})月(?:(?<d2>${D})[日号]${B}|${END})`,
      // a bare 年底 without year or 前 is often a cycle (年初签约…年底考核); it is the work's time point
      // only when a completion verb follows it (力争年底完成, 年底建成)
      field ? String.raw`年(?:底|末)${B}` : String.raw`年(?:底|末)${B}|年底(?=完成|建成|实现|达到|取得|基本|全面|全部)`,
      String.raw`年内`,
      ...(field ? [String.raw`全年`] : []),
    ].join("|"),
    "gu",
  );
}

/** Text mode: the forms GOLD.md counts anywhere in a task's text. */
export const DEADLINE_TEXT_RE = deadlinePattern(false);
/** Field mode (完成时限：…, a deadline column): also bare months and years, 全年. */
export const DEADLINE_FIELD_RE = deadlinePattern(true);

/**
 * What may not stand right before a match that carries no year of its own (checked in code, not
 * with a lookbehind, so the pattern stays a plain bounded alternation):
 * "13月底前" is not month 3, "3年内" is a duration, "每年底前" recurs.
 */
const NOT_BEFORE_MONTH = new Set([..."0123456789〇零一二三四五六七八九十年"]);
const NOT_BEFORE_YEAR_END = new Set([..."0123456789〇零一二三四五六七八九十年每去上前明"]);
const NOT_BEFORE_WITHIN_YEAR = new Set([..."0123456789〇零一二三四五六七八九十两几数个半每多近年"]);

/** A character or word that every TEXT_RE alternative needs (fold leaves them unchanged). */
const TEXT_HINT_RE = /[前底末]|年内/u;

/** Recurring or cut-off context at a match: 每年…、每月…、截至…、截止…. */
const RECURRING_BEFORE_RE = /每$/u;
const CUTOFF_RE = /截[至止]/u;

const pad = (n: number): string => String(n).padStart(2, "0");
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1949 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m))) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const num = (s: string | undefined): number | null => (s === undefined ? null : zhNumber(s));

/**
 * Find every deadline expression in `text`, in order. `planYear` fills in dates without a year;
 * when it is null such expressions are skipped.
 */
export function findDeadlines(input: string, planYear: number | null, mode: DeadlineMode = "text"): DeadlineMatch[] {
  // every text-mode form ends in 前, 底/末 or 年内: most task texts are rejected without the big regex
  if (mode === "text" && !TEXT_HINT_RE.test(input)) return [];
  const text = mode === "field" ? input.replace(/\s+/gu, "") : input;
  const folded = fold(text);
  const re = mode === "field" ? DEADLINE_FIELD_RE : DEADLINE_TEXT_RE;
  const out: DeadlineMatch[] = [];
  for (const m of folded.matchAll(re)) {
    const g = m.groups ?? {};
    const prev = m.index > 0 ? folded[m.index - 1]! : "";
    if (g.m2 && NOT_BEFORE_MONTH.has(prev)) continue;
    if (/^年(?:底|末)/u.test(m[0]) && NOT_BEFORE_YEAR_END.has(prev)) continue;
    if (m[0] === "年内" && NOT_BEFORE_WITHIN_YEAR.has(prev)) continue;
    if (RECURRING_BEFORE_RE.test(folded.slice(Math.max(0, m.index - 2), m.index))) continue;
    if (CUTOFF_RE.test(folded.slice(Math.max(0, m.index - 3), m.index + 2))) continue;
    const date = toDate(g, planYear);
    if (date) out.push({ index: m.index, raw: text.slice(m.index, m.index + m[0].length), date });
  }
  return out;
}

function toDate(g: Record<string, string | undefined>, Y: number | null): string | null {
  const y = g.y ? num(g.y) : Y;
  if (y === null) return null;
  const m = num(g.m ?? g.m2);
  const d = num(g.d ?? g.d2);
  if (m !== null && d !== null) return iso(y, m, d);
  if (m !== null) return iso(y, m, lastDay(y, m));
  const q = num(g.q ?? g.q2);
  if (q !== null) return iso(y, q * 3, lastDay(y, q * 3));
  if (g.h || g.h2) return iso(y, 6, 30);
  return iso(y, 12, 31); // (YYYY)年底前 / 年内 / 全年 / a bare year in a field
}
