/**
 * Reading inputs: format detection by content first (a PDF named .txt is still a PDF), then by
 * extension; each format has its own reader returning a DecodedInput. Heavy readers (PDF, Word,
 * HTML) are imported lazily so that start-up stays small.
 */
import { GongkaiError } from "../errors.js";
import type { InputFormat } from "../schema.js";
import { lineBlocks, type DecodedInput } from "../text/blocks.js";
import { decodeText } from "./decode.js";
import { looksLikeMarkdown, readMarkdown } from "./markdown.js";

export type ReadableFormat = Exclude<InputFormat, "json">;

export interface ReadOptions {
  /** Path or file name, used only for the extension hint and messages. */
  path?: string | null;
  /** Force a format instead of detecting it. */
  format?: ReadableFormat;
  /** Force a text encoding. */
  encoding?: string;
  /** Password for an encrypted PDF. */
  password?: string;
}

const EXT: Record<string, ReadableFormat> = {
  ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".pdf": "pdf",
  ".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html",
};

function extOf(path: string | null | undefined): string {
  if (!path) return "";
  const m = /\.[A-Za-z0-9]+$/u.exec(path);
  return m ? m[0].toLowerCase() : "";
}

/** Sniff the container from its first bytes. */
export function sniffFormat(bytes: Uint8Array, path?: string | null): ReadableFormat {
  const head = Buffer.from(bytes.subarray(0, 1024));
  const at = head.indexOf("%PDF-");
  if (at >= 0 && at < 1024) return "pdf";
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "docx";
  const ext = EXT[extOf(path)];
  const start = head.toString("latin1").replace(/^\uFEFF|^\xEF\xBB\xBF/u, "").trimStart().toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html") || (ext === "html" && start.startsWith("<"))) return "html";
  if (ext === "pdf" || ext === "docx") return "text"; // misnamed text: the magic bytes decide
  return ext ?? "text";
}

/** Decode a text or Markdown string (already decoded) into blocks. */
export function readTextString(text: string, format: "text" | "markdown" | undefined, encoding: string | null): DecodedInput {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fmt = format ?? (looksLikeMarkdown(source) ? "markdown" : "text");
  if (fmt === "markdown") return readMarkdown(source, encoding);
  return { format: "text", encoding, source, blocks: lineBlocks(source) };
}

/** Read any supported input from bytes. */
export async function readInput(bytes: Uint8Array, opts: ReadOptions = {}): Promise<DecodedInput> {
  if (bytes.length === 0) throw new GongkaiError("E_EMPTY", "the file is empty");
  const format = opts.format ?? sniffFormat(bytes, opts.path);
  switch (format) {
    case "pdf": {
      const { readPdf } = await import("./pdf.js");
      return readPdf(bytes, opts);
    }
    case "docx": {
      const { readDocx } = await import("./docx.js");
      return readDocx(bytes, opts);
    }
    case "html": {
      const { readHtml } = await import("./html.js");
      const { text, encoding } = decodeText(bytes, opts.encoding);
      return readHtml(text, encoding);
    }
    case "text":
    case "markdown": {
      const { text, encoding } = decodeText(bytes, opts.encoding);
      if (text.trim() === "") throw new GongkaiError("E_EMPTY", "the file holds only white space");
      const byExt = EXT[extOf(opts.path)];
      const forced = opts.format ?? (byExt === "markdown" ? "markdown" : undefined);
      return readTextString(text, forced as "text" | "markdown" | undefined, encoding);
    }
  }
}
