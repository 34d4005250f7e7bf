/**
 * 解析覆盖率 (read coverage): how much of what looks like task structure in the text ended up in
 * tasks. A scanner of its own, independent of the extractors it checks, counts two things in the
 * normalised lines:
 *
 *   phrases  responsibility-like phrases: a role label (role word + 单位/部门/… + colon) anywhere,
 *            or a role verb right after a unit-like name inside a bracket
 *              …加强监管。（牵头单位：区市场监管局；配合单位：区财政局）   two labels
 *                        ^^^^^^^^^^          ^^^^^^^^^^
 *              …修复生态。（区经济发展局牵头，相关乡镇配合）              one bracket
 *                        ^^^^^^^^^^^^^^
 *   markers  numbered-looking markers (一、 （一） 1. 1、 （1） ① 第X条/章) at the start of a line,
 *            and after a sentence end inside a line (text whose line breaks were lost); a bare
 *            serial number alone on a line or in a row's first cell (序号 of a table, flattened or
 *            not) when it continues 1, 2, 3 …
 *
 * A phrase is read when its offset lies inside some task's source span; a marker when it lies
 * inside a task's span or starts a section. The scanner only looks at shapes, so it also sees the
 * structure the parser missed: that is the point.
 */
import type { Span } from "../extract/types.js";
import type { Coverage, CoverageCount } from "../schema.js";
import { cleanLine, type Seg } from "../text/blocks.js";
import { fold } from "../text/chars.js";
import type { SourceText } from "../text/source-text.js";

export type CoverageHitKind = "label" | "verb" | "marker" | "inline" | "serial" | "column";

export interface CoverageHit {
  readonly kind: CoverageHitKind;
  /** Source span of the phrase or marker. */
  readonly span: Span;
  /** The text as it appears in the normalised line. */
  readonly raw: string;
}

export interface CoverageScan {
  readonly phrases: readonly CoverageHit[];
  readonly markers: readonly CoverageHit[];
  /** Header cells of role columns (牵头单位 alone in a cell or on a line): the notice divides tasks in a table. */
  readonly roleColumns: readonly CoverageHit[];
}

/** A role word, then up to four characters, then the word for a unit, an optional bracketed note, a colon. */
const LABEL_AT =
  /(?:牵头|责任|配合|协办|协同|协作|参与|参加|主办|承办|指导|实施|主责|负责|督办|支撑|主管)\p{Script=Han}{0,4}?(?:单位|部门|处室|科室|主体|机构)(?:\([^()\n]{0,8}\))? ?:/uy;
/** The same words alone in a cell: the header of a role column. */
const ROLE_HEADER =
  /^(?:主要)?(?:牵头|责任|配合|协办|协同|协作|参与|参加|主办|承办|指导|实施|主责|负责|督办|支撑|主管)\p{Script=Han}{0,4}?(?:单位|部门|处室|科室|主体|机构)(?:\([^()]{0,8}\))?$/u;
const LABEL_FIRST = new Set([..."牵责配协参主承指实负督支"]);
/** Words that make the label an address (各责任单位：, 有关牵头单位：), not a clause. */
const ADDRESS_BEFORE = new Set([..."各关"]);

/** A role verb, and the endings of a unit-like name right before it (or a connector after such a name). */
const VERB_AT = /(?:牵头|负责|配合|参与|协助|指导)(?!人|同志|制)/uy;
const VERB_FIRST = new Set([..."牵负配参协指"]);
const UNIT_END_BEFORE = /(?:局|委|办|部|厅|院|会|府|室|处|中心|公司|集团|单位|部门|小组|组|街道|乡镇|镇|区|县|市|站|所|队|社|行|署)(?:按职责分工|按职责|按分工|分别|共同)?$/u;

/** Marker shapes, tried at a line start or after a sentence end (folded text: （ → (, ． → .). */
const MARKER_AT =
  /(?:[一二三四五六七八九十百零〇]{1,4}、|\([一二三四五六七八九十百零〇]{1,4}\)|\d{1,3}(?:[.、](?!\d)|\)(?!\d))|\(\d{1,3}\)|[\u2460-\u249b]|第[一二三四五六七八九十百零〇\d]{1,6}[章条节])/uy;
