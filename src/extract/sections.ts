/**
 * 层次序号 tree: numbered items of the body, nested by marker family.
 *
 *   二、任务分解            level 1  id 2
 *   （一）助力优化政策环境  level 2  id 2.1
 *   1.主动公开重要政策文件  level 3  id 2.1.1   ← a leaf: a task
 *
 * Ids are the printed ordinals on the path (numbering that runs on across sections keeps its
 * printed number: 吴中 （七） under 二、 → 2.7). A table row whose first cell carries a marker joins
 * the tree. Gaps, duplicates and markers out of order become warnings, never guesses.
 */
import type { Paragraph } from "../text/paragraphs.js";
import { type Seg, joinSegs, subSeg } from "../text/blocks.js";
import { fold } from "../text/chars.js";
import { type ColumnMap, mapColumns } from "./table.js";
import { LABEL_LINE_RE } from "./patterns.js";
import { endsWithClause } from "./responsibility.js";
import { FAMILY_LEVEL, type MarkerFamily, type MarkerMatch, matchMarker } from "./section-marker.js";
import { spanOf } from "./span.js";
import { defineExtractor, type Finding } from "./types.js";

export interface ItemFinding extends Finding<"item"> {
  readonly index: number;
  readonly id: string;
  readonly family: MarkerFamily;
  readonly ordinal: number;
  readonly level: number;
  /** The marker as printed: 一、 （一） 1. */
  readonly marker: string;
  readonly parent: number;
  /** Indices of child items. */
  readonly children: number[];
  /** The item's own text (marker excluded), its paragraphs joined; paragraph starts within it. */
  readonly content: Seg;
  readonly paragraphStarts: number[];
  /** Which of its paragraphs were label lines (责任单位：…). */
  readonly labelLines: boolean[];
  /** For a table row: its cells and the column map of the table's header. */
  readonly cells?: readonly Seg[];
  readonly columns?: ColumnMap;
  /** Heading line: the first physical line when it stands alone (一、工作目标). */
  readonly heading: string | null;
}

interface Building {
  index: number;
  family: MarkerFamily;
  ordinal: number;
  level: number;
  marker: string;
  parent: number;
  children: number[];
  segs: Seg[];
  labelLines: boolean[];
  first: Paragraph;
  cells?: Seg[];
  columns?: ColumnMap;
  heading: string | null;
}

/**
 * A bare 序号 (1, 2 …) in the index column of a mapped task table in the body reads as a 1. marker:
 * the row is an item of the tree under the heading the table stands in.
 */
function serialMarker(cell: string, columns: ColumnMap | null): MarkerMatch | null {
  if (!columns || columns.kinds[0]?.kind !== "index") return null;
  const m = /^(\d{1,3})\s*$/u.exec(cell);
  if (!m) return null;
  const ordinal = Number(m[1]);
  return ordinal > 0 ? { family: "num", ordinal, markerLength: m[1]!.length, length: m[0].length } : null;
}

/** Split a TAB row into cell segments. */
export function rowCells(p: Seg): Seg[] {
  const cells: Seg[] = [];
  let start = 0;
  for (let i = 0; i <= p.text.length; i++) {
    if (i === p.text.length || p.text[i] === "\t") {
      cells.push(subSeg(p, start, i));
      start = i + 1;
    }
  }
  return cells;
}

