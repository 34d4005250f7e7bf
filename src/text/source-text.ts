/**
 * SourceText: the decoded source, its paragraphs (normalised once), and the map back from any
 * paragraph offset to the source offset, line and page.
 */
import type { DecodedInput } from "./blocks.js";
import { unflattenTables } from "../extract/flat-table.js";
import { type GluedNote, unglueTables } from "../extract/glued-table.js";
import { type CleanedLine, type Paragraph, cleanAndFold, toParagraphs } from "./paragraphs.js";

export class SourceText {
  readonly source: string;
  readonly paragraphs: readonly Paragraph[];
  readonly input: DecodedInput;
  /** What the text stage noticed but left alone (a glued table whose rows could not be cut). */
  readonly notes: GluedNote[] = [];
  private lineStarts: Int32Array | null = null;
  private readonly pageStarts: { offset: number; page: number }[];
  /** The input's blocks cleaned and folded, by block index: each line is cleaned and folded once. */
  private readonly cleanedLines: (CleanedLine | undefined)[];

  constructor(input: DecodedInput) {
    this.input = input;
    this.source = input.source;
    this.cleanedLines = new Array<CleanedLine | undefined>(input.blocks.length);
    // a table copied one cell per line is read as the table it was, and so is one glued into running text by a
    // crawl when its rows can be cut (cells one per line first: the stricter shape, not to be read as glued text)
    const blocks = unglueTables(unflattenTables(input.blocks), this.notes);
    // the cache is by index into input.blocks: shared when no table was rebuilt (the blocks are the same list)
    this.paragraphs = blocks === input.blocks ? toParagraphs(blocks, (_, i) => this.cleaned(i)) : toParagraphs(blocks);
    this.pageStarts = [];
    for (const b of input.blocks) {
      if (b.page !== undefined && (this.pageStarts.length === 0 || this.pageStarts[this.pageStarts.length - 1]!.page !== b.page)) {
        this.pageStarts.push({ offset: b.offsets[0] ?? b.end, page: b.page });
      }
    }
  }

  /** Block i of the input, cleaned (`cleanLine`) and folded. */
  cleaned(i: number): CleanedLine {
    return (this.cleanedLines[i] ??= cleanAndFold(this.input.blocks[i]!));
  }

  /** 1-based line number of a source offset. */
  lineOf(offset: number): number {
    if (!this.lineStarts) {
      const starts = [0];
      const s = this.source;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
      this.lineStarts = Int32Array.from(starts);
    }
    const ls = this.lineStarts;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based page of a source offset (PDF), undefined otherwise. */
  pageOf(offset: number): number | undefined {
    let page: number | undefined;
    for (const p of this.pageStarts) {
      if (p.offset <= offset) page = p.page;
      else break;
    }
    return page;
  }
}