const MARKER_FIRST = new Set([..."一二三四五六七八九十百零〇(第0123456789"]);
const isMarkerFirst = (c: string): boolean => MARKER_FIRST.has(c) || (c >= "\u2460" && c <= "\u249b");
/** A serial number standing alone (a 序号 cell), and the header of that column. */
const SERIAL = /^\d{1,3}$/u;
const SERIAL_HEADER = /^(?:序号|编号|序)$/u;
/** After these a sentence (or a closed clause) has ended, so a marker may follow inside the line. */
const SENTENCE_END = new Set([..."。;!?)"]);
/** An attachment list: its numbered entries are titles, not items. */
const ATTACHMENT_LIST_AT = /(?:附件|附表)\d{0,2} ?:/uy;

const isLineSpace = (c: string): boolean => c === " " || c === "\t" || c === "\u3000";
/** Markdown left-overs a line may start with before its marker. */
const isLeadNoise = (c: string): boolean => isLineSpace(c) || "#*>-•·".includes(c);

/** Positions of a paragraph line where a physical line of the source starts (soft breaks, joined lines). */
function lineStarts(line: Seg, source: string): number[] {
  const n = line.text.length;
  const starts = n > 0 ? [0] : [];
  for (let i = 1; i < n; i++) {
    if (line.text[i - 1] === "\n") starts.push(i);
    else {
      // a line joined from several source lines (hard wraps undone, Markdown soft breaks)
      for (let k = line.offsets[i - 1]! + 1; k < line.offsets[i]!; k++) {
        const c = source.charCodeAt(k);
        if (c === 10 || c === 13) {
          starts.push(i);
          break;
        }
      }
    }
  }
  return starts;
}

/** One physical line: [from, to) of a paragraph line, its folded text, where its content starts. */
interface PhysLine {
  readonly seg: Seg;
  readonly t: string;
  readonly from: number;
  readonly to: number;
  /** First character after Markdown/list left-overs. */
  readonly lead: number;
  /** Length of the marker at `lead`, or 0. */
  readonly marker: number;
  /** A table row (cells separated by TAB). */
  readonly row: boolean;
  /** First or last line of a PDF page (where page numbers stand). */
  readonly pageEdge: boolean;
}

function physicalLines(text: SourceText): PhysLine[] {
  const out: PhysLine[] = [];
  const blocks = text.input.blocks;
  blocks.forEach((block, b) => {
    const seg = cleanLine(block);
    const t = fold(seg.text);
    const starts = lineStarts(seg, text.source);
    // a page number at the top or bottom of a PDF page is not a serial
    const pageEdge = block.page !== undefined && (blocks[b - 1]?.page !== block.page || blocks[b + 1]?.page !== block.page);
    starts.forEach((from, k) => {
      let to = starts[k + 1] ?? t.length;
      if (t[to - 1] === "\n") to--;
      let lead = from;
      while (lead < to && isLeadNoise(t[lead]!)) lead++;
      const row = block.kind === "row" || t.slice(from, to).includes("\t");
      out.push({ seg, t, from, to, lead, marker: lead < to ? markerAt(t, lead) : 0, row, pageEdge });
    });
  });
  return out;
}

/**
 * A category row of a table (一、XX方面 between two rows): a heading of rows, not an item. True for
 * line k when it and the lines next to it up to the rows on both sides are marker lines without cells.
 */
function isCategoryRow(lines: readonly PhysLine[], k: number): boolean {
  const bare = (l: PhysLine): boolean => l.marker > 0 && !l.row;
  if (!bare(lines[k]!)) return false;
  let a = k - 1;
  while (a >= 0 && bare(lines[a]!)) a--;
  let b = k + 1;
  while (b < lines.length && bare(lines[b]!)) b++;
  return a >= 0 && b < lines.length && lines[a]!.row && lines[b]!.row;
}

const spanIn = (seg: Seg, from: number, to: number): Span => [seg.offsets[from]!, seg.offsets[Math.max(from, to - 1)]! + 1];
/** A bracket left open longer than this is not a clause (keeps a stray bracket from swallowing the text). */
const MAX_BRACKET = 300;

