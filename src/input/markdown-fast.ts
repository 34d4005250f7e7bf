/**
 * Markdown → blocks without a syntax tree, for the plain shape most saved notices have: YAML front
 * matter, a leading block quote (the saver's note), ATX headings, paragraphs with `*` emphasis and
 * hard breaks, thematic breaks and simple pipe tables. remark costs ~2 µs per character (half of
 * the text bench's CPU); this reader is one pass over the lines.
 *
 * It gives exactly the blocks `readMarkdown` builds from the mdast tree, or `null` as soon as a
 * line leaves that shape (lists, links, code, HTML, escapes, entities, indentation, setext
 * headings, …): the caller then parses with remark. `tests/input/markdown-fast.test.ts` checks
 * both readers agree on every Markdown fixture and on generated documents.
 */
import type { Block } from "../text/blocks.js";

export interface FastMarkdown {
  readonly blocks: Block[];
  /** The YAML front matter's text (between the `---` fences), if any. */
  readonly frontMatter: string | null;
}

/** Characters that start inline syntax this reader does not model (escapes, code, links, HTML, entities, strikethrough, cells). */
const INLINE_STOP = /[\\`_~[\]<&|\t\r\uD800-\uDFFF]/u;
/** A line that starts a block this reader does not model: lists, fences, HTML, setext underlines, indentation. */
const BLOCK_STOP = /^(?:[-+*](?:[ \t]|$)|-+ *$|\d{1,9}[.)](?:[ \t]|$)|[`~<=\t ])/u;
const THEMATIC_BREAK = /^(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$/u;
const ATX = /^(?<hashes>#{1,6})(?: +|$)/u;
const DELIMITER_ROW = /^\|(?: *:?-+:? *\|)+$/u;

// micromark's character classes for emphasis (micromark-util-classify-character)
const WHITESPACE = /\s/u;
const PUNCTUATION = /\p{P}|\p{S}/u;
const enum Group { Other, Whitespace, Punctuation }
function classify(text: string, i: number): Group {
  if (i < 0 || i >= text.length) return Group.Whitespace;
  const ch = text[i]!;
  if (ch === " " || ch === "\n" || WHITESPACE.test(ch)) return Group.Whitespace;
  return PUNCTUATION.test(ch) ? Group.Punctuation : Group.Other;
}

interface Run {
  /** First `*` still unused, and one past the last. */
  start: number;
  end: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
}

/**
 * The `*` characters that emphasis consumes in one inline text (CommonMark "process emphasis",
 * with micromark's choice of characters: an opener gives up its inner end, a closer its inner
 * start). Returns a mask over `text`: 1 = markup, not text; null when the runs would cost more
 * than a few steps per character to pair (hostile input: left to remark and its guards).
 */
export function emphasisMask(text: string): Uint8Array | null {
  const mask = new Uint8Array(text.length);
  if (!text.includes("*")) return mask;
  const runs: Run[] = [];
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) !== 0x2a) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && text.charCodeAt(j) === 0x2a) j++;
    const before = classify(text, i - 1);
    const after = classify(text, j);
    const left = after !== Group.Whitespace && (after !== Group.Punctuation || before !== Group.Other);
    const right = before !== Group.Whitespace && (before !== Group.Punctuation || after !== Group.Other);
    runs.push({ start: i, end: j, canOpen: left, canClose: right });
    i = j;
  }
  // the delimiter stack: runs still available as openers, in order
  const stack: Run[] = [];
  let budget = 8 * text.length + 64;
  for (const closer of runs) {
    if (closer.canClose) {
      while (closer.end > closer.start) {
        let k = stack.length - 1;
        for (; k >= 0; k--) {
          if (--budget < 0) return null;
          const opener = stack[k]!;
          if (opener.end === opener.start) continue;
          // rule of 3, on what is left of both runs (as micromark counts)
          const open = opener.end - opener.start;
          const close = closer.end - closer.start;
          if ((opener.canClose || closer.canOpen) && close % 3 !== 0 && (open + close) % 3 === 0) continue;
          break;
        }
        if (k < 0) break;
        const opener = stack[k]!;
        const use = opener.end - opener.start >= 2 && closer.end - closer.start >= 2 ? 2 : 1;
        opener.end -= use;
        mask.fill(1, opener.end, opener.end + use);
        mask.fill(1, closer.start, closer.start + use);
        closer.start += use;
        // delimiters between opener and closer can no longer match
        stack.length = opener.end > opener.start ? k + 1 : k;
      }
    }
    if (closer.canOpen && closer.end > closer.start) stack.push(closer);
  }
  return mask;
}

/** Accumulates a block's characters with their source offsets. */
class Acc {
  codes: number[] = [];
  offs: number[] = [];
  constructor(private readonly out: Block[]) {}
  push(code: number, off: number): void {
    this.codes.push(code);
    this.offs.push(off);
  }
  flush(end: number, kind?: Block["kind"]): void {
    if (this.codes.length === 0) return;
    let text = "";
    for (let k = 0; k < this.codes.length; k += 8192) text += String.fromCharCode(...this.codes.slice(k, k + 8192));
    this.out.push({ text, offsets: Int32Array.from(this.offs), end, ...(kind ? { kind } : {}) });
    this.codes = [];
    this.offs = [];
  }
}

/** GFM autolink literals may take `*` into a URL: with both, leave it to remark. */
const AUTOLINK_HINT = /www\.|:\/\/|@/iu;

