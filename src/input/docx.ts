/**
 * Word 文档 (.docx, Office Open XML) reader. mammoth turns the document into semantic HTML (paragraphs,
 * headings, real tables); the HTML block walker makes blocks of it, and `source` is the text of
 * those blocks, one line each (table rows as TAB-separated lines), so spans point into plain text.
 * Automatic numbering (一、 （一） 1.) is written into the paragraphs first: mammoth would drop it.
 */
import mammoth from "mammoth";
import { GongkaiError } from "../errors.js";
import type { Block, DecodedInput } from "../text/blocks.js";
import { withVisibleNumbering } from "./docx-numbering.js";
import { fragmentBlocks } from "./html.js";
import type { ReadOptions } from "./index.js";
import { readSandboxed } from "./sandbox.js";

/** Read a .docx on the reader thread (sandbox.ts): a hostile file is stopped from outside. */
export function readDocx(bytes: Uint8Array, opts: ReadOptions): Promise<DecodedInput> {
  return readSandboxed("docx", bytes, opts, () => readDocxInProcess(bytes, opts));
}

export async function readDocxInProcess(bytes: Uint8Array, _opts: ReadOptions): Promise<DecodedInput> {
  let html: string;
  try {
    const buffer = await withVisibleNumbering(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    ({ value: html } = await mammoth.convertToHtml({ buffer }, { ignoreEmptyParagraphs: true }));
  } catch (e) {
    const detail = e instanceof Error ? ` (${e.message.split("\n")[0]})` : "";
    throw new GongkaiError("E_DOCX_CORRUPT", `the Word file is corrupt or not a .docx${detail}`, {
      hint: "open and re-save it in Word or LibreOffice; old .doc files must be saved as .docx",
      cause: e,
    });
  }
  const htmlBlocks = fragmentBlocks(html);
  if (!htmlBlocks.some((b) => b.text.trim() !== "")) throw new GongkaiError("E_EMPTY", "the Word file holds no text");
  // Re-base the blocks onto a plain-text source: one line per block.
  let source = "";
  const blocks: Block[] = [];
  for (const b of htmlBlocks) {
    const text = b.text.replace(/[\r\n]+/gu, " ");
    const start = source.length;
    source += `${text}\n`;
    const offsets = Int32Array.from({ length: text.length }, (_, i) => start + i);
    blocks.push({ text, offsets, end: start + text.length, ...(b.kind ? { kind: b.kind } : {}) });
  }
  return { format: "docx", encoding: null, source, blocks };
}
