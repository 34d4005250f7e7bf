/**
 * PDF (版式文件) reader. pdf.js text items with their positions become lines; ruled tables (the
 * 序号/重点任务/牵头单位/完成时限 lists of 附件) become TAB-separated row blocks, a row split by a
 * page break is joined and the header row repeated on each page is dropped; page numbers and
 * running headers/footers (lines repeated at the top or bottom of most pages) are removed.
 *
 * pdf.js is used directly (the same pdfjs-dist that pdf-parse v2 wraps) because PDFParse does
 * not expose item positions. Table rules are read from the page's path segments (stroked lines
 * and thin filled rectangles); pdf-parse's exported grid geometry (LineStore) turns them into cells.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Line, LineStore, Point } from "pdf-parse";
import { GongkaiError } from "../errors.js";
import { PAGE_FURNITURE_RE } from "../extract/patterns.js";
import { type Block, sliceBlock, type DecodedInput } from "../text/blocks.js";
import { fold, isCjk } from "../text/chars.js";
import type { ReadOptions } from "./types.js";
import { columnBands } from "./pdf-columns.js";
import { readSandboxed } from "./sandbox.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

/**
 * Time budgets for pdf.js: a hostile or broken file must not hang a batch. Opening the document
 * and each page get their own bound, so long documents are not cut off by a whole-file limit.
 * (These bounds are checked between pdf.js's asynchronous steps; a step that never yields is
 * stopped from outside: the reader runs on a thread that sandbox.ts terminates.)
 */
export const PDF_OPEN_TIMEOUT_MS = 30_000;
export const PDF_PAGE_TIMEOUT_MS = 20_000;

function bounded<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new GongkaiError("E_PDF_CORRUPT", `pdf.js did not finish ${what} within ${ms / 1000} s`, { hint: "the PDF may be damaged; re-save it or export the text" })),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

interface Item {
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

type PageElement = { kind: "line"; y: number; text: string } | { kind: "table"; y: number; rows: string[][] };

interface PdfPageContent {
  height: number;
  elements: PageElement[];
}

type TableData = ReturnType<LineStore["getTableData"]>[number];
type TableCell = TableData["rows"][number][number];

let pdfjsPromise: Promise<PdfJs> | undefined;

function assetDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  // pdf.js in Node reads these with fs: plain absolute paths ending in "/", not file:// URLs.
  const root = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: path.join(root, "cmaps") + path.sep, standardFontDataUrl: path.join(root, "standard_fonts") + path.sep };
}

/**
 * The legacy build's core-js polyfills replace Array.prototype.push for the whole process, which makes
 * everything after the first PDF slower (measured: 1.5× CPU for the text pipeline in the same worker);
 * Node 20's native push needs no polyfill, so it is put back once the module is loaded.
 */
async function loadPdfJs(): Promise<PdfJs> {
  const push = Array.prototype.push;
  try {
    return await import("pdfjs-dist/legacy/build/pdf.mjs");
  } finally {
    Array.prototype.push = push;
  }
}

/** Read a PDF on the reader thread (sandbox.ts): a stuck pdf.js is stopped from outside. */
export function readPdf(bytes: Uint8Array, opts: ReadOptions): Promise<DecodedInput> {
  return readSandboxed("pdf", bytes, opts, () => readPdfInProcess(bytes, opts));
}

export async function readPdfInProcess(bytes: Uint8Array, opts: ReadOptions): Promise<DecodedInput> {
  pdfjsPromise ??= loadPdfJs();
  const pdfjs = await pdfjsPromise;
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer: give it a copy
    ...assetDirs(),
    cMapPacked: true,
    ...(opts.password !== undefined ? { password: opts.password } : {}),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    const doc = await bounded(task.promise, PDF_OPEN_TIMEOUT_MS, "opening the file");
    return assemble(await extractPages(pdfjs, doc));
  } catch (e) {
    throw pdfError(e, opts);
  } finally {
    await task.destroy().catch(() => undefined); // also destroys the document and its fake worker
  }
}

