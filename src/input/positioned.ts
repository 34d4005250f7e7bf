/**
 * Positioned text → lines and tables, for the fixed-layout formats (PDF, OFD). A reader hands over,
 * per page, its text runs with their positions (x, baseline y, width, glyph height; top-down page
 * coordinates, any unit as long as it is the same on a page) and the straight rule segments drawn
 * on the page; this module rebuilds physical lines (grouped by baseline, a visible gap becoming one
 * space), ruled tables (from the segments, via pdf-parse's grid geometry) and column-aligned tables
 * without rules, removes page furniture (page numbers, running headers/footers) and joins tables
 * across page breaks, and returns the text with one block per line or table row.
 */
import { Line, LineStore, Point } from "./pdf-geometry.js";
import { DOC_NUMBER_END_RE, PAGE_FURNITURE_RE, TITLE_END_RE } from "../extract/patterns.js";
import { type Block, sliceBlock } from "../text/blocks.js";
import { fold } from "../text/chars.js";
import { startsParagraph } from "../text/paragraphs.js";
import { columnBands } from "./page-columns.js";

/** A text run (one glyph or more) at its place on the page. */
export interface Item {
  str: string;
  x: number;
  /** Baseline, top-down page coordinates. */
  y: number;
  w: number;
  h: number;
}

interface TextLine {
  text: string;
  y: number;
}

/** A line keeps its extent and glyph height, and the band it was read in (for joining wrapped lines). */
export type PageElement =
  | { kind: "line"; y: number; text: string; x0?: number; x1?: number; h?: number; band?: number }
  | { kind: "table"; y: number; rows: string[][] };

/** A straight rule drawn on the page, from (x0, y0) to (x1, y1), top-down page coordinates. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One page's lines and tables in reading order, with the page height (for furniture at its edges). */
export interface PageContent {
  height: number;
  elements: PageElement[];
}

type TableData = ReturnType<LineStore["getTableData"]>[number];
type TableCell = TableData["rows"][number][number];

/**
 * One page: text runs and rule segments → lines and tables, top to bottom. Runs inside a ruled
 * table's cell become that cell's text; the others are lines (or a column-aligned table).
 */
export function layoutPage(items: readonly Item[], segments: readonly Segment[], height: number): PageContent {
  const { tables, rules } = items.length ? rulingTables(segments) : { tables: [], rules: [] };
  // A cell whose top rule is not drawn is merged with the cell above (pdf-parse splits it).
  const openTop = (cell: TableCell): boolean => {
    const xm = (cell.minXY.x + cell.maxXY.x) / 2;
    return !rules.some((r) => Math.abs(r.y - cell.minXY.y) < 2 && r.x0 - 1 <= xm && xm <= r.x1 + 1);
  };
  const cellItems = new Map<TableCell, Item[]>();
  const flow: Item[] = [];
  for (const item of items) {
    let cell: TableCell | undefined;
    for (const t of tables) if ((cell = t.findCell(item.x, item.y))) break;
    if (cell) {
      const list = cellItems.get(cell);
      if (list) list.push(item);
      else cellItems.set(cell, [item]);
    } else flow.push(item);
  }
  const elements: PageElement[] = [];
  // Reading order: band by band (one band, or above / left column / right column / below), each top to bottom.
  const bands = columnBands(flow);
  const bandOf = new Map<PageElement, number>();
  bands.forEach((band, b) => {
    const flowLines = groupItemLines(band);
    for (let i = 0; i < flowLines.length; i++) {
      const table = borderlessTable(flowLines, i);
      const ln = flowLines[i]!;
      const el: PageElement = table
        ? { kind: "table", y: Math.min(...ln.map((it) => it.y)), rows: table.rows }
        : { kind: "line", y: Math.min(...ln.map((it) => it.y)), text: lineText(ln), ...lineExtent(ln), band: b };
      if (table) i = table.end - 1;
      elements.push(el);
      bandOf.set(el, b);
    }
  });
  // a ruled table of a two-column page stands in the column its left edge is in
  const right = bands.length > 1 ? Math.min(...bands[2]!.map((it) => it.x)) : Number.POSITIVE_INFINITY;
  for (const t of tables) {
    const rows = gridRows(t, (cell) => cellText(cellItems.get(cell) ?? []), openTop).filter((row) => row.some((c) => c !== ""));
    if (!rows.length) continue;
    const el: PageElement = { kind: "table", y: t.minXY.y, rows };
    elements.push(el);
    bandOf.set(el, bands.length > 1 ? (t.minXY.x >= right - 1 ? 2 : 1) : 0);
  }
  // the sort is stable for equal y
  elements.sort((a, b) => bandOf.get(a)! - bandOf.get(b)! || a.y - b.y);
  return { height, elements };
}

