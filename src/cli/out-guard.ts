/**
 * Overwrite protection for every command that writes a file: never an input, and never an
 * existing file that is not of the output's kind (a notice, a PDF, a workbook from elsewhere)
 * unless --force. "Of the output's kind" means its extension fits and its first bytes look like
 * what gongkai writes there, so `-o notice.html` does not replace a notice saved as a web page.
 */
import { open, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { GongkaiError } from "../errors.js";
import { KIND_EXTENSIONS, type OutputKind } from "./formats.js";
import { msg } from "./messages.js";
import type { InputGuard } from "./safe-fs.js";

const HEAD_BYTES = 4096;

async function head(abs: string): Promise<Buffer> {
  const h = await open(abs, "r");
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await h.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await h.close();
  }
}

/** True when the first bytes are what gongkai writes for this kind. Pure. */
export function looksLikeKind(kind: OutputKind, bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes);
  const text = b.toString("utf8").replace(/^\uFEFF/u, "").trimStart();
  switch (kind) {
    case "json":
    case "ndjson":
      return text === "" || text.startsWith("{") || text.startsWith("[");
    case "xlsx":
      return b.length === 0 || (b[0] === 0x50 && b[1] === 0x4b); // a zip archive
    case "csv":
    case "tsv":
      return !b.includes(0); // any text: gongkai's own tables start with its header row, or none
    case "html":
      return text === "" || text.includes('<meta name="generator" content="gongkai');
    case "text":
      return false; // plain text cannot be told from a notice
  }
}

export interface OutTarget {
  /** Absolute path. */
  readonly abs: string;
  /** As the user wrote it, for messages. */
  readonly shown: string;
  readonly kind: OutputKind;
  readonly inputs: InputGuard;
  readonly force: boolean;
}

/** Throws E_OUTPUT when writing `abs` could destroy something the user did not mean to replace. */
export async function guardOverwrite(t: OutTarget): Promise<void> {
  if (await t.inputs.isInput(t.abs)) throw new GongkaiError("E_OUTPUT", msg("outIsInput", { file: t.shown }), { hint: msg("outIsInputHint") });
  const st = await stat(t.abs).catch(() => null);
  if (!st?.isFile() || t.force) return; // new, or not a regular file (the writer refuses those itself)
  const extOk = KIND_EXTENSIONS[t.kind].includes(path.extname(t.abs).toLowerCase());
  const bytesOk = extOk && looksLikeKind(t.kind, await head(t.abs).catch(() => Buffer.alloc(0)));
  if (!bytesOk) {
    throw new GongkaiError("E_OUTPUT", msg("outNotOurs", { file: t.shown, kind: t.kind.toUpperCase() }), { hint: msg("outNotOursHint") });
  }
}

/** gongkai's own workbooks are small; a larger file at the --out path is not looked into. */
const OWN_XLSX_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Is the file at `abs` an earlier output of gongkai of this kind (a workbook whose creator is
 * gongkai, a report page with gongkai's generator tag)? Folder walks pass over such files, so that
 * `parse notices/ -o notices/tasks.xlsx` can run again instead of reading its own tasks back.
 */
export async function isOwnOutput(abs: string, kind: OutputKind): Promise<boolean> {
  const st = await stat(abs).catch(() => null);
  if (!st?.isFile()) return false;
  try {
    if (kind === "html") return looksLikeKind("html", await head(abs)) && st.size > 0;
    if (kind !== "xlsx" || st.size > OWN_XLSX_MAX_BYTES) return false;
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(await readFile(abs));
    const core = await zip.file("docProps/core.xml")?.async("string");
    return core !== undefined && /<dc:creator>gongkai<\/dc:creator>/u.test(core);
  } catch {
    return false; // unreadable: not ours, so it stays an input and the guard refuses it
  }
}
