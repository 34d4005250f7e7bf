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