/** A horizontal rule as drawn: x from–to at y (page coordinates). */
interface Rule {
  x0: number;
  x1: number;
  y: number;
}

/**
 * The rules a path draws, in the path's own coordinates (a point-sized unit): every straight
 * horizontal or vertical segment of a stroked subpath, and the thin filled rectangles that Word
 * and others paint rules as. Curves are not rules (the reader leaves curved subpaths out).
 */
export function pathRules(sub: readonly (readonly [number, number])[], stroked: boolean): Segment[] {
  const out: Segment[] = [];
  if (stroked) {
    for (let k = 1; k < sub.length; k++) {
      const [ax, ay] = sub[k - 1]!;
      const [bx, by] = sub[k]!;
      if ((Math.abs(ay - by) < 0.01 && Math.abs(ax - bx) > 5) || (Math.abs(ax - bx) < 0.01 && Math.abs(ay - by) > 5)) out.push({ x0: ax, y0: ay, x1: bx, y1: by });
    }
    return out;
  }
  const xs = sub.map((p) => p[0]);
  const ys = sub.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 <= 2.5 && x1 - x0 > 5) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
  else if (x1 - x0 <= 2.5 && y1 - y0 > 5) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
  return out;
}

/** Ruled tables from the page's rule segments, as pdf-parse's getTable() finds them. */
function rulingTables(segments: readonly Segment[]): { tables: TableData[]; rules: Rule[] } {
  const store = new LineStore();
  const rules: Rule[] = [];
  for (const s of segments) {
    const l = new Line(new Point(s.x0, s.y0), new Point(s.x1, s.y1));
    if (Math.abs(l.from.y - l.to.y) < 0.5) rules.push({ x0: Math.min(l.from.x, l.to.x), x1: Math.max(l.from.x, l.to.x), y: l.from.y });
    store.add(l);
  }
  store.normalize();
  // A frame around one paragraph (one column) is decoration, not a table.
  const tables = store.getTableData().filter((t) => t.rows.length >= 1 && Math.max(...t.rows.map((r) => r.length)) >= 2);
  return { tables, rules };
}

/**
 * Rows on the full column grid. A merged cell appears only in its first row (pdf-parse leaves it
 * out of the rows it spans): its text is repeated there, as a merged 牵头单位 applies to each row;
 * columns a colspan covers stay as empty cells so that the columns keep their header.
 */
