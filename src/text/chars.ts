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
/** The fold as a lookup table over the BMP (0 = unchanged): one array read per character. */
const FOLD_TABLE = new Uint16Array(65536);
for (const [from, to] of FOLD) FOLD_TABLE[from] = to;

export function foldChar(code: number): number {
  return (code < 65536 && FOLD_TABLE[code]) || code;
}

/** Fold a whole string (same length). `、` and `。` stay as they are: rules tell them apart from `,` and `.`. */
export function fold(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && FOLD_TABLE[s.charCodeAt(i)] === 0) i++;
  if (i === n) return s; // nothing to fold: the common case for most lines
  const codes = new Uint16Array(n);
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    codes[k] = FOLD_TABLE[c] || c;
  }
  // short strings (most lines, every name): one call without a Buffer; long ones through a Buffer
  // (spreading a long array as arguments would overflow the stack)
  if (n <= 512) return String.fromCharCode.apply(null, codes as unknown as number[]);
  return Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString("utf16le");
}

export const OPEN_BRACKETS = "（(〔[【［﹝｛{";
export const CLOSE_BRACKETS = "）)〕]】］﹞｝}";
/** 1 = open bracket, 2 = close bracket, by UTF-16 code (a table lookup: this runs on every character). */
export const BRACKET = new Uint8Array(65536);
for (const ch of OPEN_BRACKETS) BRACKET[ch.charCodeAt(0)] = 1;
for (const ch of CLOSE_BRACKETS) BRACKET[ch.charCodeAt(0)] = 2;
export const isOpenBracket = (ch: string): boolean => BRACKET[ch.charCodeAt(0)] === 1;
export const isCloseBracket = (ch: string): boolean => BRACKET[ch.charCodeAt(0)] === 2;

/** Remove all white space (used for comparing and for header fields). */
export const squash = (s: string): string => s.replace(/\s+/gu, "");

/**
 * Trim the given characters from both ends. A regex like /[…]+$/ is quadratic on a long run of
 * those characters that does not reach the end; this is linear.
 */
export function trimChars(s: string, lead: string, trail: string = lead): string {
  let a = 0;
  let b = s.length;
  while (a < b && lead.includes(s[a]!)) a++;
  while (b > a && trail.includes(s[b - 1]!)) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
