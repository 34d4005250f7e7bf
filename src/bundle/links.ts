/**
 * 附件链接: the `<a href>` links of a saved web page, with their link text ("附件1：任务清单.xls").
 * A hand-written scanner (no regex over the whole page): linear on any markup.
 */

export interface PageLink {
  /** The href as written (entities decoded). */
  readonly href: string;
  /** The link text, tags dropped and white space collapsed. */
  readonly text: string;
}

/** At most this many links are read from one page (a hostile page may hold millions). */
export const MAX_LINKS = 500;
const MAX_TEXT = 300;

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Decode the few entities an href or a link text uses (&amp; &#20214; &#x4EF6;). */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  let out = "";
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    const semi = c === "&" ? s.indexOf(";", i + 1) : -1;
    if (semi > i && semi - i <= 10) {
      const name = s.slice(i + 1, semi);
      const num = name.startsWith("#x") || name.startsWith("#X") ? parseInt(name.slice(2), 16) : name.startsWith("#") ? parseInt(name.slice(1), 10) : NaN;
      const rep = Number.isInteger(num) && num > 0 && num <= 0x10ffff ? String.fromCodePoint(num) : ENTITIES[name.toLowerCase()];
      if (rep !== undefined) {
        out += rep;
        i = semi + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** The value of an attribute inside one tag's text (`a href="x" class=y`), or null. */
function attribute(tag: string, name: string): string | null {
  const lower = tag.toLowerCase();
  let from = 0;
  for (;;) {
    const at = lower.indexOf(name, from);
    if (at < 0) return null;
    from = at + name.length;
    const before = lower[at - 1] ?? " ";
    if (!/\s/u.test(before)) continue;
    let i = from;
    while (i < tag.length && /\s/u.test(tag[i]!)) i++;
    if (tag[i] !== "=") continue;
    i++;
    while (i < tag.length && /\s/u.test(tag[i]!)) i++;
    const q = tag[i];
    if (q === '"' || q === "'") {
      const end = tag.indexOf(q, i + 1);
      return end < 0 ? null : tag.slice(i + 1, end);
    }
    let end = i;
    while (end < tag.length && !/[\s>]/u.test(tag[end]!)) end++;
    return tag.slice(i, end);
  }
}

/** The links of a page, in document order. */
export function pageLinks(html: string): PageLink[] {
  const out: PageLink[] = [];
  const lower = html.toLowerCase();
  let i = 0;
  // the next "</a" at or after i, found once per close (-1: none left): a page of unclosed links stays linear
  let close = -2;
  while (out.length < MAX_LINKS) {
    const open = lower.indexOf("<a", i);
    if (open < 0) break;
    const after = lower[open + 2];
    const tagEnd = lower.indexOf(">", open);
    if (tagEnd < 0) break;
    i = tagEnd + 1;
    if (after !== undefined && !/[\s>]/u.test(after)) continue; // <abbr>, <area>
    const href = attribute(html.slice(open + 2, tagEnd), "href");
    if (close !== -1 && close < i) close = lower.indexOf("</a", i);
    const inner = html.slice(i, close < 0 ? Math.min(html.length, i + MAX_TEXT) : Math.min(close, i + MAX_TEXT * 4));
    if (close >= 0) i = close + 3;
    if (href === null) continue;
    out.push({ href: decodeEntities(href.trim()), text: decodeEntities(stripTags(inner)).replace(/\s+/gu, " ").trim().slice(0, MAX_TEXT) });
  }
  return out;
}

function stripTags(s: string): string {
  let out = "";
  let depth = false;
  for (const c of s) {
    if (c === "<") depth = true;
    else if (c === ">") depth = false;
    else if (!depth) out += c;
  }
  return out;
}

/**
 * A link to a file on disk, relative to the page: no scheme (http:, file:, javascript:), no
 * protocol-relative or absolute path; query and fragment dropped; percent-escapes decoded.
 * Returns the relative path (forward slashes) or null.
 */
export function localTarget(href: string): string | null {
  if (!href || href.startsWith("#") || href.startsWith("/") || href.startsWith("\\")) return null;
  if (/^[A-Za-z][A-Za-z0-9+.-]{0,20}:/u.test(href)) return null; // a scheme (or a Windows drive letter)
  const cut = href.search(/[?#]/u);
  let rel = cut < 0 ? href : href.slice(0, cut);
  try {
    rel = decodeURIComponent(rel);
  } catch {
    return null;
  }
  rel = rel.replace(/\\/gu, "/");
  if (!rel || rel.includes("\0") || rel.endsWith("/")) return null;
  return rel;
}
