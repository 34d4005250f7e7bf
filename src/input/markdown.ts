/**
 * Markdown → blocks, through the mdast tree (remark-parse + GFM tables + YAML front matter).
 * Every character of a block keeps its offset in the Markdown source; markup (#, **, ---) never
 * reaches the text. Heading levels are ignored: levels come from the number markers.
 */
import { type DecodedInput, lineBlocks } from "../text/blocks.js";
import { markdownOverLimit } from "./markdown-guard.js";
import { readMarkdownFast } from "./markdown-fast.js";
import { simpleFrontMatter } from "./front-matter.js";

/** Bounded look-ahead when aligning a node's value with its source slice (keeps alignment linear). */
const ALIGN_WINDOW = 16;

/**
 * Source offset of each character of a text node's value. The value is the source slice minus
 * escapes (\*), entity bodies (&amp;) and the indentation of continuation lines, in order: walk
 * both, looking a few characters ahead; a character the source does not show (a decoded numeric
 * entity) maps to where the walk stands.
 */
export function alignValue(value: string, source: string, start: number, end: number): Int32Array {
  const offs = new Int32Array(value.length);
  const last = Math.max(start, end - 1);
  let p = start;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const limit = Math.min(end, p + ALIGN_WINDOW);
    let q = p;
    while (q < limit && source.charCodeAt(q) !== c) q++;
    if (q < limit) {
      offs[i] = q;
      p = q + 1;
    } else offs[i] = Math.min(p, last);
  }
  return offs;
}

export function readMarkdown(source: string, encoding: string | null): DecodedInput {
  const over = markdownOverLimit(source);
  if (over !== null) return { format: "markdown", encoding, source, blocks: lineBlocks(source), warnings: [{ code: "W_MARKDOWN_AS_TEXT", message: over }] };
  // the plain shape most notices have is read in one pass; anything else goes through the tree
  const fast = readMarkdownFast(source);
  if (!fast) return treeModule().readMarkdownTree(source, encoding);
  const meta: Record<string, string> = {};
  if (fast.frontMatter !== null) frontMatterMeta(fast.frontMatter, meta);
  return { format: "markdown", encoding, source, blocks: fast.blocks, meta };
}

/** The scalar fields of YAML front matter, as strings: plain `key: value` lines directly, the rest through the YAML parser. */
export function frontMatterMeta(yaml: string, meta: Record<string, string>): void {
  const simple = simpleFrontMatter(yaml);
  if (simple) Object.assign(meta, simple);
  else treeModule().yamlMeta(yaml, meta);
}

/**
 * The readers behind the plain shape — remark's mdast tree and the YAML parser — in their own
 * module, loaded when a notice first needs them (most Markdown notices never do, and loading them
 * costs a worker a quarter of a second). The async path (`readInput`) loads it and retries; sync
 * callers get it from the library entry (src/index.ts), which imports it.
 */
export interface MarkdownTreeModule {
  readonly readMarkdownTree: (source: string, encoding: string | null) => DecodedInput;
  readonly yamlMeta: (yaml: string, meta: Record<string, string>) => void;
}
let tree: MarkdownTreeModule | null = null;

/** Called by markdown-tree.ts when it loads. */
export function provideMarkdownTree(m: MarkdownTreeModule): void {
  tree = m;
}

/** Thrown (and caught by `readInput`) when a notice needs the tree module before it is loaded. */
export class MarkdownTreeNeeded extends Error {
  constructor() {
    super("the Markdown tree reader is not loaded (import src/input/markdown-tree.js, or read through readInput)");
  }
}

function treeModule(): MarkdownTreeModule {
  if (!tree) throw new MarkdownTreeNeeded();
  return tree;
}

/** Load the tree module (once). */
export async function loadMarkdownTree(): Promise<void> {
  if (!tree) await import("./markdown-tree.js");
}

/** Markdown sniff for files named .txt: ATX headings, bold runs, thematic breaks, pipe tables. */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 200_000);
  let score = 0;
  score += Math.min(3, (head.match(/^#{1,6}[ \t]+\S/gmu) ?? []).length);
  score += Math.min(2, (head.match(/\*\*[^*\n]{1,200}\*\*/gu) ?? []).length);
  score += Math.min(1, (head.match(/^(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gmu) ?? []).length);
  score += Math.min(2, (head.match(/^\|.*\|[ \t]*\n\|[ \t]*:?-{3,}/gmu) ?? []).length);
  return score >= 2;
}
