/**
 * 序号 (number markers) of the section tree. The level is decided by the marker family, never by
 * Markdown heading level or indentation:
 *
 *   一、 → （一） / (一) → 1. / 1． / 1、 → （1） / (1) / ⑴ / 1） → ① …
 *   ^^                                       family "zh" (level 4) … family "circled" (level 8)
 *
 * Regulations and measures (办法 / 条例 / 规定 / 细则) add 第X章 → 第X节 → 第X条 above them (levels 1–3),
 * so the lists that restart in every article stay under their article. "unmarked" is a top-level
 * heading printed without a marker (read by sections.ts, never matched here); it stands for 一、.
 */
import { zhNumber } from "./zh-numerals.js";

export type MarkerFamily = "unmarked" | "chapter" | "section" | "article" | "zh" | "zhParen" | "num" | "numParen" | "circled";

export const FAMILY_LEVEL: Readonly<Record<MarkerFamily, number>> = {
  unmarked: 4, chapter: 1, section: 2, article: 3, zh: 4, zhParen: 5, num: 6, numParen: 7, circled: 8,
};

/** The 第X章 / 第X节 / 第X条 families of regulations. */
export const isArticleFamily = (f: MarkerFamily): boolean => f === "chapter" || f === "section" || f === "article";

export interface MarkerMatch {
  readonly family: MarkerFamily;
  readonly ordinal: number;
  /** Length of the marker (including 、 or the closing bracket). */
  readonly markerLength: number;
  /** Where the item's content starts (after the marker and any space). */
  readonly length: number;
}

// On folded text: （）→(), ．→.
// `一.5` is a number, but `一、2022年工作目标` is a heading whose text starts with a year
const ZH = /^([一二三四五六七八九十百]{1,4})(?:、|\.(?![\d.]))/u;
const ZH_PAREN = /^\( ?([一二三四五六七八九十百]{1,4}) ?\)/u;
const NUM = /^(\d{1,3}) ?(?:\.(?![\d.])|、)/u;
const NUM_PAREN = /^(?:\( ?(\d{1,3}) ?\)|(\d{1,2})\)(?!\d))/u;
/**
 * 第X章 / 第X节 / 第X条 at the start of a line. A citation that happens to start a line
 * (第十二条规定的…, 第三条、第四条) is not a marker: the character after it continues a sentence.
 */
const ARTICLE = /^第 ?([一二三四五六七八九十百零〇两]{1,6}|\d{1,3}) ?([章节条])(?!规定|的|之|所述|中的|[第、,，.。;；]|[和及或至与]第)/u;
const ARTICLE_FAMILY: Readonly<Record<string, MarkerFamily>> = { 章: "chapter", 节: "section", 条: "article" };
const CIRCLED_START = 0x2460; // ① … ⑳
const PAREN_DIGIT_START = 0x2474; // ⑴ … ⒇

/**
 * Match a marker at the start of a folded paragraph; null when there is none. A marker must be
 * followed by content, except in a table cell of its own (`cell: true`).
 */
export function matchMarker(folded: string, cell = false): MarkerMatch | null {
  const c = folded.charCodeAt(0);
  if (c >= CIRCLED_START && c < CIRCLED_START + 20) return done("circled", String(c - CIRCLED_START + 1), 1, folded, cell);
  if (c >= PAREN_DIGIT_START && c < PAREN_DIGIT_START + 20) return done("numParen", String(c - PAREN_DIGIT_START + 1), 1, folded, cell);
  let m = c === 0x7b2c /* 第 */ ? ARTICLE.exec(folded) : null;
  if (m) return done(ARTICLE_FAMILY[m[2]!]!, m[1]!, m[0].length, folded, cell);
  m = ZH.exec(folded);
  if (m) return done("zh", m[1]!, m[0].length, folded, cell);
  m = ZH_PAREN.exec(folded);
  if (m) return done("zhParen", m[1]!, m[0].length, folded, cell);
  m = NUM_PAREN.exec(folded);
  if (m) return done("numParen", m[1] ?? m[2]!, m[0].length, folded, cell);
  m = NUM.exec(folded);
  if (m) return done("num", m[1]!, m[0].length, folded, cell);
  return null;
}

function done(family: MarkerFamily, printed: string, length: number, folded: string, cell: boolean): MarkerMatch | null {
  // A marker must be followed by content (a bare "1." line is a page number or list debris);
  // checked before the numeral is read, as most such lines are.
  let len = length;
  while (folded[len] === " ") len++;
  if (len >= folded.length && !cell) return null;
  const ordinal = zhNumber(printed);
  if (ordinal === null || ordinal <= 0) return null;
  return { family, ordinal, markerLength: length, length: len };
}
