/**
 * Markdown through remark's mdast tree (remark-parse + GFM tables + YAML front matter), and front
 * matter through the YAML parser: the readers for what the one-pass reader (markdown-fast.ts) does
 * not take. Loaded on first need (see `loadMarkdownTree` in markdown.ts); importing it makes it
 * available to the sync readers.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkFrontmatter from "remark-frontmatter";
import { parse as parseYaml } from "yaml";
import type { Nodes, Root, RootContent, PhrasingContent } from "mdast";
import type { Block, DecodedInput } from "../text/blocks.js";
import { alignValue, frontMatterMeta, provideMarkdownTree } from "./markdown.js";

interface Acc {
  codes: number[];
  offs: number[];
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

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

/** The scalar fields of YAML front matter, as strings, through the YAML parser. */
function yamlMeta(yaml: string, meta: Record<string, string>): void {
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

provideMarkdownTree({ readMarkdownTree, yamlMeta });
