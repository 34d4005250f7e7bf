/**
 * Caps on what a reader hands to the text pipeline. The pipeline's memory grows with the
 * characters it holds (~150 bytes each, offsets and copies included) and with the lines (~1 KB
 * each; ~6 KB when every line is a numbered item with a warning): a file of short lines costs
 * 100–260× its size, so `--max-size` alone (bytes read) cannot bound it. These caps keep any
 * input under ~800 MB whatever the format or `--max-size`; real notices (附件 tables included)
 * stay far below them (a 500-page PDF holds ~20,000 lines and ~1M characters).
 */
import { GongkaiError } from "../errors.js";
import { libText } from "../messages.js";
import type { DecodedInput } from "../text/blocks.js";

/** Characters of text (UTF-16 units, over all blocks) the pipeline reads. */
export const MAX_TEXT_CHARS = 4_000_000;
/** Lines (blocks) the pipeline reads. */
export const MAX_TEXT_LINES = 120_000;

/** E_TOO_LARGE when the decoded text is past the caps; linear in the number of blocks. */
export function checkDecodedSize(input: DecodedInput): void {
  const lines = input.blocks.length;
  let chars = 0;
  for (const b of input.blocks) chars += b.text.length;
  if (lines <= MAX_TEXT_LINES && chars <= MAX_TEXT_CHARS) return;
  const what = lines > MAX_TEXT_LINES
    ? libText("nLines", { n: lines.toLocaleString("en"), max: MAX_TEXT_LINES.toLocaleString("en") })
    : libText("nChars", { n: chars.toLocaleString("en"), max: MAX_TEXT_CHARS.toLocaleString("en") });
  throw new GongkaiError("E_TOO_LARGE", libText("inputHolds", { what }), {
    hint: libText("splitFile"),
  });
}
