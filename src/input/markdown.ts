/**
 * Markdown → blocks, through the mdast tree (remark-parse + GFM tables + YAML front matter).
 * Every character of a block keeps its offset in the Markdown source; markup (#, **, ---) never
 * reaches the text. Heading levels are ignored: levels come from the number markers.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkFrontmatter from "remark-frontmatter";
import { parse as parseYaml } from "yaml";
import type { Nodes, Root, RootContent, PhrasingContent } from "mdast";
import { type Block, type DecodedInput, lineBlocks } from "../text/blocks.js";
import { markdownOverLimit } from "./markdown-guard.js";
import { readMarkdownFast } from "./markdown-fast.js";
import { simpleFrontMatter } from "./front-matter.js";

interface Acc {
  codes: number[];
  offs: number[];
}

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

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

export function readMarkdown(source: string, encoding: string | null): DecodedInput {
  const over = markdownOverLimit(source);
  if (over !== null) return { format: "markdown", encoding, source, blocks: lineBlocks(source), warnings: [{ code: "W_MARKDOWN_AS_TEXT", message: over }] };
  // the plain shape most notices have is read in one pass; anything else goes through the tree
  const fast = readMarkdownFast(source);
  if (!fast) return readMarkdownTree(source, encoding);
  const meta: Record<string, string> = {};
  if (fast.frontMatter !== null) frontMatterMeta(fast.frontMatter, meta);
  return { format: "markdown", encoding, source, blocks: fast.blocks, meta };
}

/** Markdown through remark's mdast tree (within the size guard's limits). */
export function readMarkdownTree(source: string, encoding: string | null): DecodedInput {
  const tree = processor.parse(source) as Root;
  const blocks: Block[] = [];
  const meta: Record<string, string> = {};

  const flush = (acc: Acc, end: number, kind?: Block["kind"]): void => {
    if (acc.codes.length === 0) return;
    let text = "";
    for (let k = 0; k < acc.codes.length; k += 8192) text += String.fromCharCode(...acc.codes.slice(k, k + 8192));
    blocks.push({ text, offsets: Int32Array.from(acc.offs), end, ...(kind ? { kind } : {}) });
    acc.codes = [];
    acc.offs = [];
  };

  const inline = (node: PhrasingContent | Nodes, acc: Acc, kind?: Block["kind"]): void => {
    switch (node.type) {
      case "text":
      case "inlineCode": {
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? start;
        const offs = alignValue(node.value, source, start, end);
        for (let i = 0; i < node.value.length; i++) {
          const c = node.value.charCodeAt(i);
          // A soft line break: the source line ends here, and line starts carry structure (一、 （一） 1.).
          if (c === 10 && node.type === "text") {
            flush(acc, offs[i]!, kind);
            continue;
          }
          acc.codes.push(c);
          acc.offs.push(offs[i]!);
        }
        return;
      }
      case "break":
        flush(acc, node.position?.start.offset ?? 0, kind);
        return;
      case "html":
        return;
      default:
        if ("children" in node) for (const c of node.children as Nodes[]) inline(c, acc, kind);
    }
  };

  const block = (node: RootContent | Root): void => {
    switch (node.type) {
      case "yaml":
        frontMatterMeta(node.value, meta);
        return;
      case "heading":
      case "paragraph": {
        const acc: Acc = { codes: [], offs: [] };
        const kind = node.type === "heading" ? "heading" : undefined;
        for (const c of node.children) inline(c, acc, kind);
        flush(acc, node.position?.end.offset ?? 0, kind);
        return;
      }
      case "table": {
        for (const row of node.children) {
          const acc: Acc = { codes: [], offs: [] };
          row.children.forEach((cell, i) => {
            if (i > 0) {
              acc.codes.push(9);
              acc.offs.push(cell.position?.start.offset ?? 0);
            }
            for (const c of cell.children) inline(c, acc);
          });
          flush(acc, row.position?.end.offset ?? 0, "row");
        }
        return;
      }
      case "blockquote":
        // A quote before anything else (under the front matter) is the note of whoever saved the page
        // ("本文正文由脚本……提取，仅供检索"), not the notice.
        if (blocks.length === 0) return;
        for (const c of node.children) block(c);
        return;
      case "code": {
        // A fenced block in a notice is usually pasted plain text: keep its lines.
        const start = (node.position?.start.offset ?? 0);
        const body = source.slice(start, node.position?.end.offset ?? start);
        const firstNl = body.indexOf("\n");
        let pos = start + (firstNl >= 0 ? firstNl + 1 : 0);
        for (const line of node.value.split("\n")) {
          const i = source.indexOf(line, pos);
          const at = i >= 0 ? i : pos;
          blocks.push({ text: line, offsets: Int32Array.from({ length: line.length }, (_, k) => at + k), end: at + line.length });
          pos = at + line.length;
        }
        return;
      }
      default:
        if ("children" in node) for (const c of node.children as RootContent[]) block(c);
    }
  };

  block(tree);
  return { format: "markdown", encoding, source, blocks, meta };
}

/** The scalar fields of YAML front matter, as strings. */
function frontMatterMeta(yaml: string, meta: Record<string, string>): void {
  const simple = simpleFrontMatter(yaml);
  if (simple) {
    Object.assign(meta, simple);
    return;
  }
  try {
    const data: unknown = parseYaml(yaml);
    if (data && typeof data === "object") {
      for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
        if (v !== null && v !== undefined && typeof v !== "object") meta[k] = String(v);
      }
    }
  } catch {
    // malformed front matter: ignore, it is metadata only
  }
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