function gridRows(t: TableData, textOf: (cell: TableCell) => string, openTop: (cell: TableCell) => boolean): string[][] {
  const xs = [...new Set(t.rows.flatMap((r) => r.map((c) => Math.round(c.minXY.x))))].sort((a, b) => a - b);
  const colOf = (x: number): number => {
    let best = 0;
    xs.forEach((v, i) => {
      if (Math.abs(v - x) < Math.abs(xs[best]! - x)) best = i;
    });
    return best;
  };
  interface Slot {
    text: string;
    group: Slot[];
  }
  const grid: (Slot | undefined)[][] = [];
  const carried: ({ slot: Slot; left: number } | undefined)[] = [];
  t.rows.forEach((row, r) => {
    const out: (Slot | undefined)[] = new Array<Slot | undefined>(xs.length).fill(undefined);
    const own = new Set<number>();
    for (const cell of row) {
      const col = colOf(cell.minXY.x);
      own.add(col);
      const above = grid[r - 1]?.[col];
      const slot: Slot = { text: textOf(cell), group: [] };
      // no rule above: the same merged cell as the one above
      if (r > 0 && above && openTop(cell)) slot.group = above.group;
      slot.group.push(slot);
      out[col] = slot;
      for (let s = 1; s < (cell.colspan ?? 1) && col + s < out.length; s++) out[col + s] = { text: "", group: [] };
      carried[col] = (cell.rowspan ?? 1) > 1 ? { slot, left: (cell.rowspan ?? 1) - 1 } : undefined;
    }
    for (let col = 0; col < out.length; col++) {
      const c = carried[col];
      if (!own.has(col) && out[col] === undefined && c && c.left > 0) {
        out[col] = c.slot;
        c.left--;
      }
    }
    grid.push(out);
  });
  const merged = (slot: Slot): string => (slot.group.length > 1 ? slot.group.map((s) => s.text).reduce(joinCell) : slot.text);
  return grid.map((out) => out.map((slot) => (slot ? merged(slot) : "")));
}

/**
 * Items → physical lines, top to bottom: a new line when the baseline moves by more than half a
 * glyph. Sorting by baseline first also brings together runs a producer painted out of order.
 */
function groupItemLines(unsorted: readonly Item[]): Item[][] {
  const items = [...unsorted].sort((a, b) => a.y - b.y);
  const lines: Item[][] = [];
  let cur: Item[] = [];
  let curY = 0;
  let curH = 0;
  for (const it of items) {
    if (cur.length && it.y - curY > 0.5 * Math.max(curH, it.h, 1)) {
      lines.push(cur);
      cur = [];
    }
    if (cur.length === 0) {
      curY = it.y; // the line's top baseline
      curH = it.h;
    } else curH = Math.max(curH, it.h);
    cur.push(it);
  }
  if (cur.length) lines.push(cur);
  return lines.filter((ln) => ln.some((i) => i.str.trim() !== ""));
}

function groupLines(items: readonly Item[]): TextLine[] {
  return groupItemLines(items).map((ln) => ({ text: lineText(ln), y: Math.min(...ln.map((i) => i.y)) }));
}

/** Column titles of task tables; a line with 序号 and two more of them heads a table. */
const HEADER_WORDS = [
  "重点任务", "工作任务", "主要任务", "任务", "工作内容", "具体内容", "主要内容", "目标任务", "工作措施", "具体措施", "项目名称", "名称",
  "牵头单位", "责任单位", "配合单位", "牵头部门", "责任部门", "配合部门", "完成时限", "完成时间", "时间节点", "时限", "区县", "备注",
];

/**
 * A table without rules (column-aligned text) headed by a line such as
 * `序号  重点任务  牵头单位  完成时限`: columns are cut at the white gutters between the header's
 * titles, a row starts where the first column holds a number, and lines whose first cell is empty
 * continue the row (text wrapped inside its cell). Ends at a line that runs across a gutter.
 */
