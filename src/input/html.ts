/**
 * HTML article page (网页正文) reader. The article body is found by structure, not by one site's
 * class names: page chrome (nav, header, footer, scripts, forms, share/QR boxes, breadcrumbs,
 * attachment link boxes, hidden elements) is ignored, then the reader walks down from <body>
 * into the child that holds most of the remaining text until the text spreads over several
 * children — that element is the article. Inline elements concatenate (`<SPAN>2012</SPAN>年` →
 * `2012年`), block elements end a block, data tables become TAB-separated rows. `source` is the
 * HTML itself: every block character points at its offset in the file.
 */
import type { Element, ElementContent, Root, RootContent, Text } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import type { Block, DecodedInput } from "../text/blocks.js";
import { GongkaiError } from "../errors.js";
import { libText, say } from "../messages.js";
import { capHtmlDepth, HTML_MAX_DEPTH, HTML_MAX_ELEMENTS, HTML_MAX_TABLE_DEPTH } from "./html-depth.js";

const processor = unified().use(rehypeParse);

/** Elements that never hold article text. */
const DROP_TAGS = new Set([
  "head", "script", "style", "noscript", "template", "nav", "header", "footer", "form", "aside", "iframe", "select",
  "button", "input", "textarea", "svg", "canvas", "object", "embed", "audio", "video", "map", "title", "meta", "link",
]);
const DROP_ROLES = new Set(["navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar", "toolbar"]);
/** Words of class/id names that mark page chrome on most sites (matched per word, `article_qrcode_area` → qrcode). */
const CHROME_WORDS = new Set([
  "nav", "navbar", "menu", "submenu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "header", "footer", "share", "sharing",
  "qrcode", "qr", "ewm", "erweima", "sidebar", "related", "relalink", "relalinks", "attachment", "attachments", "download",
  "comment", "comments", "toolbar", "print", "search", "copyright", "login", "banner", "logo", "pagination", "pager", "btn",
]);
const BLOCK_TAGS = new Set([
  "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main",
  "blockquote", "pre", "center", "address", "hr", "table", "tr", "caption", "figure", "figcaption", "body", "html",
]);
/** Elements a paragraph lives in: the walk to the article never enters them. */
const LEAF_BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "a", "b", "strong", "dt", "dd"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

const attr = (el: Element, name: string): string => {
  const v = el.properties?.[name];
  return Array.isArray(v) ? v.join(" ") : v === undefined || v === null ? "" : String(v);
};

function isChrome(el: Element): boolean {
  // an article's own <header> (its title, no navigation) is content, a page <header> is chrome
  if (el.tagName === "header" && hasDescendant(el, "h1") && !hasDescendant(el, "nav")) return false;
  if (DROP_TAGS.has(el.tagName)) return true;
  if (DROP_ROLES.has(attr(el, "role").toLowerCase())) return true;
  if (el.properties?.["hidden"] !== undefined && el.properties["hidden"] !== false) return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/iu.test(attr(el, "style"))) return true;
  const names = `${attr(el, "className")} ${attr(el, "id")}`.toLowerCase();
  for (const word of names.split(/[\s_\-]+/u)) if (CHROME_WORDS.has(word)) return true;
  return false;
}

interface Weight {
  text: number;
  link: number;
}

/** Non-space characters of text under each element, outside chrome; link text counted apart. */
function weigh(root: Root): Map<Element, Weight> {
  const weights = new Map<Element, Weight>();
  const visit = (node: Root | ElementContent, inLink: boolean): Weight => {
    if (node.type === "text") {
      const n = node.value.replace(/\s+/gu, "").length;
      return inLink ? { text: 0, link: n } : { text: n, link: 0 };
    }
    if (node.type !== "element" && node.type !== "root") return { text: 0, link: 0 };
    if (node.type === "element" && isChrome(node)) {
      weights.set(node, { text: 0, link: 0 });
      return { text: 0, link: 0 };
    }
    const link = inLink || (node.type === "element" && node.tagName === "a");
    const w = { text: 0, link: 0 };
    for (const c of node.children as ElementContent[]) {
      const cw = visit(c, link);
      w.text += cw.text;
      w.link += cw.link;
    }
    if (node.type === "element") weights.set(node, w);
    return w;
  };
  visit(root, false);
  return weights;
}

