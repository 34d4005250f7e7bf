/**
 * One decoded input from a notice and its attachment files: each file's blocks are appended under
 * a "附件N" line, the way an attachment printed after the notice's signature reads. Offsets of the
 * combined text map back to (file, offset in that file, line in that file).
 */
import { ATTACHMENT_HEADER_RE } from "../extract/patterns.js";
import type { Block, DecodedInput } from "../text/blocks.js";
import { fold } from "../text/chars.js";

export interface Part {
  /** The file's path as given (null: a library call without one). */
  readonly path: string | null;
  readonly input: DecodedInput;
  /** The 附件 number it is read as (absent for the notice itself). */
  readonly number?: number;
}

export interface Segment {
  readonly part: Part;
  /** Where the part's own source starts in the combined source, and its length. */
  readonly base: number;
  readonly length: number;
  /** Combined offset of the synthetic "附件N" line (= base for the notice). */
  readonly headerStart: number;
}

export interface Combined {
  readonly input: DecodedInput;
  readonly segments: readonly Segment[];
}

const shift = (b: Block, by: number): Block => {
  const offsets = new Int32Array(b.offsets.length);
  for (let i = 0; i < offsets.length; i++) offsets[i] = b.offsets[i]! + by;
  return { text: b.text, offsets, end: b.end + by, ...(b.kind ? { kind: b.kind } : {}), ...(b.page !== undefined ? { page: b.page } : {}) };
};

/** The file's own leading "附件N" line: the synthetic header stands for it. */
function dropOwnHeader(blocks: readonly Block[]): readonly Block[] {
  const first = blocks.findIndex((b) => b.text.trim().length > 0);
  if (first < 0) return blocks;
  const f = fold(blocks[first]!.text.replace(/[\s\t]+/gu, " ").trim());
  return ATTACHMENT_HEADER_RE.test(f) ? blocks.slice(first + 1) : blocks;
}

/** Append the attachments (in the order given) to the notice; `drop` removes notice blocks (a printed copy). */
export function combine(notice: Part, attachments: readonly Part[], drop?: (b: Block) => boolean): Combined {
  const segments: Segment[] = [{ part: notice, base: 0, length: notice.input.source.length, headerStart: 0 }];
  const blocks: Block[] = drop ? notice.input.blocks.filter((b) => !drop(b)) : [...notice.input.blocks];
  let source = notice.input.source + "\n";
  for (const a of attachments) {
    const header = `附件${a.number ?? 1}`;
    const headerStart = source.length;
    source += header + "\n";
    const base = source.length;
    const offsets = new Int32Array(header.length);
    for (let i = 0; i < header.length; i++) offsets[i] = headerStart + i;
    blocks.push({ text: header, offsets, end: headerStart + header.length });
    for (const b of dropOwnHeader(a.input.blocks)) blocks.push(shift(b, base));
    source += a.input.source + "\n";
    segments.push({ part: a, base, length: a.input.source.length, headerStart });
  }
  const n = notice.input;
  const input: DecodedInput = {
    format: n.format, encoding: n.encoding, source, blocks,
    ...(n.pages !== undefined ? { pages: n.pages } : {}),
    ...(n.meta !== undefined ? { meta: n.meta } : {}),
    ...(n.warnings !== undefined ? { warnings: n.warnings } : {}),
  };
  return { input, segments };
}

/** Line starts of a text, counted as SourceText does (LF, CRLF or a lone CR). */
export function lineStarts(s: string): Int32Array {
  const starts = [0];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return Int32Array.from(starts);
}

/** 1-based line of an offset, given the line starts. */
export function lineAt(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The segment a combined offset falls in (its 附件 line counts as the attachment's). */
export function segmentAt(segments: readonly Segment[], offset: number): Segment {
  let found = segments[0]!;
  for (const s of segments) if (s.headerStart <= offset) found = s;
  return found;
}
