/**
 * OLE2 compound files (the container of Word 97–2003 `.doc`, Word-compatible `.wps`, Excel `.xls`/`.et`
 * and password-protected Office files): which kind a file is, told by the streams it holds, never by
 * its extension.
 */
import CFB from "cfb";
import { GongkaiError } from "../errors.js";
import { libText, type Text } from "../messages.js";

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export const isOle = (bytes: Uint8Array): boolean => OLE_MAGIC.every((b, i) => bytes[i] === b);

/** doc: a WordDocument stream; xls: a Workbook/Book stream; encrypted: an encrypted OOXML package. */
export type OleKind = "doc" | "xls" | "encrypted" | "powerpoint" | "other" | "corrupt";

/** The names of the streams in the container (upper-cased), or null when the container is unreadable. */
export function oleStreamNames(bytes: Uint8Array): Set<string> | null {
  try {
    const cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: "buffer" });
    return new Set(cfb.FullPaths.map((p) => (p.split("/").filter(Boolean).pop() ?? "").toUpperCase()));
  } catch {
    return null;
  }
}

export function oleKind(bytes: Uint8Array): OleKind {
  const names = oleStreamNames(bytes);
  if (!names) return "corrupt";
  if (names.has("ENCRYPTEDPACKAGE")) return "encrypted";
  if (names.has("WORDDOCUMENT")) return "doc";
  if (names.has("WORKBOOK") || names.has("BOOK")) return "xls";
  if (names.has("POWERPOINT DOCUMENT")) return "powerpoint";
  return "other";
}

/** A password-protected Word or Office file: gongkai never asks for Office passwords. */
export const encryptedError = (what: Text): GongkaiError =>
  new GongkaiError("E_ENCRYPTED", libText("passwordProtected", { what }), {
    hint: libText("removePassword"),
  });
