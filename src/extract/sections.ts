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
import { say } from "../messages.js";
import type { Paragraph } from "../text/paragraphs.js";
import { type Seg, joinSegs, subSeg } from "../text/blocks.js";
import { fold } from "../text/chars.js";
import { type ColumnMap, mapColumns } from "./table.js";
import { isSignatureLine, LABEL_LINE_RE } from "./patterns.js";
import { DOCUMENT_TITLE_RE, isDocumentTitle } from "./layout.js";
import { endsWithClause } from "./responsibility.js";
import { FAMILY_LEVEL, isArticleFamily, type MarkerFamily, type MarkerMatch, matchMarker } from "./section-marker.js";
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
  /** Paragraph index of each seg. */
  paras: number[];
  markerStart: number;
  /** 1 for the notice's own numbered block; 2, 3 … for later documents (ids P2., P3. …). */
  doc: number;
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
    let stack: number[] = [];
    let columns: ColumnMap | null = null;
    let lastOrdinal = new Map<string, number>(); // family@parent → last ordinal
    let lastInFamily = new Map<MarkerFamily, number>();
    // Several documents in one notice: items[docStart …] belong to document `doc` (P2, P3 … after the first).
    let doc = 1;
    let docStart = 0;
    /** Paragraphs since the last marker line (a document title, a closing paragraph). */
    let between: number[] = [];
    /** items[docStart, bareUpTo) are bare headings (a table of contents so far). */
    let bareUpTo = 0;

    /** Close the current document and start the next one at items.length. */
    const nextDocument = (titleAt: number): void => {
      const last = items[items.length - 1];
      if (last) cutFrom(last, titleAt);
      dropClosingParagraphs(items.slice(docStart));
      doc++;
      docStart = items.length;
      bareUpTo = docStart;
      stack = [];
      lastOrdinal = new Map();
      lastInFamily = new Map();
    };

    /** Forget the current document's items: what was read so far was not its structure. */
    const dropDocumentItems = (): void => {
      items.length = docStart;
      bareUpTo = docStart;
      stack = [];
      lastOrdinal = new Map();
      lastInFamily = new Map();
    };

    // a table of bare 序号 rows is a list of items only under a heading (一、重点任务) or after rows
    // read so; after an item with text of its own it stays that item's text
    const underHeading = (): boolean => {
      const top = stack.length ? items[stack[stack.length - 1]!] : undefined;
      if (!top) return false;
      if (top.cells) return true;
      const own = top.segs.map((x) => x.text).join("");
      return own.length <= 40 && !/[。；;]/u.test(own) && !endsWithClause(own);
    };
    const open = (p: Paragraph, pi: number, seg: Seg, cells?: Seg[]): boolean => {
      const m = matchMarker(fold(seg.text), cells !== undefined) ?? (cells && underHeading() ? serialMarker(seg.text, columns) : null);
      if (!m) return false;
      const level = FAMILY_LEVEL[m.family];
      const root = items[docStart];
      if (root && items.length > docStart && level <= root.level) {
        const prevRoot = lastOrdinal.get(`${m.family}@-1`);
        if (prevRoot !== undefined && m.ordinal <= prevRoot) {
          // every earlier item is final (only the last one still takes paragraphs): check each once
          while (bareUpTo < items.length - 1 && isBare(items[bareUpTo]!)) bareUpTo++;
          if (bareUpTo >= items.length - 1 && isBare(items[items.length - 1]!)) {
            // A table of contents (目录): the headings listed before the body are not items.
            dropDocumentItems();
          } else if (m.ordinal === 1 && m.family === root.family) {
            const title = between.find((k) => isDocumentTitle(ps[k]!));
            if (title !== undefined) nextDocument(title);
          }
        }
      }
      // (the first item's level is checked first: the scan runs only when a higher family appears)
      if (m.ordinal === 1 && items.length > docStart && items[docStart]!.level > level && items.slice(docStart).every((b) => b.level > level && b.family !== "unmarked")) {
        // A lead-in list (…目标任务为：1.…；2.…。 then 一、…): the notice's structure starts at its first
        // higher marker; the list before it belongs to the preamble, as unnumbered lead-in text does.
        dropDocumentItems();
      }
      while (stack.length && items[stack[stack.length - 1]!]!.level >= level) stack.pop();
      const parent = stack.length ? stack[stack.length - 1]! : -1;
      const key = `${m.family}@${parent}`;
      const prev = lastOrdinal.get(key);
      const runOn = lastInFamily.get(m.family);
      if (prev !== undefined && m.ordinal === prev) report({ ruleId: "W_NUMBERING_DUPLICATE", reason: say("numberingDuplicate", { marker: seg.text.slice(0, m.markerLength) }), span: spanOf(seg, 0, m.markerLength) });
      else if (prev !== undefined && m.ordinal > prev + 1) report({ ruleId: "W_NUMBERING_GAP", reason: say("numberingJumps", { from: prev, to: m.ordinal }), span: spanOf(seg, 0, m.markerLength) });
      else if (prev !== undefined && m.ordinal < prev) report({ ruleId: "W_MARKER_ORDER", reason: say("markerOrder", { marker: seg.text.slice(0, m.markerLength), prev }), span: spanOf(seg, 0, m.markerLength) });
      else if (prev === undefined && m.ordinal !== 1 && m.ordinal !== (runOn ?? 0) + 1) report({ ruleId: "W_NUMBERING_GAP", reason: say("numberingStarts", { n: m.ordinal }), span: spanOf(seg, 0, m.markerLength) });
      lastOrdinal.set(key, m.ordinal);
      lastInFamily.set(m.family, m.ordinal);
      between = [];
      const index = items.length;
      // 第一章 总则 第一条 …: a chapter or section heading with the first article on the same line.
      const inner = isArticleFamily(m.family) && m.family !== "article" && cells === undefined ? innerArticle(seg.text, m.length) : -1;
      const own = inner > 0 ? subSeg(seg, m.length, inner) : subSeg(seg, m.length, seg.text.length);
      const firstLine = p.lines[0];
      const heading =
        inner > 0 ? own.text
        : cells === undefined && seg === p && p.lines.length > 1 && firstLine && !/[。]/u.test(firstLine.text) && firstLine.text.length <= 40
          ? firstLine.text.slice(m.length)
          : null;
      const b: Building = {
        index, family: m.family, ordinal: m.ordinal, level, marker: seg.text.slice(0, m.markerLength), parent, children: [],
        segs: [own], labelLines: [false], paras: [pi], markerStart: seg.offsets[0] ?? p.offsets[0] ?? 0, heading, doc,
        ...(cells ? { cells: [subSeg(cells[0]!, m.length, cells[0]!.text.length), ...cells.slice(1)], ...(columns ? { columns } : {}) } : {}),
      };
      items.push(b);
      if (parent >= 0) items[parent]!.children.push(index);
      stack.push(index);
      if (inner > 0) open(p, pi, subSeg(seg, inner, seg.text.length));
      return true;
    };

    /** Open an unmarked heading (a plan whose 一、 markers were lost) as a top-level item. */
    let headingOrdinal = 0;
    const openHeading = (p: Paragraph, pi: number): void => {
      stack = [];
      const k = headingLine(p);
      const line = p.lines[k]!;
      const at = k === 0 ? 0 : Math.max(0, p.text.indexOf(line.text, p.lines[0]!.text.length));
      const own = subSeg(p, at, p.text.length);
      const index = items.length;
      items.push({
        index, family: "unmarked", ordinal: ++headingOrdinal, level: FAMILY_LEVEL.unmarked, marker: "", parent: -1, children: [],
        segs: [own], labelLines: [false], paras: [pi], markerStart: p.offsets[0] ?? 0, heading: line.text, doc,
      });
      stack.push(index);
      lastOrdinal = new Map();
      lastInFamily = new Map();
      between = [];
    };

    let bodyNo = 0;
    for (const [bodyFrom, to] of layout.bodies) {
      // A later numbered block (after a signature, a date or a 附件 header) is a document of its own.
      if (items.length > docStart) nextDocument(bodyFrom);
      const lookBack = bodyNo++ === 0 && layout.dateLine >= 0 && layout.dateLine < bodyFrom ? layout.dateLine + 1 : bodyFrom;
      const headings = unmarkedHeadings(ps, lookBack, bodyFrom, to);
      headingOrdinal = 0;
      // a task table's header row may stand right above the body's first item (glued or flattened tables)
      const above = bodyFrom > 0 ? ps[bodyFrom - 1] : undefined;
      if (above?.row) columns = mapColumns(rowCells(above).map((c) => c.text)) ?? columns;
      let from = bodyFrom;
      for (const h of headings) from = Math.min(from, h);
      for (let i = from; i < to; i++) {
        const p = ps[i]!;
        if (headings.has(i)) {
          openHeading(p, i);
          continue;
        }
        if (i < bodyFrom) continue;
        if (p.row) {
          const cells = rowCells(p);
          const header = mapColumns(cells.map((c) => c.text));
          if (header) {
            columns = header;
            continue;
          }
          if (open(p, i, cells[0]!, cells)) continue;
        } else if (open(p, i, p)) continue;
        between.push(i);
        const cur = stack.length ? items[stack[stack.length - 1]!] : undefined;
        if (!cur) continue;
        cur.segs.push(p.row ? { ...p, text: p.text.replace(/\t/gu, " ") } : p);
        cur.labelLines.push(LABEL_LINE_RE.test(p.folded));
        cur.paras.push(i);
      }
    }
    dropClosingParagraphs(items.slice(docStart));

    const ids: string[] = [];
    const seen = new Map<string, number>();
    return items.map((b) => {
      let id = b.parent >= 0 ? `${ids[b.parent]}.${b.ordinal}` : b.doc > 1 ? `P${b.doc}.${b.ordinal}` : String(b.ordinal);
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
      const span = [b.markerStart, content.end] as const;
      return {
        kind: "item", span, raw: b.marker + content.text, index: b.index, id, family: b.family, ordinal: b.ordinal, level: b.level,
        marker: b.marker, parent: b.parent, children: b.children, content, paragraphStarts: starts, labelLines: b.labelLines,
        heading: b.heading, ...(b.cells ? { cells: b.cells } : {}), ...(b.columns ? { columns: b.columns } : {}),
      } satisfies ItemFinding;
    });
  },
});

