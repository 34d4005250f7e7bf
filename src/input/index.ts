/**
 * Reading inputs: format detection by content first (a PDF named .txt is still a PDF), then by
 * extension; each format has its own reader returning a DecodedInput. Heavy readers (PDF, Word,
 * HTML) are imported lazily so that start-up stays small.
 */
import { GongkaiError } from "../errors.js";
import { libText, type Text } from "../messages.js";
import { lineBlocks, type DecodedInput } from "../text/blocks.js";
import { isUtf8 } from "node:buffer";
import { decodeText, encodingName } from "./decode.js";
import { looksLikeMarkdown, readMarkdown } from "./markdown.js";
import { readSiteText } from "../text/site-meta.js";
import { encryptedError, isOle, oleKind } from "./ole.js";

export type { ReadableFormat, ReadOptions } from "./types.js";
import type { ReadableFormat, ReadOptions } from "./types.js";

const EXT: Record<string, ReadableFormat> = {
  ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".pdf": "pdf",
  ".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html", ".doc": "doc", ".dot": "doc", ".wps": "doc", ".ofd": "ofd",
  ".xlsx": "xlsx", ".xls": "xls", ".et": "xls",
};

/** Kingsoft extensions whose files are read only when they are the Word/Excel-compatible OLE2 format. */
const KINGSOFT: Record<string, string> = { ".wps": ".docx", ".et": ".xlsx" };

function extOf(path: string | null | undefined): string {
  if (!path) return "";
  const m = /\.[A-Za-z0-9]+$/u.exec(path);
  return m ? m[0].toLowerCase() : "";
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);


/** Containers we recognise but do not read: a clear E_UNSUPPORTED beats "binary" or garbage. */
function unsupported(bytes: Uint8Array): { what: Text; hint: Text } | null {
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { what: libText("kindRtf"), hint: libText("saveAsDocxOrText") };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { what: libText("kindImage"), hint: libText("ocrFirst") };
  }
  return null;
}

const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05 || bytes[2] === 0x07);

/** A zip with a word/document.xml part (its name is stored uncompressed in the zip headers). */
/** A zip with an xl/workbook.xml part: an .xlsx workbook. */
const isXlsxZip = (bytes: Uint8Array): boolean => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf("xl/workbook.xml", 0, "latin1") >= 0;

const isDocxZip = (bytes: Uint8Array): boolean => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf("word/document.xml", 0, "latin1") >= 0;

/** A zip with an OFD.xml entry at its root (GB/T 33190) and no Word part. */
const isOfdZip = (bytes: Uint8Array): boolean => {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = b.indexOf("OFD.xml", 0, "latin1"); at >= 0; at = b.indexOf("OFD.xml", at + 7, "latin1")) {
    if (b[at - 1] !== 0x2f && !isDocxZip(bytes)) return true; // not inside a folder: the name follows the zip header directly
  }
  return false;
};

/** Markup start of an HTML page, after a BOM, white space, an XML declaration and comments. */
function looksLikeHtml(head: string): boolean {
  const start = head
    .replace(/^(?:\uFEFF|\xEF\xBB\xBF)/u, "")
    .replace(/^(?:\s+|<\?xml[^>]*>|<!--[\s\S]*?-->)*/u, "")
    .toLowerCase();
  return /^<(?:!doctype html|html|head|body|meta|title)\b/u.test(start);
}

/** The charset a page declares (`<meta charset>` or http-equiv), if it is one we know. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  // scanned by hand: a pattern over "<meta … charset=…" backtracks badly on hostile markup
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1").toLowerCase();
  for (let at = head.indexOf("charset"); at >= 0; at = head.indexOf("charset", at + 7)) {
    const meta = head.lastIndexOf("<meta", at);
    if (meta < 0 || head.lastIndexOf(">", at) > meta) continue; // not inside a <meta> tag
    let i = at + 7;
    const skip = (chars: string): void => {
      while (i < head.length && chars.includes(head[i]!)) i++;
    };
    skip(" \t\r\n");
    if (head[i] !== "=") continue;
    i++;
    skip(" \t\r\n\"'");
    let name = "";
    while (i < head.length && /[a-z0-9_-]/u.test(head[i]!)) name += head[i++];
    if (!name) continue;
    try {
      return encodingName(name);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Sniff the container from its first bytes (content first, then the extension). */
export function sniffFormat(bytes: Uint8Array, path?: string | null): ReadableFormat {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.indexOf("%PDF-") >= 0) return "pdf";
  const ext = EXT[extOf(path)];
  if (isOle(bytes)) {
    // a broken container named .xls goes to the xls reader, which says what is wrong; readInput tells a
    // Word file from the other OLE2 containers
    const kind = oleKind(bytes);
    return kind === "xls" || (kind === "corrupt" && ext === "xls") ? "xls" : "doc";
  }
  if (isZip(bytes)) {
    if (isOfdZip(bytes)) return "ofd";
    return (isXlsxZip(bytes) || ext === "xlsx") && !isDocxZip(bytes) ? "xlsx" : "docx"; // readInput tells a .docx from other zips
  }
  if (looksLikeHtml(head.toString("latin1")) || (ext === "html" && head.toString("latin1").trimStart().startsWith("<"))) return "html";
  if (ext === "pdf" || ext === "docx" || ext === "html" || ext === "doc" || ext === "xlsx" || ext === "xls") return "text"; // misnamed text: the content decides
  return ext ?? "text";
}

