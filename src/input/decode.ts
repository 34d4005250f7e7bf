/**
 * Text encodings (编码) of .txt/.html notices: BOM sniff → UTF-16 without BOM (NUL pattern) →
 * strict UTF-8 → GB18030 (a superset of GBK/GB2312). Detectors guess wrong on short Chinese
 * strings (20 bytes of GBK read as Shift_JIS), so the order is fixed: only a failed strict UTF-8
 * decode falls back to GB18030. GBK is never used to decode: GB18030's 4-byte sequences (`•` is
 * 81 36 A6 31) would become U+FFFD. A decode that yields U+FFFD is an error, never silent garbage.
 */
import iconv from "iconv-lite";
import { GongkaiError } from "../errors.js";
import { libText, type Text } from "../messages.js";

export interface Decoded {
  text: string;
  encoding: string;
}

/** Accepted names → the decoder used. GBK/GB2312 bytes decode identically as GB18030, which also covers the 4-byte range. */
const ENCODINGS = new Map<string, string>([
  ["utf8", "utf-8"], ["utf-8", "utf-8"], ["utf-8-sig", "utf-8"], ["utf16le", "utf-16le"], ["utf-16le", "utf-16le"],
  ["utf16be", "utf-16be"], ["utf-16be", "utf-16be"], ["utf16", "utf-16"], ["utf-16", "utf-16"], ["unicode", "utf-16"],
  ["ucs-2", "utf-16le"], ["gb18030", "gb18030"], ["gbk", "gb18030"], ["gb2312", "gb18030"], ["cp936", "gb18030"],
  ["windows-936", "gb18030"], ["euc-cn", "gb18030"], ["big5", "big5"], ["big5-hkscs", "big5hkscs"],
]);

/** Normalise a user-given encoding name; throws E_USAGE for an unknown one. */
export function encodingName(name: string): string {
  const key = name.trim().toLowerCase().replace(/_/gu, "-");
  const known = ENCODINGS.get(key) ?? ENCODINGS.get(key.replace(/-/gu, ""));
  if (known) return known;
  if (iconv.encodingExists(key)) return key;
  throw new GongkaiError("E_USAGE", libText("unknownEncoding", { name }), { hint: libText("encodingChoices") });
}

/** True when the bytes look binary: NUL bytes or many C0 control characters (UTF-16 is handled before). */
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

/**
 * UTF-16 saved without a BOM: text with line breaks and ASCII digits has NUL high bytes at
 * odd (LE) or even (BE) positions only. Returns the byte order, or null.
 */
export function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.1 && evenNul / pairs < 0.01) return "utf-16le";
  if (evenNul / pairs > 0.1 && oddNul / pairs < 0.01) return "utf-16be";
  return null;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === "utf-8") return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    if (bytes.length % 2 !== 0) throw new Error("odd byte count");
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
}

const countFffd = (text: string): number => {
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad;
};

const hasNul = (text: string): boolean => text.includes("\u0000");

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) return { encoding: "gb18030", length: 4 };
  return null;
}

export function decodeText(bytes: Uint8Array, forced?: string): Decoded {
  if (forced) return decodeForced(bytes, encodingName(forced));
  const bom = bomOf(bytes);
  if (bom) {
    try {
      return checked(decodeWith(bytes.subarray(bom.length), bom.encoding), bom.encoding, libText("afterBom"));
    } catch (e) {
      if (e instanceof GongkaiError) throw e;
      throw new GongkaiError("E_ENCODING", libText("bomInvalid", { encoding: bom.encoding }), {
        hint: libText("passEncoding"),
      });
    }
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    try {
      const text = decodeWith(bytes, utf16);
      if (countFffd(text) === 0 && !hasNul(text)) return { text, encoding: utf16 };
    } catch {
      // not UTF-16 after all: the binary check below decides
    }
  }
  if (looksBinary(bytes)) {
    throw new GongkaiError("E_BINARY", libText("binaryFile"), { hint: libText("giveNoticeFormats") });
  }
  try {
    return { text: decodeWith(bytes, "utf-8"), encoding: "utf-8" };
  } catch {
    // not UTF-8: fall through to GB18030
  }
  const text = decodeWith(bytes, "gb18030");
  if (countFffd(text) > 0) {
    throw new GongkaiError("E_ENCODING", libText("notUtf8NorGb", { n: countFffd(text) }), {
      hint: libText("passEncodingBig5"),
    });
  }
  return { text, encoding: "gb18030" };
}

function decodeForced(bytes: Uint8Array, enc: string): Decoded {
  let actual = enc;
  let body = bytes;
  const bom = bomOf(bytes);
  if (enc === "utf-16") {
    actual = bom?.encoding === "utf-16be" ? "utf-16be" : bom?.encoding === "utf-16le" ? "utf-16le" : (sniffUtf16(bytes) ?? "utf-16le");
  }
  if (bom && bom.encoding === actual) body = bytes.subarray(bom.length);
  let text: string;
  try {
    text = decodeWith(body, actual);
  } catch {
    throw new GongkaiError("E_ENCODING", libText("bytesNotValid", { encoding: actual }), { hint: libText("tryOtherEncoding") });
  }
  return checked(text, actual, libText("withEncoding", { encoding: actual }));
}

function checked(text: string, encoding: string, how: Text): Decoded {
  const bad = countFffd(text);
  // UTF-8 is decoded strictly, so a U+FFFD there was in the file; elsewhere it means a mis-decode.
  if ((bad > 0 && encoding !== "utf-8") || hasNul(text)) {
    throw new GongkaiError("E_ENCODING", libText("decodingGives", { how, what: bad > 0 ? libText("replacementChars", { n: bad }) : libText("nulChars") }), {
      hint: libText("tryOtherEncoding"),
    });
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}
