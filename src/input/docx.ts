/**
 * Word 文档 (.docx, Office Open XML) reader. mammoth turns the document into semantic HTML (paragraphs,
 * headings, real tables); the HTML block walker makes blocks of it, and `source` is the text of
 * those blocks, one line each (table rows as TAB-separated lines), so spans point into plain text.
 * Automatic numbering (一、 （一） 1.) is written into the paragraphs first: mammoth would drop it.
 */
import JSZip from "jszip";
import mammoth from "mammoth";
import { GongkaiError } from "../errors.js";
import { libText, type Text } from "../messages.js";
import type { Block, DecodedInput } from "../text/blocks.js";
import { withVisibleNumbering } from "./docx-numbering.js";
import { fragmentBlocks } from "./html.js";
import type { ReadOptions } from "./types.js";
import { readSandboxed } from "./sandbox.js";

/** Read a .docx on the reader thread (sandbox.ts): a hostile file is stopped from outside. */
export function readDocx(bytes: Uint8Array, opts: ReadOptions): Promise<DecodedInput> {
  return readSandboxed("docx", bytes, opts, () => readDocxInProcess(bytes, opts));
}

/** At most this much XML (document, numbering, styles… as the zip declares them) is unpacked: a small zip can hold gigabytes. */
export const DOCX_MAX_EXPANDED = 32 * 1024 * 1024;
/** Deepest element nesting read (Word's own documents stay under ~60; mammoth recurses per level). */
export const DOCX_MAX_DEPTH = 512;

const tooBig = (what: Text): GongkaiError =>
  new GongkaiError("E_TOO_LARGE", what, { hint: libText("docxBombHint") });

/** The unpacked size of the XML parts, from the zip directory, before anything is unpacked. */
async function checkExpandedSize(buffer: Buffer): Promise<void> {
  const zip = await JSZip.loadAsync(buffer);
  let total = 0;
  zip.forEach((name, file) => {
    const size = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (/\.(?:xml|rels)$/iu.test(name)) total += size;
  });
  if (total > DOCX_MAX_EXPANDED) {
    throw tooBig(libText("docxTooBig", { mb: (total / 1024 ** 2).toFixed(0), max: DOCX_MAX_EXPANDED / 1024 ** 2 }));
  }
  const document = zip.file("word/document.xml");
  if (document) {
    const depth = maxDepth(await document.async("string"));
    if (depth > DOCX_MAX_DEPTH) throw tooBig(libText("docxTooDeep", { depth, max: DOCX_MAX_DEPTH }));
  }
}

/** Deepest element nesting of an XML string, by a linear scan of its tags (stops counting past the limit). */
export function maxDepth(xml: string): number {
  let depth = 0;
  let max = 0;
  for (let i = xml.indexOf("<"); i >= 0; i = xml.indexOf("<", i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x2f) depth--; // </
    else if (next !== 0x3f && next !== 0x21) {
      // <? and <! are not elements
      const end = xml.indexOf(">", i);
      if (end < 0) break;
      if (xml.charCodeAt(end - 1) !== 0x2f) depth++;
      if (depth > max) max = depth;
      if (max > DOCX_MAX_DEPTH) return max;
      i = end;
    }
  }
  return max;
}

/** The text without the TABs (and the spaces among them) at its two ends: a scan, no end-anchored pattern. */
function trimTabs(text: string): string {
  const pad = (c: string | undefined): boolean => c === "\t" || c === " ";
  let a = 0;
  let b = text.length;
  while (a < b && pad(text[a])) a++;
  while (b > a && pad(text[b - 1])) b--;
  if (!text.slice(a, b).includes("\t") && !text.slice(0, a).includes("\t") && !text.slice(b).includes("\t")) return text;
  return text.slice(a, b);
}

export async function readDocxInProcess(bytes: Uint8Array, _opts: ReadOptions): Promise<DecodedInput> {
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await checkExpandedSize(buffer);
    const numbered = await withVisibleNumbering(buffer);
    ({ value: html } = await mammoth.convertToHtml({ buffer: numbered }, { ignoreEmptyParagraphs: true }));
  } catch (e) {
    if (e instanceof GongkaiError) throw e;
    throw new GongkaiError("E_DOCX_CORRUPT", e instanceof Error ? libText("docxCorruptDetail", { error: e.message.split("\n")[0] ?? "" }) : libText("docxCorrupt"), {
      hint: libText("resaveDocx"),
      cause: e,
    });
  }
  const htmlBlocks = fragmentBlocks(html, { tabs: true });
  if (!htmlBlocks.some((b) => b.text.trim() !== "")) throw new GongkaiError("E_EMPTY", libText("wordNoText"));
  // Re-base the blocks onto a plain-text source: one line per block.
  let source = "";
  const blocks: Block[] = [];
  for (const b of htmlBlocks) {
    // a run of tab stops aligns one column; tabs before or after the text only indent it
    const text = trimTabs(b.text.replace(/[\r\n]+/gu, " ").replace(/\t+/gu, "\t"));
    const start = source.length;
    source += `${text}\n`;
    const offsets = Int32Array.from({ length: text.length }, (_, i) => start + i);
    blocks.push({ text, offsets, end: start + text.length, ...(b.kind ? { kind: b.kind } : {}) });
  }
  return { format: "docx", encoding: null, source, blocks };
}
