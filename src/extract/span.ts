/** Map paragraph-local ranges back to source spans. */
import type { Seg } from "../text/blocks.js";
import type { Span } from "./types.js";

/** Source span of seg.text[from, to). */
export function spanOf(seg: Seg, from = 0, to = seg.text.length): Span {
  if (seg.text.length === 0) return [seg.end, seg.end];
  const a = Math.min(Math.max(from, 0), seg.text.length - 1);
  const b = Math.min(Math.max(to, a + 1), seg.text.length);
  return [seg.offsets[a]!, seg.offsets[b - 1]! + 1];
}

const GAP_SPACE = new Set([" ", "\t", "\n", "\r", "\u3000", "\u00a0"]);

/**
 * A segment's text as printed, with the white space the cleaning took out between its characters
 * (`文号    沪府…`, offices side by side). Read from the source between the segment's characters, never
 * past its last one: in a page the block ends after its closing tag, and the tags inside a line are
 * not text (a gap holding white space or an entity space becomes one space, markup alone nothing).
 */
export function printedText(seg: Seg, source: string): string {
  return printedLine(seg, source).text;
}

/** printedText with, for each of its characters, the index in `seg.text` of the character it is or precedes. */
export function printedLine(seg: Seg, source: string): { text: string; at: number[] } {
  const { text, offsets } = seg;
  let out = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (i > 0) {
      const a = offsets[i - 1]! + 1;
      const b = offsets[i]!;
      if (b > a && gapHasSpace(source, a, b)) {
        out += " ";
        at.push(i);
      }
    }
    out += text[i];
    at.push(i);
  }
  return { text: out, at };
}

function gapHasSpace(source: string, a: number, b: number): boolean {
  let inTag = false;
  for (let k = a; k < b; k++) {
    const c = source[k]!;
    if (c === "<") inTag = true;
    else if (c === ">") inTag = false;
    else if (!inTag && (GAP_SPACE.has(c) || (c === "&" && /^&(?:nbsp|#12288|#x3000|emsp|ensp);/iu.test(source.slice(k, k + 8))))) return true;
  }
  return false;
}