/** A bare heading: one short line and nothing else (an entry of a table of contents). */
function isBare(b: Building): boolean {
  return b.segs.length === 1 && b.cells === undefined && b.segs[0]!.text.length <= 40 && !/[。;；:：]/u.test(b.segs[0]!.text);
}

/** Drop the paragraphs from `para` on (a document title and what follows it belong to the next document). */
function cutFrom(b: Building, para: number): void {
  const k = b.paras.findIndex((x) => x >= para);
  if (k <= 0) return;
  b.segs.length = k;
  b.labelLines.length = k;
  b.paras.length = k;
}

/**
 * Top-level headings printed without markers (总体要求 / 工作安排 / 工作要求 over lists that restart at
 * （一） or 1.): short lines without punctuation standing over the items. They are read as the top
 * level only when the block has no 一、 items and at least two such headings, one of them between items
 * (else the items under the later headings would be swallowed by the item before them).
 */
function unmarkedHeadings(ps: readonly Paragraph[], lookBack: number, from: number, to: number): Set<number> {
  const found: number[] = [];
  let inside = false;
  for (let i = lookBack; i < to; i++) {
    const p = ps[i]!;
    const m = p.row ? null : matchMarker(p.folded);
    if (m) {
      if (FAMILY_LEVEL[m.family] <= FAMILY_LEVEL.zh) return new Set();
      continue;
    }
    if (i + 1 < to && isUnmarkedHeading(p)) {
      found.push(i);
      if (i > from) inside = true;
    }
  }
  return found.length >= 2 && inside ? new Set(found) : new Set();
}

