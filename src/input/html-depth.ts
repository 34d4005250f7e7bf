/**
 * A depth cap for HTML, applied before parsing. Tree builders and walkers recurse per level, so a
 * page nested 100k deep (divs, tables, inline tags, svg) would overflow the stack. Tags deeper
 * than the cap are blanked with spaces of the same length: the parser never sees them, their
 * text stays where it was, and every offset into the page is unchanged.
 */

/** Deepest element nesting kept (browsers stop at 512; real notice pages stay under ~40). */
export const HTML_MAX_DEPTH = 256;
/** Elements a page may open: the parser's tree costs ~2 KB per element, so a page of tiny elements is refused before parsing (real pages: a few thousand; a 5,000-row table ~80,000). */
export const HTML_MAX_ELEMENTS = 150_000;
/** Deepest table-in-table nesting kept: each table level re-reads the text below it (layout pages nest a few). */
export const HTML_MAX_TABLE_DEPTH = 16;

/** Closed implicitly by their next sibling, so never counted as nesting (an unclosed <p> per paragraph is common). */
const IMPLIED = new Set(["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp"]);
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image"]);
/** Parts of a table: a blanked table's own parts are blanked too (left alone, the parser would hang its rows on the table around it). */
const TABLE_PARTS = new Set(["tr", "td", "th", "tbody", "thead", "tfoot", "caption", "colgroup", "col"]);
/** Raw-text elements: their content is not markup. */
const RAW = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"]);

const isNameChar = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a || c === 0x5f;

/** End of the tag starting at `<` (index after its `>`), honouring quoted attribute values. */
function tagEnd(html: string, at: number): number {
  let quote = 0;
  for (let i = at + 1; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      // a quote opens a value only after "="
      let k = i - 1;
      while (k > at && (html.charCodeAt(k) === 0x20 || html.charCodeAt(k) === 0x09 || html.charCodeAt(k) === 0x0a)) k--;
      if (html.charCodeAt(k) === 0x3d) quote = c;
    } else if (c === 0x3e) return i + 1;
  }
  return html.length;
}

/** Start of `</name` after `from`, in any letter case. */
function rawEnd(html: string, name: string, from: number): number {
  for (let k = html.indexOf("</", from); k >= 0; k = html.indexOf("</", k + 2)) {
    if (html.slice(k + 2, k + 2 + name.length).toLowerCase() === name) return k;
  }
  return -1;
}

/** The page with tags below HTML_MAX_DEPTH blanked, and the deepest nesting seen; linear in the page. */
export function capHtmlDepth(html: string, maxDepth = HTML_MAX_DEPTH): { html: string; depth: number; tables: number; elements: number } {
  const stack: { name: string; blank: boolean }[] = [];
  const cuts: [number, number][] = [];
  let deepest = 0;
  let tables = 0; // kept tables open
  let deepestTables = 0;
  let elements = 0;
  /** Open tables, innermost last: is it blanked? */
  const openTables: boolean[] = [];
  let i = html.indexOf("<");
  while (i >= 0 && i < html.length) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      if (end < 0) break;
      i = html.indexOf("<", end + 3);
      continue;
    }
    const closing = html.charCodeAt(i + 1) === 0x2f;
    let n = i + (closing ? 2 : 1);
    const nameStart = n;
    while (n < html.length && isNameChar(html.charCodeAt(n))) n++;
    if (n === nameStart) {
      i = html.indexOf("<", i + 1); // "<" in text, <!doctype>, <?xml?>
      continue;
    }
    const name = html.slice(nameStart, n).toLowerCase();
    const end = tagEnd(html, i);
    if (!closing) elements++;
    if (TABLE_PARTS.has(name) && openTables[openTables.length - 1] === true) {
      cuts.push([i, end]);
      i = html.indexOf("<", end);
      continue;
    }
    if (closing) {
      // close the nearest open element of that name (unclosed ones above it close with it)
      let k = stack.length - 1;
      const floor = Math.max(0, stack.length - 64); // bounded search: stray closing tags cost O(1)
      while (k >= floor && stack[k]!.name !== name) k--;
      if (k >= floor) {
        if (stack[k]!.blank) cuts.push([i, end]);
        for (let j = k; j < stack.length; j++) {
          if (stack[j]!.name !== "table") continue;
          if (!stack[j]!.blank) tables--;
          openTables.pop();
        }
        stack.length = k;
      } else if (stack.length > maxDepth) cuts.push([i, end]);
    } else if (!IMPLIED.has(name) && !VOID.has(name) && html.charCodeAt(end - 2) !== 0x2f) {
      const blank = stack.length >= maxDepth || (name === "table" && tables >= HTML_MAX_TABLE_DEPTH);
      if (blank) cuts.push([i, end]);
      if (name === "table") deepestTables = Math.max(deepestTables, tables + 1);
      if (!blank && name === "table") tables++;
      if (name === "table") openTables.push(blank);
      stack.push({ name, blank });
      deepest = Math.max(deepest, stack.length);
      if (RAW.has(name)) {
        // skip to its closing tag: script text is not markup
        const close = rawEnd(html, name, end);
        if (close < 0) break;
        i = close;
        continue;
      }
    }
    i = html.indexOf("<", end);
  }
  if (cuts.length === 0) return { html, depth: deepest, tables: deepestTables, elements };
  let out = "";
  let copied = 0;
  for (const [a, b] of cuts) {
    out += html.slice(copied, a) + " ".repeat(b - a);
    copied = b;
  }
  return { html: out + html.slice(copied), depth: deepest, tables: deepestTables, elements };
}
