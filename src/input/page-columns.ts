/**
 * 分栏 (a page set in two text columns, as a 政府公报 prints notices): the reading order is the
 * left column top to bottom, then the right one, not baseline by baseline across the page.
 *
 *   ┌──────── running header (spans) ────────┐
 *   │ left column text   │ right column text │   → above, left, right, below
 *   │ …                  │ …                 │
 *   └──────── page number (spans) ───────────┘
 *
 * A page is split only when a white gutter runs down its middle that almost nothing crosses, and
 * the text on both sides of it is set as running text (most lines fill their column). A borderless
 * table also has white gutters, but its short cells do not fill their columns, so it stays whole.
 */

/** A positioned text run: x, y of its baseline start (y grows downwards), width and glyph height. */
export interface PositionedItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Fewest lines the two columns must hold together, over two, for a page to count as set in columns. */
const MIN_COLUMN_LINES = 6;
/** The gutter is looked for in this middle share of the text width. */
const GUTTER_BAND: readonly [number, number] = [0.3, 0.7];
/** Widest gutter, and narrowest column, as shares of the text width. */
const MAX_GUTTER = 0.12;
const MIN_COLUMN = 0.35;
/** A line "fills" its column when it reaches this share of the column width. */
const FILL = 0.85;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

/** Baseline groups of items (half a glyph apart), as [start x, end x] extents. */
function lineExtents(items: readonly PositionedItem[]): [number, number][] {
  const sorted = [...items].sort((a, b) => a.y - b.y);
  const out: [number, number][] = [];
  let curY = Number.NEGATIVE_INFINITY;
  for (const it of sorted) {
    if (it.y - curY > 0.5 * Math.max(it.h, 1) || out.length === 0) {
      out.push([it.x, it.x + it.w]);
      curY = it.y;
    } else {
      const e = out[out.length - 1]!;
      e[0] = Math.min(e[0], it.x);
      e[1] = Math.max(e[1], it.x + it.w);
    }
  }
  return out;
}

/** Lines of a column that start at its left edge and reach its right edge (running text, not cells). */
function fullLines(lines: readonly [number, number][], left: number, right: number): number {
  const width = right - left;
  return width <= 0 ? 0 : lines.filter(([a, b]) => a - left <= (1 - FILL) * width && b - left >= FILL * width).length;
}

/**
 * The page's text in reading order bands: `[items]` for a one-column page, else
 * `[above, left, right, below]` (spanning lines above the columns, the two columns, the rest).
 */
export function columnBands<T extends PositionedItem>(items: readonly T[]): T[][] {
  const text = runningLineItems(items);
  if (text.length < 2 * MIN_COLUMN_LINES) return [[...items]];
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const it of text) {
    left = Math.min(left, it.x);
    right = Math.max(right, it.x + it.w);
  }
  const width = right - left;
  const h = median(text.map((it) => it.h)) || 10;
  if (width < 20 * h) return [[...items]]; // too narrow for two columns of running text
  // the gutter: the position in the middle band crossed by the fewest items, over 400 steps at most
  // (a difference array: one pass over the items, one over the steps)
  const from = left + GUTTER_BAND[0] * width;
  const to = left + GUTTER_BAND[1] * width;
  const steps = Math.min(400, Math.ceil(to - from));
  const step = (to - from) / steps;
  const diff = new Int32Array(steps + 2);
  for (const it of text) {
    // the steps g with it.x < g - 0.5 and it.x + it.w > g + 0.5
    const a = Math.max(0, Math.floor((it.x + 0.5 - from) / step) + 1);
    const b = Math.min(steps, Math.ceil((it.x + it.w - 0.5 - from) / step) - 1);
    if (a <= b) {
      diff[a]!++;
      diff[b + 1]!--;
    }
  }
  let best = Number.POSITIVE_INFINITY;
  let gutter = 0;
  for (let i = 0, crossing = 0; i <= steps; i++) {
    crossing += diff[i]!;
    if (crossing < best) {
      best = crossing;
      gutter = from + i * step;
    }
  }
  if (best > Math.max(4, 0.1 * text.length)) return [[...items]];
  const isLeft = (it: PositionedItem): boolean => it.x + it.w <= gutter + 0.5;
  const isRight = (it: PositionedItem): boolean => it.x >= gutter - 0.5;
  const leftItems = text.filter(isLeft);
  const rightItems = text.filter((it) => !isLeft(it) && isRight(it));
  if (!leftItems.length || !rightItems.length) return [[...items]];
  const leftEdge = Math.max(...leftItems.map((it) => it.x + it.w));
  const rightStart = Math.min(...rightItems.map((it) => it.x));
  const gap = rightStart - leftEdge;
  if (gap < Math.max(6, 0.8 * h)) return [[...items]]; // no white gutter
  // columns of a page are about as wide as each other, a gutter narrow beside them (a table's are not)
  if (gap > MAX_GUTTER * width || Math.min(leftEdge - left, right - rightStart) < MIN_COLUMN * width) return [[...items]];
  // both columns hold lines (the last page's right column may hold only a few), most of them full
  const leftLines = lineExtents(leftItems);
  const rightLines = lineExtents(rightItems);
  const lines = leftLines.length + rightLines.length;
  if (leftLines.length < 2 || rightLines.length < 2 || lines < 2 * MIN_COLUMN_LINES) return [[...items]];
  if (fullLines(leftLines, left, leftEdge) + fullLines(rightLines, rightStart, right) < lines / 2) return [[...items]];
  // running headers and page numbers sit above and below the columns, whatever their x
  const ys = [...leftItems, ...rightItems].map((it) => it.y);
  const top = Math.min(...ys) - 0.5 * h;
  // a short line (a heading) may end a column one line below the last running line; a page number stands further down
  const bottom = Math.max(...ys) + 1.8 * h;
  const bands: T[][] = [[], [], [], []];
  for (const it of items) {
    if (it.y < top) bands[0]!.push(it);
    else if (it.y > bottom) bands[3]!.push(it);
    else if (isLeft(it)) bands[1]!.push(it);
    else if (isRight(it)) bands[2]!.push(it);
    else bands[3]!.push(it);
  }
  return bands;
}

/** Most characters a baseline may hold and still be page furniture (a running header, a page number). */
const SHORT_LINE = 8;

/** Items of the baselines that hold more than a few characters: the gutter is looked for among those. */
function runningLineItems<T extends PositionedItem>(items: readonly T[]): T[] {
  const sorted = items.filter((it) => it.w > 0 && it.str.trim() !== "").sort((a, b) => a.y - b.y);
  const out: T[] = [];
  let line: T[] = [];
  let chars = 0;
  const flush = (): void => {
    if (chars > SHORT_LINE) out.push(...line);
    line = [];
    chars = 0;
  };
  for (const it of sorted) {
    if (line.length && it.y - line[0]!.y > 0.5 * Math.max(it.h, 1)) flush();
    line.push(it);
    chars += it.str.replace(/\s+/gu, "").length;
  }
  flush();
  return out;
}
