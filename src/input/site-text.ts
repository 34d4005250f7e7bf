/**
 * A Word file or a web page that holds a crawled text: the crawler's metadata header, page chrome and
 * a body whose line breaks were lost (one paragraph from the breadcrumb to 附件下载). The converted
 * forms go through the same site-text rule as the text form (text/site-meta.ts, text/reline.ts), so a
 * notice reads the same whatever form carries it. Normal documents are left as they are: relining acts
 * only on under-broken text, and the metadata rule only on key lines.
 */
import type { Block } from "../text/blocks.js";
import { readSiteText, stripSiteMeta } from "../text/site-meta.js";

/** A table row this long is a real cell's text: relining would cut it into lines and lose the row. */
const LONG_ROW = 300;

export function siteBlocks(blocks: readonly Block[]): { blocks: Block[]; meta: Record<string, string> } {
  const longRow = blocks.some((b) => b.kind === "row" && b.text.length >= LONG_ROW);
  return longRow ? stripSiteMeta(blocks) : readSiteText(blocks);
}