export const sections = defineExtractor<ItemFinding>({
  name: "item",
  extract({ text, layout, report }) {
    const ps = text.paragraphs;
    const items: Building[] = [];
    const stack: number[] = [];
    let columns: ColumnMap | null = null;
    const lastOrdinal = new Map<string, number>(); // family@parent → last ordinal
    const lastInFamily = new Map<MarkerFamily, number>();

    const open = (p: Paragraph, seg: Seg, cells?: Seg[]): boolean => {
      const m = matchMarker(fold(seg.text), cells !== undefined) ?? (cells ? serialMarker(seg.text, columns) : null);
      if (!m) return false;
      const level = FAMILY_LEVEL[m.family];
      while (stack.length && items[stack[stack.length - 1]!]!.level >= level) stack.pop();
      const parent = stack.length ? stack[stack.length - 1]! : -1;
      const key = `${m.family}@${parent}`;
      const prev = lastOrdinal.get(key);
      const runOn = lastInFamily.get(m.family);
      if (prev !== undefined && m.ordinal === prev) report({ ruleId: "W_NUMBERING_DUPLICATE", reason: `marker ${seg.text.slice(0, m.markerLength)} appears twice`, span: spanOf(seg, 0, m.markerLength) });
      else if (prev !== undefined && m.ordinal > prev + 1) report({ ruleId: "W_NUMBERING_GAP", reason: `numbering jumps from ${prev} to ${m.ordinal}`, span: spanOf(seg, 0, m.markerLength) });
      else if (prev !== undefined && m.ordinal < prev) report({ ruleId: "W_MARKER_ORDER", reason: `marker ${seg.text.slice(0, m.markerLength)} comes after ${prev}`, span: spanOf(seg, 0, m.markerLength) });
      else if (prev === undefined && m.ordinal !== 1 && m.ordinal !== (runOn ?? 0) + 1) report({ ruleId: "W_NUMBERING_GAP", reason: `numbering starts at ${m.ordinal}`, span: spanOf(seg, 0, m.markerLength) });
      lastOrdinal.set(key, m.ordinal);
      lastInFamily.set(m.family, m.ordinal);
      const index = items.length;
      const firstLine = p.lines[0];
      const heading =
        cells === undefined && p.lines.length > 1 && firstLine && !/[。]/u.test(firstLine.text) && firstLine.text.length <= 40
          ? firstLine.text.slice(m.length)
          : null;
      const b: Building = {
        index, family: m.family, ordinal: m.ordinal, level, marker: seg.text.slice(0, m.markerLength), parent, children: [],
        segs: [subSeg(seg, m.length, seg.text.length)], labelLines: [false], first: p, heading,
        ...(cells ? { cells: [subSeg(cells[0]!, m.length, cells[0]!.text.length), ...cells.slice(1)], ...(columns ? { columns } : {}) } : {}),
      };
      items.push(b);
      if (parent >= 0) items[parent]!.children.push(index);
      stack.push(index);
      return true;
    };

    for (let i = layout.bodyStart; i < layout.bodyEnd; i++) {
      const p = ps[i]!;
      if (p.row) {
        const cells = rowCells(p);
        const header = mapColumns(cells.map((c) => c.text));
        if (header) {
          columns = header;
          continue;
        }
        if (open(p, cells[0]!, cells)) continue;
      } else if (open(p, p)) continue;
      const cur = stack.length ? items[stack[stack.length - 1]!] : undefined;
      if (!cur) continue;
      cur.segs.push(p.row ? { ...p, text: p.text.replace(/\t/gu, " ") } : p);
      cur.labelLines.push(LABEL_LINE_RE.test(p.folded));
    }
    dropClosingParagraphs(items);

    const ids: string[] = [];
    const seen = new Map<string, number>();
    return items.map((b) => {
      let id = b.parent >= 0 ? `${ids[b.parent]}.${b.ordinal}` : String(b.ordinal);
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      if (n > 1) id = `${id}~${n}`;
      ids.push(id);
      const starts: number[] = [];
      let k = 0;
      for (const s of b.segs) {
        starts.push(k);
        k += s.text.length;
      }
      const content = joinSegs(b.segs);
      const markerStart = b.first.offsets[0] ?? 0;
      const span = [markerStart, content.end] as const;
      return {
        kind: "item", span, raw: b.marker + content.text, index: b.index, id, family: b.family, ordinal: b.ordinal, level: b.level,
        marker: b.marker, parent: b.parent, children: b.children, content, paragraphStarts: starts, labelLines: b.labelLines,
        heading: b.heading, ...(b.cells ? { cells: b.cells } : {}), ...(b.columns ? { columns: b.columns } : {}),
      } satisfies ItemFinding;
    });
  },
});

/**
 * The closing paragraph(s) after the last item (各地各部门要将本要点落实情况…) belong to no item.
 * They are recognised when every other leaf is one paragraph (plus label lines), or when the last
 * item already ended with its responsibility clause.
 */
function dropClosingParagraphs(items: Building[]): void {
  const last = items[items.length - 1];
  if (!last || last.segs.length < 2) return;
  const leaves = items.filter((b) => b.children.length === 0 && b !== last);
  const plainCount = (b: Building): number => b.labelLines.filter((l, i) => !l && !(i > 0 && isClauseOnly(b.segs[i]!.text))).length;
  const singleParagraph = leaves.length >= 3 && leaves.filter((b) => plainCount(b) === 1).length / leaves.length >= 0.8;
  let cut = -1;
  for (let i = 1; i < last.segs.length; i++) {
    if (last.labelLines[i] || isClauseOnly(last.segs[i]!.text)) continue;
    if (singleParagraph || endsWithClause(last.segs[i - 1]!.text)) {
      cut = i;
      break;
    }
  }
  if (cut > 0) {
    last.segs.length = cut;
    last.labelLines.length = cut;
  }
}

/** A paragraph that is only a bracketed clause: (责任单位：县级以上人民政府办公室). */
function isClauseOnly(s: string): boolean {
  return /^[(（〔[【][^()（）]{0,200}[)）〕\]】]$/u.test(s);
}