async function extractPages(pdfjs: PdfJs, doc: PdfDocument): Promise<PdfPageContent[]> {
  const pages: PdfPageContent[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await bounded(doc.getPage(n), PDF_PAGE_TIMEOUT_MS, `loading page ${n}`);
    try {
      pages.push(await bounded(readPage(pdfjs, page), PDF_PAGE_TIMEOUT_MS, `reading page ${n}`));
    } finally {
      page.cleanup();
    }
  }
  return pages;
}

function pdfError(e: unknown, opts: ReadOptions): GongkaiError {
  if (e instanceof GongkaiError) return e;
  const err = e as { name?: string; message?: string; code?: number };
  if (err?.name === "PasswordException") {
    const wrong = err.code === 2 || opts.password !== undefined;
    return new GongkaiError("E_PDF_ENCRYPTED", wrong ? "the PDF is encrypted and the password is wrong" : "the PDF is encrypted with a password", {
      hint: "pass the user password with --password",
    });
  }
  const detail = err?.message ? ` (${String(err.message).split("\n")[0]})` : "";
  return new GongkaiError("E_PDF_CORRUPT", `the PDF is corrupt or truncated${detail}`, { hint: "download the file again or re-save it", cause: e });
}

async function readPage(pdfjs: PdfJs, page: PdfPage): Promise<PdfPageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: Item[] = [];
  for (const it of content.items) {
    if (!("str" in it) || it.str === "") continue;
    const tx = pdfjs.Util.transform(pdfjs.Util.transform(viewport.transform, it.transform), [1, 0, 0, -1, 0, 0]);
    items.push({ str: it.str, x: tx[4]!, y: tx[5]!, w: it.width, h: it.height });
  }
  const { tables, rules } = items.length ? await findTables(pdfjs, page, viewport.transform) : { tables: [], rules: [] };
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
        : { kind: "line", y: Math.min(...ln.map((it) => it.y)), text: lineText(ln) };
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
  return { height: viewport.height, elements };
}

/** Ruled tables from the stroked paths of the page, as pdf-parse's getTable() finds them. */
/** Straight-line subpaths of a pdf.js path buffer (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 closePath); curves are skipped. */
function subpaths(buf: Float32Array): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  let curved = false;
  const end = (): void => {
    if (cur.length > 1 && !curved) out.push(cur);
    cur = [];
    curved = false;
  };
  for (let k = 0; k < buf.length; ) {
    const op = buf[k++];
    if (op === 0) {
      end();
      cur.push([buf[k]!, buf[k + 1]!]);
      k += 2;
    } else if (op === 1) {
      cur.push([buf[k]!, buf[k + 1]!]);
      k += 2;
    } else if (op === 2) {
      curved = true;
      cur.push([buf[k + 4]!, buf[k + 5]!]);
      k += 6;
    } else if (op === 3) {
      if (cur.length > 1) cur.push(cur[0]!);
      const first = cur[0];
      end();
      if (first) cur.push(first); // a closed subpath leaves the current point at its start
    } else break; // unknown op: stop reading this path
  }
  end();
  return out;
}

/** A horizontal rule as drawn: x from–to at y (viewport coordinates). */
interface Rule {
  x0: number;
  x1: number;
  y: number;
}