function borderlessTable(lines: readonly Item[][], at: number): { rows: string[][]; end: number } | null {
  const header = lines[at]!.filter((i) => i.str.trim() !== "").sort((a, b) => a.x - b.x);
  const squashed = squash(header.map((i) => i.str).join(""));
  if (!squashed.startsWith("序号") || HEADER_WORDS.filter((w) => squashed.includes(w)).length < 2) return null;
  // header titles: runs of items separated by more than 1.5 glyphs
  const titles: { x0: number; x1: number }[] = [];
  for (const it of header) {
    const last = titles[titles.length - 1];
    if (last && it.x - last.x1 <= 1.5 * (it.h || 10)) last.x1 = Math.max(last.x1, it.x + it.w);
    else titles.push({ x0: it.x, x1: it.x + it.w });
  }
  if (titles.length < 3) return null;
  const gaps = titles.slice(1).map((t, k) => ({ g0: titles[k]!.x1, g1: t.x0 }));
  let end = at + 1;
  for (; end < lines.length; end++) {
    const ln = lines[end]!.filter((i) => i.str.trim() !== "");
    const crosses = ln.some((i) => gaps.some((g) => i.x < g.g0 && i.x + i.w > g.g1));
    const h = Math.max(...ln.map((i) => i.h), 10);
    const jump = Math.min(...ln.map((i) => i.y)) - Math.max(...lines[end - 1]!.map((i) => i.y));
    // text only in the 序号 column that is not a number is prose after the table (附件2, 注：)
    const firstOnly = ln.every((i) => i.x + i.w <= gaps[0]!.g1) && !/^\d{1,3}$/u.test(squash(ln.map((i) => i.str).join("")));
    if (crosses || jump > 4 * h || firstOnly) break;
  }
  if (end === at + 1) return null;
  const body = lines.slice(at + 1, end).map((ln) => ln.filter((i) => i.str.trim() !== ""));
  // cut each gutter in the middle of its widest stretch that no body text covers
  const cuts = gaps.map(({ g0, g1 }) => {
    const covered = body.flat().map((i) => [Math.max(g0, i.x), Math.min(g1, i.x + i.w)] as const).filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0]);
    let best = { from: g0, to: g0 };
    let x = g0;
    for (const [a, b] of [...covered, [g1, g1] as const]) {
      if (a - x > best.to - best.from) best = { from: x, to: a };
      x = Math.max(x, b);
    }
    return best.to > best.from ? (best.from + best.to) / 2 : (g0 + g1) / 2;
  });
  const colOf = (x: number): number => cuts.filter((c) => x >= c).length;
  const cellsOf = (ln: Item[]): string[] => {
    const cols: Item[][] = titles.map(() => []);
    for (const it of ln) cols[colOf(it.x + 0.5)]!.push(it);
    return cols.map((c) => (c.length ? lineText(c) : ""));
  };
  const rows: string[][] = [cellsOf(header)];
  let current: string[] | undefined;
  for (const ln of body) {
    const cells = cellsOf(ln);
    if (!current || /^\d{1,3}$/u.test(cells[0]!.trim())) {
      current = cells;
      rows.push(current);
    } else {
      for (let c = 0; c < cells.length; c++) current[c] = joinCell(current[c] ?? "", cells[c] ?? "");
    }
  }
  return rows.length >= 2 ? { rows, end } : null;
}

/** Where a line's text starts and ends, and its tallest glyph. */
function lineExtent(items: readonly Item[]): { x0: number; x1: number; h: number } {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let h = 0;
  for (const it of items) {
    if (it.str.trim() === "") continue;
    x0 = Math.min(x0, it.x);
    x1 = Math.max(x1, it.x + it.w);
    h = Math.max(h, it.h);
  }
  return { x0, x1, h };
}