/** The phrases and markers of a text, in text order. */
export function scanCoverage(text: SourceText): CoverageScan {
  const phrases: CoverageHit[] = [];
  const markers: CoverageHit[] = [];
  const roleColumns: CoverageHit[] = [];
  const lines = physicalLines(text);
  let lastSerial = 0;
  // a 1 starts a new run of 序号 only at a table's start (after its 序号 header, or a marker above it):
  // inside a run, a 1 alone on a line is a cell (a count), not a new table
  let restartable = true;
  let inAttachmentList = false;
  let depth = 0;
  let bracketOpen = -1;
  let bracketHasPhrase = false;
  lines.forEach((l, k) => {
    const { seg, t, from, to, lead } = l;
    const hit = (kind: CoverageHitKind, a: number, b: number): CoverageHit => ({ kind, span: spanIn(seg, a, b), raw: seg.text.slice(a, b) });
    // a bracket may run over a hard wrap, not into the next item
    if (l.marker > 0) depth = 0;

    // the marker at the start of the line, or a bare serial number
    ATTACHMENT_LIST_AT.lastIndex = lead;
    if (ATTACHMENT_LIST_AT.test(t)) inAttachmentList = true;
    else if (inAttachmentList && l.marker > 0 && /\d/u.test(t[lead]!)) {
      // an entry of the attachment list: a title, not an item
    } else {
      inAttachmentList = false;
      if (l.marker > 0) {
        if (!isCategoryRow(lines, k)) {
          markers.push(hit("marker", lead, lead + l.marker));
          restartable = true;
        }
      } else {
        let e = lead;
        while (e < to && t[e] !== "\t") e++;
        const cell = t.slice(lead, e).trim();
        if (SERIAL.test(cell) && !(l.pageEdge && e === to)) {
          const v = Number(cell);
          // the first cell of a real row is a 序号; a number alone on a line only when it counts on
          if (e < to ? v >= 1 : (v === 1 && restartable) || v === lastSerial + 1) {
            markers.push(hit("serial", lead, lead + cell.length));
            lastSerial = v;
            restartable = false;
          }
        } else if (SERIAL_HEADER.test(cell)) restartable = true;
      }
    }

    // header cells of role columns
    for (let a = lead; a < to; ) {
      let e = a;
      while (e < to && t[e] !== "\t") e++;
      if (e - a <= 16 && ROLE_HEADER.test(t.slice(a, e).trim())) roleColumns.push(hit("column", a, e));
      a = e + 1;
    }

    let prev = ""; // last non-space character before i on this line
    for (let i = from; i < to; i++) {
      const c = t[i]!;
      if (i > lead && SENTENCE_END.has(prev) && isMarkerFirst(c)) {
        const m = markerAt(t, i);
        if (m > 0) markers.push(hit("inline", i, i + m));
      }
      if (c === "(" || c === "[" || c === "【" || c === "〔") {
        if (depth === 0) {
          bracketOpen = i;
          bracketHasPhrase = false;
        }
        depth++;
      } else if ((c === ")" || c === "]" || c === "】" || c === "〕") && depth > 0) depth--;
      if (depth > 0 && i - bracketOpen > MAX_BRACKET) depth = 0;
      if (LABEL_FIRST.has(c) && !ADDRESS_BEFORE.has(t[i - 1] ?? "")) {
        LABEL_AT.lastIndex = i;
        const m = LABEL_AT.exec(t);
        if (m) {
          phrases.push(hit("label", i, i + m[0].length));
          if (depth > 0) bracketHasPhrase = true;
          prev = ":";
          i += m[0].length - 1;
          continue;
        }
      }
      if (depth > 0 && !bracketHasPhrase && VERB_FIRST.has(c)) {
        VERB_AT.lastIndex = i;
        if (VERB_AT.test(t) && UNIT_END_BEFORE.test(t.slice(Math.max(bracketOpen + 1, i - 8), i))) {
          phrases.push(hit("verb", bracketOpen, i + 2));
          bracketHasPhrase = true;
        }
      }
      if (!isLineSpace(c)) prev = c;
    }
  });
  return { phrases: unique(phrases), markers: unique(markers), roleColumns };
}

/** One hit per source position: a merged table cell repeated in every row it spans is counted once. */
function unique(hits: readonly CoverageHit[]): CoverageHit[] {
  const seen = new Set<number>();
  return hits.filter((h) => !seen.has(h.span[0]) && seen.add(h.span[0]) !== undefined);
}

/** Length of the marker at position i, or 0. */
function markerAt(t: string, i: number): number {
  if (i >= t.length || !isMarkerFirst(t[i]!)) return 0;
  MARKER_AT.lastIndex = i;
  const m = MARKER_AT.exec(t);
  return m ? m[0].length : 0;
}

