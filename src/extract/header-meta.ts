/**
 * 元数据 printed in the text: a metadata block laid out as label/value cells or as aligned lines,
 * the forms a Word file or a web page gives to what a crawler writes as `key: value` lines:
 *
 *   文号 ⇥ 沪府办发〔2024〕3号                 a two-cell table row
 *   索引号 ⇥ 0001-2024-001 ⇥ 发布日期 ⇥ 2024-02-05   a four-cell row (two pairs)
 *   文号    沪府办发〔2024〕3号                  a label, spaces, the value
 *   发文字号：沪府办发〔2024〕3号                a label and a colon
 *
 * The labels are the metadata keys of site-meta.ts (GOLD.md "Header fields"), so every form reaches
 * the same rule as the text form's `key: value` lines. One label line alone may be a sentence of the
 * notice: a block needs two label pairs, or one that states a 文号 and nothing else.
 */
import { META_KEYS, squashKey } from "../text/site-meta.js";
import type { Paragraph } from "../text/paragraphs.js";
import type { SourceText } from "../text/source-text.js";
import { parseDocNumber } from "./doc-number.js";
import { printedLine } from "./span.js";

/** A label and its value, printed in paragraph `index`: the value is `text.slice(from, to)` of the paragraph. */
export interface MetaPair {
  readonly index: number;
  readonly key: string;
  readonly field: string | null;
  readonly value: string;
  readonly from: number;
  readonly to: number;
}

export interface PrintedMeta {
  /** Fields the block states (文号, 标题, 发文机关, 成文日期), first value kept. */
  readonly fields: Readonly<Record<string, MetaPair>>;
  /** Paragraphs that are lines of the block only: never the title. */
  readonly lines: ReadonlySet<number>;
  /** Paragraphs that start with lines of the block (joined with the line after them): characters to skip. */
  readonly lead: ReadonlyMap<number, number>;
}

/** Metadata blocks sit at the top of the text (a page's box, a Word file's header table). */
const META_SCAN = 40;
/** A label is short: the longest key is six characters, with some spacing inside it (`文  号`). */
const MAX_LABEL = 10;

const PAD = new Set([" ", "\t", "\u3000", "\u00a0"]);
const trimPad = (s: string): { text: string; at: number } => {
  let a = 0;
  let b = s.length;
  while (a < b && PAD.has(s[a]!)) a++;
  while (b > a && PAD.has(s[b - 1]!)) b--;
  return { text: s.slice(a, b), at: a };
};

/** The label a cell or line starts with (a known key, then a colon, white space or the end) and where the value starts. */
function leadingKey(s: string): { key: string; rest: number } | null {
  for (let k = 2; k <= Math.min(s.length, MAX_LABEL); k++) {
    const c = s[k];
    const ends = c === undefined || c === ":" || c === "：" || PAD.has(c);
    if (!ends) continue;
    const key = squashKey(s.slice(0, k));
    if (!META_KEYS.has(key)) continue;
    let r = k;
    while (r < s.length && (PAD.has(s[r]!) || s[r] === ":" || s[r] === "：")) r++;
    return { key, rest: r };
  }
  return null;
}

const pair = (index: number, key: string, value: string, from: number, to: number): MetaPair =>
  ({ index, key, field: META_KEYS.get(key) ?? null, value, from, to });

/** Label/value pairs of a table row: every non-empty cell is a label or its value (else it is a row of another table). */
function rowPairs(p: Paragraph, index: number): MetaPair[] {
  const out: MetaPair[] = [];
  const cells: { text: string; at: number }[] = [];
  let at = 0;
  for (const raw of p.text.split("\t")) {
    const t = trimPad(raw);
    cells.push({ text: t.text, at: at + t.at });
    at += raw.length + 1;
  }
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c]!;
    if (!cell.text) continue;
    const k = leadingKey(cell.text);
    if (!k) return [];
    if (k.rest < cell.text.length) {
      out.push(pair(index, k.key, cell.text.slice(k.rest), cell.at + k.rest, cell.at + cell.text.length)); // 索引号：xxx in one cell
    } else if (c + 1 < cells.length && cells[c + 1]!.text && !leadingKey(cells[c + 1]!.text)) {
      const v = cells[c + 1]!;
      out.push(pair(index, k.key, v.text, v.at, v.at + v.text.length));
      c++;
    }
  }
  return out;
}

/**
 * Label/value lines at the start of a paragraph (the text stage joins a short line with the next one).
 * The separator is looked for in the printed line: the cleaned text drops the spaces between Han characters.
 */
function linePairs(p: Paragraph, index: number, source: string): { pairs: MetaPair[]; lead: number; whole: boolean } {
  const pairs: MetaPair[] = [];
  let lead = 0;
  for (const line of p.lines) {
    if (line.text.length > 200 || line.offsets.length === 0) break;
    const printed = printedLine(line, source);
    const raw = trimPad(printed.text);
    const k = leadingKey(raw.text);
    if (!k || k.rest === 0 || k.rest >= raw.text.length || raw.text.length - k.rest > 160) break;
    const j = printed.at[raw.at + k.rest]!; // where the value starts in the cleaned line
    pairs.push(pair(index, k.key, raw.text.slice(k.rest), lead + j, lead + line.text.length));
    lead += line.text.length;
  }
  return { pairs, lead, whole: lead === p.text.length };
}

/** A 文号 field whose value is the number and nothing else. */
const isDocNumberPair = (m: MetaPair): boolean => {
  if (m.field !== "文号") return false;
  const d = parseDocNumber(m.value);
  return d !== null && squashKey(m.value).length === d.raw.length;
};

const cache = new WeakMap<SourceText, PrintedMeta>();

/** The metadata block printed at the top of the text, if any. */
export function printedMeta(text: SourceText): PrintedMeta {
  const hit = cache.get(text);
  if (hit) return hit;
  const ps = text.paragraphs;
  const pairs: MetaPair[] = [];
  const leads = new Map<number, { lead: number; whole: boolean }>();
  for (let i = 0; i < Math.min(ps.length, META_SCAN); i++) {
    const p = ps[i]!;
    if (p.row) {
      const row = rowPairs(p, i);
      pairs.push(...row);
      if (row.length) leads.set(i, { lead: p.text.length, whole: true });
    } else {
      const l = linePairs(p, i, text.source);
      pairs.push(...l.pairs);
      if (l.pairs.length) leads.set(i, l);
    }
  }
  const fields: Record<string, MetaPair> = {};
  const lines = new Set<number>();
  const lead = new Map<number, number>();
  if (pairs.length >= 2 || (pairs.length === 1 && isDocNumberPair(pairs[0]!))) {
    for (const m of pairs) if (m.field && !fields[m.field]) fields[m.field] = m;
    for (const [i, l] of leads) {
      if (l.whole) lines.add(i);
      else lead.set(i, l.lead);
    }
  }
  const out: PrintedMeta = { fields, lines, lead };
  cache.set(text, out);
  return out;
}

/** What the metadata around the notice states (front matter, crawler header, page meta) and, under it, what a printed block states. */
export function noticeMeta(text: SourceText): Readonly<Record<string, string>> {
  const printed = printedMeta(text).fields;
  const out: Record<string, string> = {};
  for (const [field, m] of Object.entries(printed)) out[field] = m.value;
  return { ...out, ...(text.input.meta ?? {}) };
}
