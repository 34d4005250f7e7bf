/** Character classes and the 1:1 fold used for matching (full-width → half-width punctuation and digits). */

/** Han ideographs, CJK punctuation, full-width forms, Chinese quotes — characters between which spaces carry no meaning. */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified
    (code >= 0x3400 && code <= 0x4dbf) || // ext A
    (code >= 0x3000 && code <= 0x303f) || // CJK punctuation (、。〔〕《》…)
    (code >= 0xff00 && code <= 0xffef) || // full-width forms (（），：；)
    (code >= 0x2460 && code <= 0x24ff) || // ①⑴
    (code >= 0x2010 && code <= 0x2027) || // ‐ – — ‘ ’ “ ” • …
    (code >= 0x20000 && code <= 0x2ffff) ||
    code === 0x00b7 || // ·
    (code >= 0xf900 && code <= 0xfaff)
  );
}

export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0 || code === 0x0b || code === 0x0c ||
    (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0xfeff;
}

const FOLD = new Map<number, number>();
// Full-width ASCII variants (！ … ～) map to ASCII, except the brackets/punctuation we keep distinct below.
for (let c = 0xff01; c <= 0xff5e; c++) FOLD.set(c, c - 0xfee0);
for (const [from, to] of [
  ["〔", "["], ["〕", "]"], ["【", "["], ["】", "]"], ["［", "["], ["］", "]"], ["﹝", "["], ["﹞", "]"],
  ["﹙", "("], ["﹚", ")"], ["\u3000", " "], ["\u00a0", " "],
] as const) FOLD.set(from.codePointAt(0)!, to.codePointAt(0)!);

/**
 * Fold one UTF-16 unit for matching. Length-preserving (1 unit → 1 unit), so offsets in the
 * folded string are offsets in the original.
 */
export function foldChar(code: number): number {
  return FOLD.get(code) ?? code;
}

/** FOLD as one table over the BMP (0 = unchanged): one array read per character. */
const FOLD_TABLE = new Uint16Array(0x10000);
for (const [from, to] of FOLD) FOLD_TABLE[from] = to;
let foldBuf = new Uint16Array(1024);

/** Fold a whole string (same length). `、` and `。` stay as they are: rules tell them apart from `,` and `.`. */
export function fold(s: string): string {
  // Most lines need a few units changed; copy into a reused buffer and build the string in chunks
  // (string += per character was the top self-time entry of the profile).
  const n = s.length;
  let i = 0;
  while (i < n && FOLD_TABLE[s.charCodeAt(i)] === 0) i++;
  if (i === n) return s;
  if (foldBuf.length < n) foldBuf = new Uint16Array(Math.max(n, foldBuf.length * 2));
  const buf = foldBuf;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    buf[k] = FOLD_TABLE[c] || c;
  }
  let out = "";
  for (let k = 0; k < n; k += 8192) out += String.fromCharCode.apply(null, buf.subarray(k, Math.min(n, k + 8192)) as unknown as number[]);
  return out;
}

export const OPEN_BRACKETS = "（(〔[【［﹝｛{";
export const CLOSE_BRACKETS = "）)〕]】］﹞｝}";
const OPEN_TABLE = new Uint8Array(0x10000);
const CLOSE_TABLE = new Uint8Array(0x10000);
for (const ch of OPEN_BRACKETS) OPEN_TABLE[ch.charCodeAt(0)] = 1;
for (const ch of CLOSE_BRACKETS) CLOSE_TABLE[ch.charCodeAt(0)] = 1;
// one character: a table read (callers pass text[i]); anything else keeps String#includes semantics
export const isOpenBracket = (ch: string): boolean => (ch.length === 1 ? OPEN_TABLE[ch.charCodeAt(0)] === 1 : OPEN_BRACKETS.includes(ch));
export const isCloseBracket = (ch: string): boolean => (ch.length === 1 ? CLOSE_TABLE[ch.charCodeAt(0)] === 1 : CLOSE_BRACKETS.includes(ch));

/** Remove all white space (used for comparing and for header fields). */
export const squash = (s: string): string => s.replace(/\s+/gu, "");
