/**
 * Blocks: the physical lines (or block elements) of an input, each character mapped back to its
 * offset in the decoded source. Readers produce blocks; `paragraphs.ts` joins them.
 */
import type { InputFormat } from "../schema.js";
import { isCjk, isSpace } from "./chars.js";

export interface Block {
  /** Text as read. A TAB separates the cells of a table row. */
  readonly text: string;
  /** offsets[i] is the source offset of text[i]. */
  readonly offsets: Int32Array;
  /** Source offset just after the block. */
  readonly end: number;
  /** Hint from structured readers (markdown, html, docx): a heading or a table row. */
  readonly kind?: "heading" | "row";
  /** 1-based page (PDF). */
  readonly page?: number;
}

/** What a reader returns: the decoded source that all spans point into, cut into blocks. */
export interface DecodedInput {
  readonly format: InputFormat;
  readonly encoding: string | null;
  /** The decoded text. Task spans (start/end/line) are offsets into this string. */
  readonly source: string;
  readonly blocks: Block[];
  readonly pages?: number;
  /** Metadata found outside the text flow (YAML front matter, HTML meta): e.g. { 文号: "…" }. */
  readonly meta?: Readonly<Record<string, string>>;
  /** What the reader noticed but could recover from (e.g. pages without a text layer); passed on as warnings. */
  readonly warnings?: readonly { code: string; message: string }[];
}

/** Make a block from a slice of the source [start, end). */
export function sliceBlock(source: string, start: number, end: number, extra?: { kind?: Block["kind"]; page?: number }): Block {
  const offsets = new Int32Array(end - start);
  for (let i = 0; i < offsets.length; i++) offsets[i] = start + i;
  return { text: source.slice(start, end), offsets, end, ...(extra?.kind ? { kind: extra.kind } : {}), ...(extra?.page ? { page: extra.page } : {}) };
}

/** Split a plain-text source into line blocks (LF, CRLF or CR). Empty lines carry nothing and are skipped. */
export function lineBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  const n = source.length;
  // One identity map for the whole text; each line is a view into it (no per-line allocation).
  const identity = new Int32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? source.charCodeAt(i) : 10;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      if (i === start) {
        if (c === 13 && source.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
        continue;
      }
      blocks.push({ text: source.slice(start, i), offsets: identity.subarray(start, i), end: i });
      if (c === 13 && source.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return blocks;
}

/** A piece of text with its source offsets (a cleaned line, a paragraph, a cell). */
export interface Seg {
  text: string;
  offsets: Int32Array;
  end: number;
}

const TAB = 9;

/**
 * Clean one line: drop leading/trailing white space and white space next to CJK characters
 * (CJK text has no spaces: "2022 年 5月" → "2022年5月"); collapse white space between two
 * non-CJK characters to one space ("IPv6 升级" → "IPv6升级", "1. 2022" → "1. 2022").
 * TABs are kept, each of them: they separate table cells, and an empty cell is still a cell.
 */
export function cleanLine(block: { text: string; offsets: Int32Array; end: number; kind?: Block["kind"] }): Seg {
  const { text, offsets } = block;
  // Leading/trailing TABs are indentation in a text file, but empty edge cells in a real table row.
  const edgeTabs = block.kind === "row";
  if (!/[\s\u2000-\u200b\u202f\u205f\ufeff]/u.test(text)) return block; // nothing to clean
  const out: number[] = [];
  const offs: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === TAB) {
      let j = i;
      let tabs = 0;
      while (j < n && (isSpace(text.charCodeAt(j)) || text.charCodeAt(j) === TAB)) {
        if (text.charCodeAt(j) === TAB) tabs++;
        j++;
      }
      if (tabs > 0 && ((out.length > 0 && j < n) || edgeTabs)) {
        // one TAB per TAB: an empty cell is a cell
        for (let t = 0; t < tabs; t++) {
          out.push(TAB);
          offs.push(offsets[i]!);
        }
      } else if (out.length > 0 && j < n) {
        const prev = out[out.length - 1]!;
        const next = text.charCodeAt(j);
        if (!isCjk(prev) && !isCjk(next) && prev !== TAB) {
          out.push(32);
          offs.push(offsets[i]!);
        }
      }
      i = j;
      continue;
    }
    out.push(c);
    offs.push(offsets[i]!);
    i++;
  }
  return segFromCodes(out, offs, block.end);
}

/** Build a segment from UTF-16 codes; String.fromCharCode(...big) would overflow the stack, so chunk it. */
export function segFromCodes(codes: number[], offs: number[], end: number): Seg {
  let text = "";
  for (let k = 0; k < codes.length; k += 8192) text += String.fromCharCode(...codes.slice(k, k + 8192));
  return { text, offsets: Int32Array.from(offs), end };
}

/** Concatenate segments (no separator: CJK text is joined as it is). */
export function joinSegs(parts: readonly Seg[]): Seg {
  let text = "";
  const offsets = new Int32Array(parts.reduce((a, p) => a + p.text.length, 0));
  let k = 0;
  for (const p of parts) {
    text += p.text;
    offsets.set(p.offsets, k);
    k += p.offsets.length;
  }
  return { text, offsets, end: parts.length ? parts[parts.length - 1]!.end : 0 };
}

/** Sub-segment [from, to) of a segment. */
export function subSeg(seg: Seg, from: number, to: number): Seg {
  return { text: seg.text.slice(from, to), offsets: seg.offsets.subarray(from, to), end: to < seg.text.length ? seg.offsets[to]! : seg.end };
}