/** One line's text: items left to right; a visible gap becomes one space (the core drops it next to CJK). */
function lineText(items: readonly Item[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let text = "";
  let lastEnd = -Infinity;
  const kept: Item[] = [];
  for (const it of sorted) {
    // "fake bold": the same run painted twice a fraction of a point apart
    if (it.str.trim() && kept.some((k) => k.str === it.str && Math.abs(k.x - it.x) < 1.5 && Math.abs(k.y - it.y) < 1.5)) continue;
    kept.push(it);
    const gap = it.x - lastEnd;
    if (text && gap > 0.25 * (it.h || 10) && !/\s$/u.test(text) && !/^\s/u.test(it.str)) text += " ";
    text += it.str;
    lastEnd = Math.max(lastEnd, it.x + it.w);
  }
  return text.replace(/[\t\r\n]+/gu, " ").trim();
}

/** A cell's lines joined as the cell wraps them: no separator, except a space between two Latin letters/digits. */
function cellText(items: readonly Item[]): string {
  let out = "";
  for (const line of groupLines(items)) {
    const t = line.text.trim();
    if (out && t && isWordChar(out.charCodeAt(out.length - 1)) && isWordChar(t.charCodeAt(0))) out += " ";
    out += t;
  }
  return out;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const squash = (s: string): string => s.replace(/\s+/gu, "");

function isPageNumber(text: string): boolean {
  const f = fold(text).replace(/\s+/gu, " ").trim();
  return PAGE_FURNITURE_RE.test(f) || PAGE_FURNITURE_RE.test(squash(f));
}

/** Lines near the top or bottom of a page whose text (digits ignored) recurs on most pages. */
function dropFurniture(pages: PageContent[]): void {
  const EDGE = 2; // look at the first and last two lines of each page
  const key = (t: string): string => squash(t).replace(/\d+/gu, "#");
  const counts = new Map<string, number>();
  const edges = pages.map((p) => {
    const lines = p.elements.filter((e): e is Extract<PageElement, { kind: "line" }> => e.kind === "line");
    const top = lines.filter((l) => l.y < p.height * 0.15).slice(0, EDGE);
    const bottom = lines.filter((l) => l.y > p.height * 0.85).slice(-EDGE);
    const set = new Set([...top.map((l) => `t:${key(l.text)}`), ...bottom.map((l) => `b:${key(l.text)}`)]);
    for (const k of set) counts.set(k, (counts.get(k) ?? 0) + 1);
    return { top, bottom };
  });
  // on a two-page notice, a line at the same edge of both pages is furniture too
  const minRepeat = pages.length === 2 ? 2 : Math.max(3, Math.ceil(pages.length * 0.5));
  pages.forEach((p, i) => {
    const { top, bottom } = edges[i]!;
    const drop = new Set<PageElement>();
    for (const l of top) if (isPageNumber(l.text) || (l.text.length <= 60 && (counts.get(`t:${key(l.text)}`) ?? 0) >= minRepeat)) drop.add(l);
    for (const l of bottom) if (isPageNumber(l.text) || (l.text.length <= 60 && (counts.get(`b:${key(l.text)}`) ?? 0) >= minRepeat)) drop.add(l);
    // A page number printed anywhere as the page's last line (no margin information needed).
    const last = p.elements[p.elements.length - 1];
    if (last?.kind === "line" && isPageNumber(last.text)) drop.add(last);
    p.elements = p.elements.filter((e) => !drop.has(e));
  });
}

/**
 * A table that goes on over a page break: drop the repeated header row, and join a row whose
 * first cell (序号) is empty to the last row of the previous page's table.
 */
function joinTablesAcrossPages(pages: PageContent[]): void {
  let header: string[] | undefined; // header row of the table being continued
  for (let i = 1; i < pages.length; i++) {
    const prevPage = pages[i - 1]!;
    const prev = prevPage.elements[prevPage.elements.length - 1];
    const first = pages[i]!.elements[0];
    if (prev?.kind !== "table" || first?.kind !== "table") {
      header = undefined;
      continue;
    }
    if (prevPage.elements.length > 1 || !header) header = prev.rows[0];
    const width = header?.length ?? 0;
    if (!header || first.rows[0]?.length !== width) {
      header = undefined;
      continue;
    }
    if (first.rows[0]!.join("\t") === header.join("\t")) first.rows.shift();
    const cont = first.rows[0];
    const last = prev.rows[prev.rows.length - 1];
    if (cont && last && cont.length === last.length && cont[0] === "" && last !== header) {
      for (let c = 0; c < cont.length; c++) last[c] = joinCell(last[c] ?? "", cont[c] ?? "");
      first.rows.shift();
    }
    if (first.rows.length === 0) pages[i]!.elements.shift();
  }
}

type LineElement = Extract<PageElement, { kind: "line" }>;

/** Punctuation that ends a sentence or a clause: a line ending with it is left for the text stage to judge. */
const CLAUSE_END = new Set([..."。！？；：!?;:"]);
/** Fewest lines of a band that must reach its right edge for that edge to count as the margin. */
const MIN_FULL_LINES = 3;
/** Narrowest band, in glyphs, that holds running text (a page of short cells has no margin to reach). */
const MIN_TEXT_GLYPHS = 12;

/**
 * 回行 (a paragraph wrapped by the layout): a line that runs to the right edge of its band, on which
 * the next line goes on at the band's left edge, one ordinary line pitch lower and in the same
 * type size, is one paragraph with it — the wrap is the layout's, not the writer's. Such lines
 * become one line, as a text file holds a paragraph, so that a break that splits a word or a unit
 * name (市市 / 场监管局) does not read as a break between two items. A line that ends a sentence,
 * a title or 文号 line, a next line that starts a paragraph of its own (a marker, a date, a label),
 * a shorter line, an indented one or a wider gap are left as they are: the text stage judges those.
 */
function joinWrappedLines(page: PageContent): void {
  const byBand = new Map<number, LineElement[]>();
  for (const e of page.elements) {
    if (e.kind !== "line" || e.x0 === undefined || e.x1 === undefined || !e.h) continue;
    const list = byBand.get(e.band ?? 0);
    if (list) list.push(e);
    else byBand.set(e.band ?? 0, [e]);
  }
  const joined = new Set<PageElement>();
  for (const lines of byBand.values()) {
    const left = Math.min(...lines.map((l) => l.x0!));
    const right = Math.max(...lines.map((l) => l.x1!));
    const full = (l: LineElement): boolean => l.x1! >= right - 1.5 * l.h! && l.x1! - left >= MIN_TEXT_GLYPHS * l.h!;
    if (lines.filter(full).length < MIN_FULL_LINES) continue;
    const steps = lines.slice(1).map((l, k) => l.y - lines[k]!.y).filter((d) => d > 0);
    // the ordinary line pitch: a low quantile, as paragraph gaps and tables widen the others
    const pitch = quantile(steps, 0.25);
    let head: LineElement | undefined; // the line that the previous ones were joined into
    for (let k = 1; k < lines.length; k++) {
      const prev = lines[k - 1]!;
      const next = lines[k]!;
      const step = next.y - prev.y;
      const tail = fold(squash(prev.text.slice(-60)));
      const wrapped =
        full(prev) &&
        !CLAUSE_END.has(tail[tail.length - 1] ?? "") &&
        !TITLE_END_RE.test(tail) && // a title, a 文号 that fill their line
        !DOC_NUMBER_END_RE.test(tail) &&
        next.x0! <= left + 0.5 * next.h! &&
        step > 0 &&
        step <= 1.2 * pitch + 1 &&
        Math.abs(next.h! - prev.h!) <= 0.2 * prev.h! &&
        !startsParagraph(fold(squash(next.text)));
      if (!wrapped) {
        head = undefined;
        continue;
      }
      head ??= prev;
      head.text = joinCell(head.text, next.text.trim());
      joined.add(next);
    }
  }
  if (joined.size) page.elements = page.elements.filter((e) => !joined.has(e));
}

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length * q)]! : 0;
};