async function findTables(pdfjs: PdfJs, page: PdfPage, viewportTransform: number[]): Promise<{ tables: TableData[]; rules: Rule[] }> {
  const store = new LineStore();
  const rules: Rule[] = [];
  const keep = (l: Line): void => {
    if (Math.abs(l.from.y - l.to.y) < 0.5) rules.push({ x0: Math.min(l.from.x, l.to.x), x1: Math.max(l.from.x, l.to.x), y: l.from.y });
  };
  const ops = await page.getOperatorList();
  let matrix = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const add = (x0: number, y0: number, x1: number, y1: number): void => {
    const line = new Line(new Point(x0, y0), new Point(x1, y1)).transform(matrix).transform(viewportTransform);
    keep(line);
    store.add(line);
  };
  const strokes = new Set<number>([pdfjs.OPS.stroke, pdfjs.OPS.closeStroke, pdfjs.OPS.fillStroke, pdfjs.OPS.eoFillStroke, pdfjs.OPS.closeFillStroke, pdfjs.OPS.closeEOFillStroke]);
  const fills = new Set<number>([pdfjs.OPS.fill, pdfjs.OPS.eoFill]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === pdfjs.OPS.constructPath) {
      const op = args?.[0] as number;
      const path = (args?.[1] as (Float32Array | null)[] | undefined)?.[0];
      if (!path || !(strokes.has(op) || fills.has(op))) continue;
      for (const sub of subpaths(path)) {
        if (strokes.has(op)) {
          // every straight horizontal or vertical segment of a stroked path is a rule
          for (let k = 1; k < sub.length; k++) {
            const [ax, ay] = sub[k - 1]!;
            const [bx, by] = sub[k]!;
            if ((Math.abs(ay - by) < 0.01 && Math.abs(ax - bx) > 5) || (Math.abs(ax - bx) < 0.01 && Math.abs(ay - by) > 5)) add(ax, ay, bx, by);
          }
        } else {
          // Word and others paint rules as thin filled rectangles
          const xs = sub.map((p) => p[0]);
          const ys = sub.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (y1 - y0 <= 2.5 && x1 - x0 > 5) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          else if (x1 - x0 <= 2.5 && y1 - y0 > 5) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
        }
      }
    } else if (fn === pdfjs.OPS.save) stack.push(matrix);
    else if (fn === pdfjs.OPS.restore) matrix = stack.pop() ?? matrix;
    else if (fn === pdfjs.OPS.transform) matrix = pdfjs.Util.transform(matrix, args as number[]);
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
function dropFurniture(pages: PdfPageContent[]): void {
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
  const minRepeat = Math.max(3, Math.ceil(pages.length * 0.5));
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
function joinTablesAcrossPages(pages: PdfPageContent[]): void {
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

function joinCell(a: string, b: string): string {
  if (a && b && isWordChar(a.charCodeAt(a.length - 1)) && isWordChar(b.charCodeAt(0))) return `${a} ${b}`;
  return a + b;
}

/** Share of characters that cannot be real text: U+FFFD, private use, C0 controls. */
function garbledShare(text: string): { bad: number; total: number; cjk: number; latinExt: number } {
  let bad = 0;
  let total = 0;
  let cjk = 0;
  let latinExt = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c <= 32 || c === 0x3000 || c === 0xa0) {
      if (c < 32 && c !== 9 && c !== 10 && c !== 13) bad++;
      continue;
    }
    total++;
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000) bad++;
    else if (isCjk(c)) cjk++;
    else if (c >= 0x80 && c <= 0x24f) latinExt++;
  }
  return { bad, total, cjk, latinExt };
}

function assemble(pages: PdfPageContent[]): DecodedInput {
  const all = pages.flatMap((p) => p.elements.map((e) => (e.kind === "line" ? e.text : e.rows.flat().join("")))).join("");
  const stats = garbledShare(all);
  if (stats.total < Math.max(16, 4 * pages.length)) {
    throw new GongkaiError("E_PDF_NO_TEXT", "no text layer — the PDF looks scanned; run OCR first", {
      hint: "OCR the file (e.g. ocrmypdf -l chi_sim) and parse the result",
    });
  }
  // Fonts without a usable ToUnicode map come out as U+FFFD/private-use codes or as Latin-1 look-alikes.
  if (stats.bad / stats.total > 0.2 || (stats.cjk / stats.total < 0.05 && stats.latinExt / stats.total > 0.3)) {
    throw new GongkaiError("E_PDF_GARBLED", "the PDF text layer is garbled (fonts without a Unicode map)", {
      hint: "OCR the rendered pages instead, or get the Word/HTML version of the notice",
    });
  }
  // Some pages without text among pages with text: scanned pages mixed in. Say so; their text is missing.
  const empty = pages.flatMap((p, i) => (p.elements.length === 0 ? [i + 1] : []));
  const warnings = empty.length ? [{ code: "W_PDF_PAGES_NO_TEXT", message: `${empty.length > 1 ? `pages ${empty.join(", ")} have` : `page ${empty[0]} has`} no text layer (scanned?): that text is missing; run OCR first` }] : [];
  dropFurniture(pages);
  joinTablesAcrossPages(pages);

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
  return { format: "pdf", encoding: null, source, blocks, pages: pages.length, ...(warnings.length ? { warnings } : {}) };
}

const cleanCell = (s: string): string => s.replace(/[\t\r\n]+/gu, " ").trim();