const elementChildren = (node: Root | Element): Element[] => (node.children as RootContent[]).filter((c): c is Element => c.type === "element");

/** A table used for page layout: a cell holds a nested table or a whole article's worth of text. */
function isLayoutTable(el: Element): boolean {
  return tableRows(el).some((tr) =>
    cellsOf(tr).some((td) => hasDescendant(td, "table") || textOf(td).replace(/\s+/gu, "").length > 1000),
  );
}

function hasDescendant(el: Element, tag: string): boolean {
  return elementChildren(el).some((c) => c.tagName === tag || hasDescendant(c, tag));
}

/** A table of data (several rows of several filled cells), as opposed to a layout table. */
function isDataTable(el: Element): boolean {
  if (el.tagName !== "table" || isLayoutTable(el)) return false;
  return tableRows(el).filter((tr) => cellsOf(tr).filter((td) => textOf(td).trim() !== "").length >= 2).length >= 2;
}

function findArticle(root: Root, weights: Map<Element, Weight>): Element | Root {
  const w = (el: Element): number => weights.get(el)?.text ?? 0;
  const all: Element[] = [];
  const collect = (n: Root | Element): void => {
    for (const c of elementChildren(n)) {
      all.push(c);
      collect(c);
    }
  };
  collect(root);
  const body = all.find((e) => e.tagName === "body");
  const bodyText = body ? w(body) : all.reduce((a, e) => Math.max(a, w(e)), 0);
  // An explicit content container wins when it holds a fair share of the text.
  const marked = all
    .filter((e) => e.tagName === "article" || e.tagName === "main" || attr(e, "role").toLowerCase() === "main")
    .sort((a, b) => w(b) - w(a))[0];
  let node: Element | Root = marked && w(marked) >= 0.3 * bodyText ? marked : (body ?? root);
  for (;;) {
    const total = node.type === "root" ? bodyText : w(node);
    const kids = elementChildren(node);
    const best = kids.reduce<Element | undefined>((a, c) => (!a || w(c) > w(a) ? c : a), undefined);
    if (!best || total === 0 || w(best) < 0.7 * total || LEAF_BLOCKS.has(best.tagName) || isDataTable(best)) return node;
    node = best;
  }
}

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of elementChildren(table)) {
    if (c.tagName === "tr") rows.push(c);
    else if (c.tagName === "tbody" || c.tagName === "thead" || c.tagName === "tfoot") rows.push(...elementChildren(c).filter((r) => r.tagName === "tr"));
  }
  return rows;
}

const cellsOf = (tr: Element): Element[] => elementChildren(tr).filter((c) => c.tagName === "td" || c.tagName === "th");

function textOf(node: Root | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element" && node.type !== "root") return "";
  if (node.type === "element" && isChrome(node)) return "";
  return (node.children as ElementContent[]).map(textOf).join("");
}

/**
 * Offsets of a text node's characters in the source. The value has entities decoded and CRLF
 * folded, so walk the raw slice alongside it: an entity maps all its characters to its `&`.
 */
function textOffsets(source: string, node: Text): number[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const v = node.value;
  if (start === undefined || end === undefined) return Array.from({ length: v.length }, () => 0); // generated node: no position
  const raw = source.slice(start, end);
  if (raw === v) return Array.from({ length: v.length }, (_, i) => start + i);
  const offs: number[] = [];
  let r = 0;
  for (let i = 0; i < v.length; i++) {
    if (raw[r] === "\r" && v[i] === "\n") r++;
    const entity = raw[r] === "&" ? ENTITY_RE.exec(raw.slice(r, r + 40)) : null;
    if (entity) {
      offs.push(start + r);
      // &#x20000; decodes to a surrogate pair: both halves point at the entity
      const code = v.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < v.length) {
        i++;
        offs.push(start + r);
      }
      r += entity[0].length;
    } else {
      offs.push(start + Math.min(r, raw.length - 1));
      r++;
    }
  }
  return offs;
}

const ENTITY_RE = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/u;