function joinCell(a: string, b: string): string {
  if (a && b && isWordChar(a.charCodeAt(a.length - 1)) && isWordChar(b.charCodeAt(0))) return `${a} ${b}`;
  return a + b;
}

/**
 * The pages as one text: furniture dropped, tables joined over page breaks, a blank line between
 * pages; each line is a block (a table row a `row` block, cells TAB-separated) carrying its page.
 */
export function layoutPages(pages: PageContent[]): { source: string; blocks: Block[] } {
  dropFurniture(pages);
  joinTablesAcrossPages(pages);
  pages.forEach(joinWrappedLines);

  let source = "";
  const blocks: Block[] = [];
  pages.forEach((p, idx) => {
    const page = idx + 1;
    if (idx > 0) source += "\n"; // a blank line marks the page break
    for (const e of p.elements) {
      const lines = e.kind === "line" ? [{ text: e.text, row: false }] : e.rows.map((r) => ({ text: r.map(cleanCell).join("\t"), row: true }));
      for (const l of lines) {
        const start = source.length;
        source += l.text;
        blocks.push(sliceBlock(source, start, source.length, l.row ? { kind: "row", page } : { page }));
        source += "\n";
      }
    }
  });
  return { source, blocks };
}

const cleanCell = (s: string): string => s.replace(/[\t\r\n]+/gu, " ").trim();
