/**
 * 表格 → rows: a grid of cells with merged ranges becomes the TAB-separated row blocks that every
 * reader gives the pipeline for a table (HTML `<table>`, Word tables, ruled PDF tables). The rules
 * are the readers' ones: a cell merged down is repeated in every row it spans (a merged 牵头单位
 * applies to each of those rows); the columns a cell is merged across stay empty, so each column
 * keeps its header. Rows and columns with no text of their own are dropped; a merge never makes a
 * row out of nothing.
 */
import type { Block } from "../text/blocks.js";

/** 0-based, inclusive cell range (Excel's `B2:C4` is { top: 1, left: 1, bottom: 3, right: 2 }). */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface GridCell {
  readonly row: number;
  readonly col: number;
  /** Display text; white space inside is kept (the pipeline cleans it), TABs and line breaks are not. */
  readonly text: string;
}

/** Hard bounds on what one grid may grow to (the readers cap cells before, this caps the spans). */
export const GRID_MAX_WIDTH = 1024;
const MAX_FILL_STEPS = 2_000_000;

/**
 * The used range as rows of cell texts: only rows and columns that hold text; merged-down cells
 * repeated, merged-across columns empty.
 */
export function gridRows(cells: readonly GridCell[], merges: readonly CellRange[] = []): string[][] {
  const own = cells.filter((c) => c.text.trim() !== "");
  if (own.length === 0) return [];
  const rowIds = [...new Set(own.map((c) => c.row))].sort((a, b) => a - b);
  const colIds = [...new Set(own.map((c) => c.col))].sort((a, b) => a - b).slice(0, GRID_MAX_WIDTH);
  const rowAt = new Map(rowIds.map((r, i) => [r, i]));
  const colAt = new Map(colIds.map((c, i) => [c, i]));
  const grid = rowIds.map(() => new Array<string>(colIds.length).fill(""));
  for (const c of own) {
    const r = rowAt.get(c.row);
    const k = colAt.get(c.col);
    if (r !== undefined && k !== undefined) grid[r]![k] = cleanCell(c.text);
  }
  let steps = 0;
  for (const m of merges) {
    const k = colAt.get(m.left);
    const first = rowAt.get(m.top);
    if (k === undefined || first === undefined || m.bottom <= m.top) continue;
    const value = grid[first]![k]!;
    if (value === "") continue;
    // the rows below the top one that exist, in order
    for (let r = first + 1; r < rowIds.length && rowIds[r]! <= m.bottom; r++) {
      if (++steps > MAX_FILL_STEPS) return grid;
      if (grid[r]![k] === "") grid[r]![k] = value;
    }
  }
  return grid;
}

const cleanCell = (s: string): string => s.replace(/[\t\r\n\u2028\u2029\v\f]+/gu, " ").trim();

/** One table to print: an optional title line above its rows. */
export interface TablePart {
  /** Lines printed before the rows, as plain text (a title, a 附件 label). */
  readonly lines: readonly string[];
  /** Lines that are headings (the table's title rows), by index in `lines`. */
  readonly headings?: ReadonlySet<number>;
  readonly rows: readonly (readonly string[])[];
  /** Rows printed as plain text lines instead of table rows (a one-cell row outside a table). */
  readonly textRows?: ReadonlySet<number>;
}

/**
 * Print tables as a plain-text source, one line per title line and per row (cells TAB-separated),
 * with a block for each line: rows are `kind: "row"` blocks, as the other readers give them.
 */
export function tableBlocks(parts: readonly TablePart[]): { source: string; blocks: Block[] } {
  let source = "";
  const blocks: Block[] = [];
  const push = (text: string, kind?: Block["kind"]): void => {
    const start = source.length;
    source += `${text}\n`;
    const offsets = new Int32Array(text.length);
    for (let i = 0; i < text.length; i++) offsets[i] = start + i;
    blocks.push({ text, offsets, end: start + text.length, ...(kind ? { kind } : {}) });
  };
  parts.forEach((p, i) => {
    if (i > 0) source += "\n"; // a blank line between tables
    p.lines.forEach((l, k) => {
      if (l.trim()) push(cleanCell(l), p.headings?.has(k) ? "heading" : undefined);
    });
    p.rows.forEach((r, k) => {
      if (p.textRows?.has(k)) push(r.filter((c) => c !== "").join(" "));
      else push(r.join("\t"), "row");
    });
  });
  return { source, blocks };
}