/** Sorted, merged [start, end) intervals. */
function merge(spans: readonly Span[]): Span[] {
  const sorted = [...spans].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function inside(merged: readonly Span[], offset: number): boolean {
  let lo = 0;
  let hi = merged.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = merged[mid]!;
    if (offset < s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

/** What was read: the source spans of the tasks and of the sections (non-leaf items included). */
export interface ReadSpans {
  readonly tasks: readonly Span[];
  readonly sections: readonly Span[];
  /** Tasks read from table rows: a marker that starts a line inside one is in a cell of the row. */
  readonly rows?: readonly Span[];
}

/**
 * Is a marker read? One at a line start (or a 序号) must start a task or a section, or stand in a
 * cell of a table row that became a task: a task whose text swallowed the lines after it (an
 * appended table, a list the parser missed) does not read them. One inside a line only needs to
 * lie inside a task or section.
 */
function markerReader(read: ReadSpans): (h: CoverageHit) => boolean {
  const all = merge([...read.tasks, ...read.sections]);
  const rows = merge(read.rows ?? []);
  const starts = [...new Set([...read.tasks, ...read.sections].map(([s]) => s))].sort((a, b) => a - b);
  return (h) => {
    if (h.kind === "inline") return inside(all, h.span[0]);
    if (inside(rows, h.span[0])) return true;
    // the first start at or after the marker's first character, within the marker
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < h.span[0]) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && starts[lo]! < h.span[1];
  };
}

export interface CoverageMeasure {
  readonly coverage: Coverage;
  /** The notice divides tasks among units: it has clauses, or a table with a role column. */
  readonly divides: boolean;
  /** Source offsets of the first unread phrase and marker. */
  readonly firstUnread: { readonly phrase: number | null; readonly marker: number | null };
}

const ratio = (read: number, found: number): number | null => (found === 0 ? null : Math.round((read / found) * 1000) / 1000);

function count(hits: readonly CoverageHit[], isRead: (h: CoverageHit) => boolean, lineOf: (offset: number) => number): { count: CoverageCount; first: number | null } {
  let read = 0;
  let first: number | null = null;
  for (const h of hits) {
    if (isRead(h)) read++;
    else if (first === null) first = h.span[0];
  }
  return { count: { found: hits.length, read, ratio: ratio(read, hits.length), firstUnreadLine: first === null ? null : lineOf(first) }, first };
}

/** The coverage block: the scan's hits checked against what was read. */
export function measureCoverage(scan: CoverageScan, read: ReadSpans, lineOf: (offset: number) => number): CoverageMeasure {
  const divides = scan.phrases.length >= MIN_PHRASES || scan.roleColumns.length > 0;
  const tasks = merge(read.tasks);
  const phrases = count(scan.phrases, (h) => inside(tasks, h.span[0]), lineOf);
  const markers = count(scan.markers, markerReader(read), lineOf);
  return { coverage: { phrases: phrases.count, markers: markers.count }, divides, firstUnread: { phrase: phrases.first, marker: markers.first } };
}

/** A notice "has clauses" from this many phrases on (or with a role column). */
export const MIN_PHRASES = 3;
/** Below this share of phrases or markers read, a notice with clauses is reported. */
export const LOW_RATIO = 0.8;

/**
 * W_LOW_COVERAGE: a notice that divides tasks (clauses, or a role column) whose phrases or markers
 * were mostly not read into tasks. Notices without task division are never reported.
 */
export function lowCoverage(m: CoverageMeasure): { message: string; offset: number | null } | null {
  const { phrases, markers } = m.coverage;
  if (!m.divides) return null;
  const lowPhrases = (phrases.ratio ?? 1) < LOW_RATIO;
  const lowMarkers = (markers.ratio ?? 1) < LOW_RATIO;
  if (!lowPhrases && !lowMarkers) return null;
  const firsts = [lowPhrases ? m.firstUnread.phrase : null, lowMarkers ? m.firstUnread.marker : null].filter((x): x is number => x !== null);
  const offset = firsts.length ? Math.min(...firsts) : null;
  const where = offset === null ? "" : `; the first unread one is at line ${lowPhrases && offset === m.firstUnread.phrase ? phrases.firstUnreadLine : markers.firstUnreadLine}`;
  return {
    message:
      `only part of the notice was read into tasks: ${phrases.read} of ${phrases.found} responsibility phrases and ` +
      `${markers.read} of ${markers.found} numbered markers${where}; check this notice by hand`,
    offset,
  };
}