interface Acc {
  codes: number[];
  offs: number[];
}

export function readHtml(text: string, encoding: string | null): DecodedInput {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // tags nested past the cap are blanked (same length, so offsets hold): the walks below recurse per level
  const { html: capped, depth, tables, elements } = capHtmlDepth(source);
  if (elements > HTML_MAX_ELEMENTS) {
    throw new GongkaiError("E_TOO_LARGE", libText("htmlTooManyElements", { n: elements.toLocaleString("en"), max: HTML_MAX_ELEMENTS.toLocaleString("en") }), {
      hint: libText("saveArticleAlone"),
    });
  }
  const tree = processor.parse(capped) as Root;
  const article = findArticle(tree, weigh(tree));
  const blocks = htmlBlocks(capped, tree, article, true);
  const warnings = depth > HTML_MAX_DEPTH || tables > HTML_MAX_TABLE_DEPTH
    ? [{ code: "W_HTML_TOO_DEEP", message: say("htmlTooDeep", { depth, tables, max: HTML_MAX_DEPTH, maxTables: HTML_MAX_TABLE_DEPTH }) }]
    : [];
  return { format: "html", encoding, source, blocks, meta: pageMeta(tree, article), ...(warnings.length ? { warnings } : {}) };
}

/**
 * Blocks of a whole HTML fragment (no article search): used for the HTML that mammoth makes of a .docx.
 * With `tabs`, a TAB in the text is the document's own tab stop (mammoth writes `<w:tab/>` as one and
 * never indents its markup), so it is kept: tab-aligned columns read as table cells, as in a text file.
 */
export function fragmentBlocks(html: string, opts: { tabs?: boolean } = {}): Block[] {
  const { html: capped } = capHtmlDepth(html);
  const tree = processor.parse(capped) as Root;
  return htmlBlocks(capped, tree, tree, false, opts.tabs === true);
}