const isUnmarkedHeading = (p: Paragraph): boolean => headingLine(p) >= 0;

/**
 * Which line of the paragraph is an unmarked heading: the first, or the second when the first is
 * the document's title joined to it (XX工作方案 / 总体要求 / 全面…); -1 when none.
 */
function headingLine(p: Paragraph): number {
  if (p.row || p.lines.length === 0) return -1;
  const k = p.lines.length > 1 && isDocumentTitle(p) ? 1 : 0;
  const f = fold(p.lines[k]!.text);
  const ok = f.length >= 2 && f.length <= 16 && /^\p{Script=Han}+$/u.test(f) && !LABEL_LINE_RE.test(f) && !DOCUMENT_TITLE_RE.test(f) && !isSignatureLine(f);
  return ok ? k : -1;
}

/** Start of an article marker (第X条) within the first characters of a chapter heading, or -1. */
function innerArticle(s: string, from: number): number {
  const to = Math.min(s.length, from + 40);
  for (let j = from + 1; j < to; j++) {
    const c = s[j]!;
    if (c === "。" || c === "；" || c === "，") return -1;
    if (c !== "第") continue;
    const m = matchMarker(fold(s.slice(j, j + 12)));
    if (m?.family === "article" || m?.family === "section") return j;
  }
  return -1;
}

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
