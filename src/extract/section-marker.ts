/**
 * 序号 (number markers) of the section tree. The level is decided by the marker family, never by
 * Markdown heading level or indentation:
 *
 *   一、 → （一） / (一) → 1. / 1． / 1、 → （1） / (1) / ⑴ / 1） → ① …
 *   ^^                                       family "zh" (level 1) … family "circled" (level 5)
 */
import { zhNumber } from "./zh-numerals.js";

export type MarkerFamily = "zh" | "zhParen" | "num" | "numParen" | "circled";

export const FAMILY_LEVEL: Readonly<Record<MarkerFamily, number>> = { zh: 1, zhParen: 2, num: 3, numParen: 4, circled: 5 };

export interface MarkerMatch {
  readonly family: MarkerFamily;
  readonly ordinal: number;
  /** Length of the marker (including 、 or the closing bracket). */
  readonly markerLength: number;
  /** Where the item's content starts (after the marker and any space). */
  readonly length: number;
}

// On folded text: （）→(), ．→.
const ZH = /^([一二三四五六七八九十百]{1,4})[、.](?![\d.])/u;
const ZH_PAREN = /^\( ?([一二三四五六七八九十百]{1,4}) ?\)/u;
const NUM = /^(\d{1,3}) ?(?:\.(?![\d.])|、)/u;
const NUM_PAREN = /^(?:\( ?(\d{1,3}) ?\)|(\d{1,2})\)(?!\d))/u;
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
  let m = ZH.exec(folded);
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
