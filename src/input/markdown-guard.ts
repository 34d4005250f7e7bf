/**
 * What remark is given is bounded: its cost grows with nesting (nested lists and block quotes
 * cost about 50 s per MB at 1,000 levels) and with table cells. A Markdown file past these limits
 * is read as plain text lines, with a warning, instead of parsed.
 */
import { say } from "../messages.js";

/** Deepest block nesting (block quotes + list items) handed to remark. */
export const MARKDOWN_MAX_DEPTH = 32;
/** Most table cells (pipe-separated) handed to remark. */
export const MARKDOWN_MAX_TABLE_CELLS = 100_000;

export interface MarkdownShape {
  depth: number;
  cells: number;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Nesting and table size by one linear scan of the line starts: each `>` and each list marker
 * (`-`, `*`, `+`, `1.`, `1)`) before the text opens a level, and so does every two columns of
 * indentation before a list marker. Stops once both limits are passed.
 */
export function markdownShape(source: string): MarkdownShape {
  let depth = 0;
  let cells = 0;
  let at = 0;
  while (at < source.length) {
    let nl = source.indexOf("\n", at);
    if (nl < 0) nl = source.length;
    let i = at;
    let level = 0;
    let indent = 0;
    for (;;) {
      let cols = 0;
      while (i < nl && isSpace(source.charCodeAt(i))) cols += source.charCodeAt(i++) === 0x09 ? 4 : 1;
      const c = source.charCodeAt(i);
      if (i >= nl) break;
      if (c === 0x3e) {
        level++; // >
        i++;
        continue;
      }
      let j = i;
      if (c === 0x2d || c === 0x2a || c === 0x2b) j = i + 1;
      else if (isDigit(c)) {
        while (j < nl && j - i < 9 && isDigit(source.charCodeAt(j))) j++;
        const d = source.charCodeAt(j);
        j = d === 0x2e || d === 0x29 ? j + 1 : i;
      }
      if (j > i && (j >= nl || isSpace(source.charCodeAt(j)))) {
        indent += cols;
        level++;
        i = j;
        continue;
      }
      break;
    }
    depth = Math.max(depth, level + Math.floor(indent / 2));
    if (source.charCodeAt(i) === 0x7c) {
      // | a | b | : a table row
      for (let k = i; k < nl; k++) if (source.charCodeAt(k) === 0x7c) cells++;
    }
    if (depth > MARKDOWN_MAX_DEPTH && cells > MARKDOWN_MAX_TABLE_CELLS) break;
    at = nl + 1;
  }
  return { depth, cells };
}

/** Why the Markdown is not handed to remark, or null when it may be. One line. */
export function markdownOverLimit(source: string): string | null {
  const { depth, cells } = markdownShape(source);
  if (depth > MARKDOWN_MAX_DEPTH) return say("markdownTooDeep", { depth, max: MARKDOWN_MAX_DEPTH });
  if (cells > MARKDOWN_MAX_TABLE_CELLS) return say("markdownTooManyCells", { cells, max: MARKDOWN_MAX_TABLE_CELLS });
  return null;
}