/** Decode a text or Markdown string (already decoded) into blocks. */
export function readTextString(text: string, format: "text" | "markdown" | undefined, encoding: string | null): DecodedInput {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fmt = format ?? (looksLikeMarkdown(source) ? "markdown" : "text");
  if (fmt === "markdown") return readMarkdown(source, encoding);
  // crawled text may have lost its line breaks; metadata lines around the notice are set aside
  const { blocks, meta } = readSiteText(lineBlocks(source));
  return { format: "text", encoding, source, blocks, ...(Object.keys(meta).length ? { meta } : {}) };
}

/** An OLE2 compound file: the streams it holds tell which Office file it is, whatever its extension. */
type Reader = (bytes: Uint8Array, opts: ReadOptions) => Promise<DecodedInput>;

/** Readers of container formats, loaded when first needed so that start-up stays small. */
const CONTAINER_READERS: Record<"pdf" | "ofd" | "docx" | "xlsx" | "xls", () => Promise<Reader>> = {
  pdf: async () => (await import("./pdf-read.js")).readPdf,
  ofd: async () => (await import("./ofd.js")).readOfd,
  docx: async () => (await import("./docx.js")).readDocx,
  xlsx: async () => (await import("./xlsx.js")).readXlsx,
  xls: async () => (await import("./xls.js")).readXls,
};

async function readOle(bytes: Uint8Array, opts: ReadOptions): Promise<DecodedInput> {
  const kind = isOle(bytes) ? oleKind(bytes) : "corrupt";
  switch (kind) {
    case "doc": {
      const { readDoc } = await import("./doc.js");
      return readDoc(bytes, opts);
    }
    case "encrypted":
      throw encryptedError(libText("theOfficeFile"));
    case "xls":
      return (await CONTAINER_READERS.xls())(bytes, opts);
    case "powerpoint":
    case "other":
      throw new GongkaiError("E_UNSUPPORTED", libText(kind === "powerpoint" ? "kindPowerPoint" : "kindOtherOle"), {
        hint: libText("saveAsDocxOrPdf"),
      });
    case "corrupt":
      throw new GongkaiError("E_DOC_CORRUPT", libText("oleUnreadable"), {
        hint: libText("resaveDoc"),
      });
  }
}

/** Read any supported input from bytes. */
export async function readInput(bytes: Uint8Array, opts: ReadOptions = {}): Promise<DecodedInput> {
  if (bytes.length === 0) throw new GongkaiError("E_EMPTY", libText("fileEmpty"));
  if (!opts.format) {
    const other = unsupported(bytes);
    if (other) throw new GongkaiError("E_UNSUPPORTED", libText("cannotReadKind", { what: other.what }), { hint: other.hint });
  }
  const format = opts.format ?? sniffFormat(bytes, opts.path);
  const kingsoft = KINGSOFT[extOf(opts.path)];
  if (kingsoft && !opts.format && format === "text") {
    throw new GongkaiError("E_UNSUPPORTED", libText("kingsoftOwn"), {
      hint: libText("kingsoftSaveAs", { ext: kingsoft }),
    });
  }
  if (format === "docx" && !opts.format && isZip(bytes) && !isDocxZip(bytes) && EXT[extOf(opts.path)] !== "docx") {
    throw new GongkaiError("E_UNSUPPORTED", libText("zipNotDocx"), {
      hint: libText("pptxOdtUnsupported"),
    });
  }
  switch (format) {
    case "pdf":
    case "ofd":
    case "docx":
    case "xlsx":
    case "xls":
      return (await CONTAINER_READERS[format]())(bytes, opts);
    case "doc":
      return readOle(bytes, opts);
    case "html": {
      const { readHtml } = await import("./html.js");
      const declared = opts.encoding ? undefined : declaredCharset(bytes);
      const { text, encoding } = decodeText(bytes, opts.encoding ?? (declared && !isUtf8(bytes) ? declared : undefined));
      const page = readHtml(text, encoding);
      if (page.blocks.length === 0) throw new GongkaiError("E_EMPTY", libText("pageNoArticle"));
      return page;
    }
    case "text":
    case "markdown": {
      const { text, encoding } = decodeText(bytes, opts.encoding);
      if (text.trim() === "") throw new GongkaiError("E_EMPTY", libText("onlyWhiteSpace"));
      const byExt = EXT[extOf(opts.path)];
      const forced = opts.format ?? (byExt === "markdown" ? "markdown" : undefined);
      return readTextString(text, forced as "text" | "markdown" | undefined, encoding);
    }
  }
}