function htmlBlocks(source: string, tree: Root, article: Element | Root, addTitle: boolean, keepTabs = false): Block[] {
  const blocks: Block[] = [];
  let acc: Acc = { codes: [], offs: [] };

  const flush = (end: number, kind?: Block["kind"]): void => {
    if (acc.codes.some((c) => c > 32 && c !== 0xa0 && c !== 0x3000)) {
      let t = "";
      for (let k = 0; k < acc.codes.length; k += 8192) t += String.fromCharCode(...acc.codes.slice(k, k + 8192));
      blocks.push({ text: t, offsets: Int32Array.from(acc.offs), end, ...(kind ? { kind } : {}) });
    }
    acc = { codes: [], offs: [] };
  };
  const startOf = (n: Element): number => n.position?.start.offset ?? 0;
  const endOf = (n: Element): number => n.position?.end.offset ?? startOf(n);

  const pushText = (node: Text, pre: boolean): void => {
    const offs = textOffsets(source, node);
    for (let i = 0; i < node.value.length; i++) {
      const c = node.value.charCodeAt(i);
      if (pre && c === 10) {
        flush(offs[i]!);
        continue;
      }
      // white space of the markup (line breaks, tabs) is one collapsible space; TAB is reserved for cells
      acc.codes.push((c === 9 && !keepTabs) || c === 10 || c === 13 || c === 12 ? 32 : c);
      acc.offs.push(offs[i]!);
    }
  };

  /** Text of a cell: its blocks joined without a separator (a cell wraps like a PDF line). */
  const cellText = (cell: Element): Acc => {
    const saved = acc;
    const savedCount = blocks.length;
    acc = { codes: [], offs: [] };
    walk(cell, false);
    flush(endOf(cell));
    const parts = blocks.splice(savedCount);
    acc = saved;
    const out: Acc = { codes: [], offs: [] };
    for (const b of parts) {
      const last = out.codes[out.codes.length - 1];
      const first = b.text.trimStart().charCodeAt(0);
      if (last !== undefined && isWord(last) && isWord(first)) {
        out.codes.push(32);
        out.offs.push(b.offsets[0] ?? 0);
      }
      for (let i = 0; i < b.text.length; i++) {
        const c = b.text.charCodeAt(i);
        out.codes.push(c === 9 ? 32 : c);
        out.offs.push(b.offsets[i]!);
      }
    }
    return out;
  };

  const hasText = (t: Acc): boolean => t.codes.some((c) => c > 32 && c !== 0xa0 && c !== 0x3000);

  const table = (el: Element): void => {
    const layout = isLayoutTable(el);
    // A cell with rowspan is repeated in the rows it spans (a merged 牵头单位 applies to each of them).
    const carried: ({ text: Acc; start: number; left: number } | undefined)[] = [];
    for (const tr of tableRows(el)) {
      const cells = cellsOf(tr);
      // a layout table's cells are read once, as text (reading them as cells first doubled the work per nested table)
      const texts = layout ? [] : cells.map(cellText);
      const pending = carried.some((c) => c && c.left > 0);
      if (layout || (texts.filter(hasText).length <= 1 && !pending)) {
        // a layout row: its content is ordinary text
        for (const c of cells) {
          flush(startOf(c));
          walk(c, false);
          flush(endOf(c));
        }
        continue;
      }
      const row: { text: Acc; start: number }[] = [];
      let col = 0;
      let k = 0;
      while (k < cells.length || carried.slice(col).some((c) => c && c.left > 0)) {
        const c = carried[col];
        if (c && c.left > 0) {
          row.push(c);
          c.left--;
          col++;
          continue;
        }
        const cell = cells[k];
        if (!cell) {
          row.push({ text: { codes: [], offs: [] }, start: endOf(tr) });
          col++;
          continue;
        }
        const entry = { text: texts[k]!, start: startOf(cell) };
        k++;
        const rowSpan = Math.min(Math.max(1, Number(attr(cell, "rowSpan")) || 1), 1000);
        const colSpan = Math.min(Math.max(1, Number(attr(cell, "colSpan")) || 1), 100);
        row.push(entry);
        carried[col] = rowSpan > 1 ? { ...entry, left: rowSpan - 1 } : undefined;
        col++;
        for (let s = 1; s < colSpan; s++, col++) row.push({ text: { codes: [], offs: [] }, start: entry.start }); // keep the columns aligned
      }
      flush(startOf(tr));
      row.forEach((cell, i) => {
        if (i > 0) {
          acc.codes.push(9);
          acc.offs.push(cell.start);
        }
        acc.codes.push(...cell.text.codes);
        acc.offs.push(...cell.text.offs);
      });
      flush(endOf(tr), "row");
    }
  };

  function walk(node: Element | Root, pre: boolean): void {
    for (const child of node.children as RootContent[]) {
      if (child.type === "text") pushText(child, pre);
      else if (child.type === "element") {
        if (isChrome(child)) continue;
        const tag = child.tagName;
        if (tag === "br") flush(startOf(child));
        else if (tag === "table") {
          flush(startOf(child));
          table(child);
        } else if (BLOCK_TAGS.has(tag) || tag === "td" || tag === "th") {
          flush(startOf(child));
          walk(child, pre || tag === "pre");
          flush(endOf(child), HEADINGS.has(tag) ? "heading" : undefined);
        } else walk(child, pre);
      }
    }
  }

  if (article.type === "element" && article.tagName === "table") {
    table(article);
  } else walk(article, false);
  flush(source.length);

  // The notice title is often printed above the body container only: take it when the body lacks it.
  const title = addTitle && article.type === "element" ? titleBefore(tree, article) : undefined;
  if (title) {
    const head = squash(blocks.slice(0, 12).map((b) => b.text).join("")).slice(0, 400);
    if (!head.includes(squash(textOf(title)))) {
      const outer = blocks.splice(0);
      walk(title, false);
      flush(endOf(title), "heading");
      blocks.push(...outer);
    }
  }

  return blocks;
}

const squash = (s: string): string => s.replace(/\s+/gu, "");