/**
 * One inline text [start, end) of the source: emphasis markup dropped, a line break flushes the
 * block (a soft break at the newline, a hard break of 2+ trailing spaces at the first space), the
 * spaces before a line break or at the end are not text. False when the text is out of shape.
 */
function inline(source: string, start: number, end: number, acc: Acc, kind?: Block["kind"]): boolean {
  const text = source.slice(start, end);
  if (text.includes("*") && AUTOLINK_HINT.test(text)) return false;
  const mask = emphasisMask(text);
  if (!mask) return false;
  for (let i = 0; i < text.length; i++) {
    if (mask[i]) continue;
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      let j = i;
      while (j < text.length && text.charCodeAt(j) === 0x20) j++;
      if (j === text.length) return true; // trailing spaces: not text
      if (text.charCodeAt(j) === 0x0a) {
        acc.flush(start + (j - i >= 2 ? i : j), kind);
        i = j;
        continue;
      }
    } else if (c === 0x0a) {
      acc.flush(start + i, kind);
      continue;
    }
    acc.push(c, start + i);
  }
  return true;
}

/** The blocks of a plain-shaped Markdown source, or null when it has anything else. */
export function readMarkdownFast(source: string): FastMarkdown | null {
  const blocks: Block[] = [];
  let frontMatter: string | null = null;
  let at = 0;
  const lineEnd = (from: number): number => {
    const nl = source.indexOf("\n", from);
    return nl < 0 ? source.length : nl;
  };
  if (source.startsWith("---\n")) {
    const close = source.indexOf("\n---", 3);
    if (close < 0) return null;
    const after = close + 4;
    if (after < source.length && source.charCodeAt(after) !== 0x0a) return null;
    frontMatter = source.slice(4, close);
    if (frontMatter.includes("\r")) return null;
    at = Math.min(source.length, after + 1);
  }
  // open paragraph: [paraStart, paraEnd) spans its lines; -1 when none
  let paraStart = -1;
  let paraEnd = -1;
  let state: "none" | "para" | "table" | "quote" = "none";
  let columns = 0;
  const acc = new Acc(blocks);
  const closePara = (): boolean => {
    const wasPara = state === "para";
    state = "none";
    if (!wasPara) return true;
    if (!inline(source, paraStart, paraEnd, acc)) return false;
    acc.flush(paraEnd);
    return true;
  };
  const row = (s: number, e: number): boolean => {
    const line = source.slice(s, e);
    if (line.length < 2 || !line.endsWith("|")) return false;
    let cell = s;
    let n = 0;
    for (let p = s + 1; p < e; p++) {
      if (source.charCodeAt(p) !== 0x7c) continue;
      if (n > 0) acc.push(9, cell);
      // the cell's text, trimmed of spaces
      let a = cell + 1;
      let b = p;
      while (a < b && source.charCodeAt(a) === 0x20) a++;
      while (b > a && source.charCodeAt(b - 1) === 0x20) b--;
      // emphasis in a cell sees the pipes around it: left to remark
      const content = source.slice(a, b);
      if (INLINE_STOP.test(content) || content.includes("*")) return false;
      inline(source, a, b, acc);
      cell = p;
      n++;
    }
    if (n !== columns) return false;
    acc.flush(e, "row");
    return true;
  };
  while (at < source.length) {
    const e = lineEnd(at);
    const line = source.slice(at, e);
    const next = e + 1;
    if (/^[ \t\r]*$/u.test(line)) {
      if (line.includes("\t") || line.includes("\r")) return null;
      if (!closePara()) return null;
      at = next;
      continue;
    }
    if (state === "quote") {
      if (!line.startsWith(">")) return null; // a lazy continuation line
      at = next;
      continue;
    }
    if (state === "table") {
      if (!line.startsWith("|")) return null;
      if (!row(at, e)) return null;
      at = next;
      continue;
    }
    const c = line.charCodeAt(0);
    if (c === 0x3e /* > */) {
      // only the saver's note before anything else, which readMarkdown drops
      if (state !== "none" || blocks.length > 0) return null;
      state = "quote";
      at = next;
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      if (state === "para") return null; // a setext heading underline
      at = next;
      continue;
    }
    if (BLOCK_STOP.test(line) || line.endsWith("\t")) return null;
    const atx = ATX.exec(line);
    if (atx) {
      if (!closePara()) return null;
      const s = at + atx[0].length;
      if (line.endsWith("#") || line.endsWith(" ") || INLINE_STOP.test(line)) return null;
      if (!inline(source, s, e, acc, "heading")) return null;
      acc.flush(e, "heading");
      at = next;
      continue;
    }
    if (c === 0x23 /* # without a space: text, but keep it simple */) return null;
    if (c === 0x7c /* | */) {
      if (state === "para") return null;
      const de = lineEnd(next);
      const delimiter = source.slice(next, de);
      if (next >= source.length || !DELIMITER_ROW.test(delimiter)) return null;
      columns = delimiter.split("|").length - 2;
      if (!row(at, e)) return null;
      state = "table";
      at = de + 1;
      continue;
    }
    if (INLINE_STOP.test(line)) return null;
    if (state !== "para") {
      state = "para";
      paraStart = at;
    }
    paraEnd = e;
    at = next;
  }
  if (state === "quote" || state === "table") state = "none";
  if (!closePara()) return null;
  return { blocks, frontMatter };
}
