/**
 * Text decoding: BOM sniff → strict UTF-8 → GB18030 (a superset of GBK/GB2312).
 * Detectors guess wrong on short Chinese strings (20 bytes of GBK read as Shift_JIS), so the order
 * is fixed: only a failed strict UTF-8 decode falls back to GB18030.
 */
import iconv from "iconv-lite";
import { GongkaiError } from "../errors.js";

export interface Decoded {
  text: string;
  encoding: string;
}

const ENCODINGS = new Map<string, string>([
  ["utf8", "utf-8"], ["utf-8", "utf-8"], ["utf16le", "utf-16le"], ["utf-16le", "utf-16le"], ["utf16be", "utf-16be"],
  ["utf-16be", "utf-16be"], ["gb18030", "gb18030"], ["gbk", "gbk"], ["gb2312", "gb2312"], ["cp936", "gbk"], ["big5", "big5"],
]);

/** Normalise a user-given encoding name; throws E_USAGE for an unknown one. */
export function encodingName(name: string): string {
  const key = name.trim().toLowerCase();
  const known = ENCODINGS.get(key);
  if (known) return known;
  if (iconv.encodingExists(key)) return key;
  throw new GongkaiError("E_USAGE", `unknown encoding "${name}"`, { hint: "use utf-8, utf-16le, utf-16be, gb18030, gbk or big5" });
}

/** True when the bytes look binary: NUL bytes or many C0 control characters (UTF-16 is caught by its BOM first). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.02;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === "utf-8") return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Share of U+FFFD in a decoded text: a mis-decode shows up as replacement characters. */
function replacementShare(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return text.length ? bad / text.length : 0;
}

export function decodeText(bytes: Uint8Array, forced?: string): Decoded {
  if (forced) {
    const enc = encodingName(forced);
    let text: string;
    try {
      text = decodeWith(stripBom(bytes, enc), enc);
    } catch {
      throw new GongkaiError("E_ENCODING", `the bytes are not valid ${enc}`, { hint: "try another --encoding or leave it out to detect" });
    }
    if (replacementShare(text) > 0.001) {
      throw new GongkaiError("E_ENCODING", `decoding as ${enc} gives replacement characters (U+FFFD)`, { hint: "try another --encoding or leave it out to detect" });
    }
    return { text, encoding: enc };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeWith(bytes.subarray(3), "utf-8"), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeWith(bytes.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeWith(bytes.subarray(2), "utf-16be"), encoding: "utf-16be" };
  if (looksBinary(bytes)) {
    throw new GongkaiError("E_BINARY", "the file is binary, not text", { hint: "give a .txt, .md, .pdf, .docx or .html notice" });
  }
  try {
    return { text: decodeWith(bytes, "utf-8"), encoding: "utf-8" };
  } catch {
    // not UTF-8: fall through to GB18030
  }
  const text = decodeWith(bytes, "gb18030");
  if (replacementShare(text) > 0.001) {
    throw new GongkaiError("E_ENCODING", "the text is neither UTF-8 nor GB18030 (decoding gives replacement characters)", { hint: "pass --encoding NAME" });
  }
  return { text, encoding: "gb18030" };
}

function stripBom(bytes: Uint8Array, enc: string): Uint8Array {
  if (enc === "utf-8" && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
  if (enc === "utf-16le" && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2);
  if (enc === "utf-16be" && bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2);
  return bytes;
}