/** The last heading (h1/h2, or an element named "…title…") before the article, outside chrome. */
function titleBefore(tree: Root, article: Element): Element | undefined {
  let found: Element | undefined;
  let done = false;
  const visit = (n: Root | Element): void => {
    for (const c of elementChildren(n)) {
      if (done) return;
      if (c === article) {
        done = true;
        return;
      }
      if (isChrome(c)) continue;
      const names = `${attr(c, "className")} ${attr(c, "id")}`.toLowerCase().split(/[\s_\-]+/u);
      if (c.tagName === "h1" || c.tagName === "h2" || names.includes("title")) {
        const len = squash(textOf(c)).length;
        if (len >= 5 && len <= 120) found = c;
      }
      visit(c);
    }
  };
  visit(tree);
  return found;
}

const isWord = (c: number | undefined): boolean =>
  c !== undefined && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));

/** `<meta name="ArticleTitle">`-style values and a 文号 printed in the page's metadata block. */
function pageMeta(tree: Root, article: Element | Root): Record<string, string> {
  const meta: Record<string, string> = {};
  const lengths = textLengths(tree);
  const visit = (n: Root | Element, inArticle: boolean): void => {
    for (const c of elementChildren(n)) {
      const here = inArticle || c === article;
      if (c.tagName === "meta") {
        const name = attr(c, "name");
        const content = attr(c, "content").trim();
        if (content && /^(?:ArticleTitle|PubDate|ContentSource)$/iu.test(name)) meta[name] = content;
      } else if (!here && !isChrome(c) && (c.tagName === "td" || c.tagName === "li" || c.tagName === "span" || c.tagName === "p" || c.tagName === "div")) {
        // a metadata box is small: a big element (a layout cell holding the page) is read by its own text only,
        // its boxes are visited below (reading each ancestor whole was quadratic in the nesting)
        const text = (lengths.get(c) ?? 0) <= META_BOX_CHARS ? textOf(c) : ownText(c);
        const m = /(?:发文字号|文\s*号)\s*[:：]\s*([^\s:：]{2,40}?〔\d{4}〕\d{1,5}号|[^\s:：]{2,40}?[[(（]\d{4}[\])）]\d{1,5}号)/u.exec(text);
        if (m && !meta["文号"]) meta["文号"] = m[1]!;
        tableMeta(text, meta);
      }
      visit(c, here);
    }
  };
  visit(tree, article.type === "root");
  return meta;
}

/** Longest text of an element read whole for page metadata (a 索引号/发文字号 box is a few hundred characters). */
const META_BOX_CHARS = 3000;

/** Length of textOf() for every element, in one pass. */
function textLengths(tree: Root): Map<Element, number> {
  const out = new Map<Element, number>();
  const visit = (node: Root | ElementContent): number => {
    if (node.type === "text") return node.value.length;
    if (node.type !== "element" && node.type !== "root") return 0;
    if (node.type === "element" && isChrome(node)) return 0;
    let n = 0;
    for (const c of node.children as ElementContent[]) n += visit(c);
    if (node.type === "element") out.set(node, n);
    return n;
  };
  visit(tree);
  return out;
}

/** The text directly inside an element (its text children, no descendants). */
const ownText = (el: Element): string => (el.children as ElementContent[]).map((c) => (c.type === "text" ? c.value : "")).join("");

/** Keys of a government page's metadata table (索引号 / 主题分类 / 发文机关 / 成文日期 / 标题 / 发文字号 / 发布日期). */
const TABLE_KEY_RE = /(?<key>发文机关|成文日期|标题)[:：](?<value>[^:：]{1,120}?)(?=索引号|主题分类|发文机关|成文日期|标题|发文字号|发布日期|主题词|$)/gu;

/** 发文机关, 成文日期 and 标题 stated by a metadata table outside the article (a small box, not the page). */
function tableMeta(text: string, meta: Record<string, string>): void {
  const flat = text.replace(/[\s\u3000\u00a0]+/gu, "");
  if (flat.length > 1500 || !/索引号|发文机关|成文日期/u.test(flat)) return;
  for (const m of flat.matchAll(TABLE_KEY_RE)) {
    const key = m.groups!.key!;
    const value = m.groups!.value!;
    if (key === "成文日期" && !/^\d{4}年\d{1,2}月\d{1,2}日$|^\d{4}-\d{1,2}-\d{1,2}$/u.test(value)) continue;
    if (!meta[key]) meta[key] = value;
  }
}
