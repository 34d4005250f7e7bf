/**
 * 完成时限 (deadline expressions), normalised with the plan year Y:
 *
 *   到2023年底前 → 2023-12-31    6月底前 → Y-06-30    2022年6月30日前 → 2022-06-30
 *   年底前 / 年内 → Y-12-31      十二月底前 → Y-12-31  上半年前 → Y-06-30
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
const NOT_NUM_BEFORE = String.raw`(?<![\d〇零一二三四五六七八九十两几数个半每多近年])`;

/** Text mode: the forms GOLD.md counts anywhere in a task's text. Order matters: longest forms first. */
const TEXT_RE = new RegExp(
  [
    String.raw`(?<fy>${Y})年(?<fm>${M})月(?<fd>${D})[日号]${BEFORE}`,
    String.raw`(?<ymy>${Y})年(?<ymm>${M})月(?:底|末)${BEFORE}`,
    String.raw`(?:到|至)?(?<yey>${Y})年(?:年)?(?:底|末)(?:${BEFORE})?`,
    String.raw`(?:(?<hy>${Y})年)?(?:上半年|年中)(?:底|末)?${BEFORE}`,
    String.raw`(?:(?<qy>${Y})年)?第?(?<q>[一二三四1-4])季度(?:末|底)?${BEFORE}`,
    String.raw`(?<![\d〇零一二三四五六七八九十年])(?<mdm>${M})月(?<mdd>${D})[日号]${BEFORE}`,
    String.raw`(?<![\d〇零一二三四五六七八九十年])(?<mm>${M})月(?:底|末)${BEFORE}`,
    String.raw`(?<![\d〇零一二三四五六七八九十年每])年(?:底|末)${BEFORE}`,
    String.raw`${NOT_NUM_BEFORE}年内`,
  ].join("|"),
  "gu",
);

/** Field mode: also bare months and years, 全年. */
const FIELD_RE = new RegExp(
  [
    String.raw`(?<fy>${Y})年(?<fm>${M})月(?<fd>${D})[日号](?:${BEFORE})?`,
    String.raw`(?<ymy>${Y})年(?<ymm>${M})月(?:底|末|份)?(?:${BEFORE})?`,
    String.raw`(?:到|至)?(?<yey>${Y})年(?:年)?(?:底|末)?(?:${BEFORE})?`,
    String.raw`(?:(?<hy>${Y})年)?(?:上半年|年中)(?:底|末)?(?:${BEFORE})?`,
    String.raw`(?:(?<qy>${Y})年)?第?(?<q>[一二三四1-4])季度(?:末|底)?(?:${BEFORE})?`,
    String.raw`(?<![\d〇零一二三四五六七八九十年])(?<mdm>${M})月(?<mdd>${D})[日号](?:${BEFORE})?`,
    String.raw`(?<![\d〇零一二三四五六七八九十年])(?<mm>${M})月(?:底|末|份)?(?:${BEFORE})?`,
    String.raw`(?<![\d〇零一二三四五六七八九十年每])年(?:底|末)(?:${BEFORE})?`,
    String.raw`${NOT_NUM_BEFORE}年内`,
    String.raw`(?<year>全年)`,
  ].join("|"),
  "gu",
);

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
  const re = mode === "field" ? FIELD_RE : TEXT_RE;
  const out: DeadlineMatch[] = [];
  for (const m of folded.matchAll(re)) {
    const g = m.groups ?? {};
    if (RECURRING_BEFORE_RE.test(folded.slice(Math.max(0, m.index - 2), m.index))) continue;
    if (CUTOFF_RE.test(folded.slice(Math.max(0, m.index - 3), m.index + 2))) continue;
    const date = toDate(g, m[0], planYear);
    if (date) out.push({ index: m.index, raw: text.slice(m.index, m.index + m[0].length), date });
  }
  return out;
}

function toDate(g: Record<string, string | undefined>, matched: string, Y: number | null): string | null {
  if (g.fy) return iso(num(g.fy)!, num(g.fm)!, num(g.fd)!);
  if (g.ymy) {
    const y = num(g.ymy)!;
    const mo = num(g.ymm)!;
    return iso(y, mo, lastDay(y, mo));
  }
  if (g.yey) return iso(num(g.yey)!, 12, 31);
  const y = (g.hy ? num(g.hy) : g.qy ? num(g.qy) : Y) ?? null;
  if (y === null) return null;
  if (g.q) {
    const q = num(g.q)!;
    return iso(y, q * 3, lastDay(y, q * 3));
  }
  if (g.mdm) return iso(y, num(g.mdm)!, num(g.mdd)!);
  if (g.mm) {
    const mo = num(g.mm)!;
    return iso(y, mo, lastDay(y, mo));
  }
  if (/上半年|年中/u.test(matched)) return iso(y, 6, 30);
  return iso(y, 12, 31); // 年底前 / 年内 / 全年
}
