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
import { say } from "../messages.js";
import type { Coverage, CoverageCount } from "../schema.js";
import type { Seg } from "../text/blocks.js";
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
/**
 * Character tests run on every character: one table of class bits by UTF-16 code (no
 * one-character strings, no hashing); `classes(chars, bit)` sets a bit for each character.
 */
const CLASS = new Uint8Array(65536);
const classes = (chars: string, bit: number): number => {
  for (const c of chars) CLASS[c.charCodeAt(0)]! |= bit;
  return bit;
};
const is = (code: number, bit: number): boolean => (CLASS[code]! & bit) !== 0;
const LABEL_FIRST = classes("牵责配协参主承指实负督支", 1);
/** Words that make the label an address (各责任单位：, 有关牵头单位：), not a clause. */
const ADDRESS_BEFORE = classes("各关", 2);

/** A role verb, and the endings of a unit-like name right before it (or a connector after such a name). */
const VERB_AT = /(?:牵头|负责|配合|参与|协助|指导)(?!人|同志|制)/uy;
const VERB_FIRST = classes("牵负配参协指", 4);
const UNIT_END_BEFORE = /(?:局|委|办|部|厅|院|会|府|室|处|中心|公司|集团|单位|部门|小组|组|街道|乡镇|镇|区|县|市|站|所|队|社|行|署)(?:按职责分工|按职责|按分工|分别|共同)?$/u;

/** Marker shapes, tried at a line start or after a sentence end (folded text: （ → (, ． → .). */
const MARKER_AT =
  /(?:[一二三四五六七八九十百零〇]{1,4}、|\([一二三四五六七八九十百零〇]{1,4}\)|\d{1,3}(?:[.、](?!\d)|\)(?!\d))|\(\d{1,3}\)|[\u2460-\u249b]|第[一二三四五六七八九十百零〇\d]{1,6}[章条节])/uy;
const MARKER_FIRST = classes("一二三四五六七八九十百零〇(第0123456789", 8);
for (let c = 0x2460; c <= 0x249b; c++) CLASS[c]! |= MARKER_FIRST; // ① … ⒛
const isMarkerFirst = (c: number): boolean => is(c, MARKER_FIRST);
/** A serial number standing alone (a 序号 cell), and the header of that column. */
const SERIAL = /^\d{1,3}$/u;
const SERIAL_HEADER = /^(?:序号|编号|序)$/u;
/** After these a sentence (or a closed clause) has ended, so a marker may follow inside the line. */
const SENTENCE_END = classes("。;!?)", 16);
/** An attachment list: its numbered entries are titles, not items. */
const ATTACHMENT_LIST_AT = /(?:附件|附表)\d{0,2} ?:/uy;

const OPEN = classes("([【〔", 32);
const CLOSE = classes(")]】〕", 64);
const COLON = ":".charCodeAt(0);
const TAB = 9;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const LINE_SPACE = classes(" \t\u3000", 128);
const LEAD_NOISE = new Set([..." \t\u3000#*>-•·"].map((c) => c.charCodeAt(0)));
/** Markdown left-overs a line may start with before its marker. */

/** Positions of a paragraph line where a physical line of the source starts (soft breaks, joined lines). */
const FIRST_ONLY: readonly number[] = [0];

function lineStarts(line: Seg, source: string): readonly number[] {
  const n = line.text.length;
  // the common case: one source line, read as it is
  if (n > 0 && line.offsets[n - 1]! - line.offsets[0]! === n - 1 && !line.text.includes("\n")) return FIRST_ONLY;
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
    const { seg, folded: t } = text.cleaned(b);
    const starts = lineStarts(seg, text.source);
    // a page number at the top or bottom of a PDF page is not a serial
    const pageEdge = block.page !== undefined && (blocks[b - 1]?.page !== block.page || blocks[b + 1]?.page !== block.page);
    starts.forEach((from, k) => {
      let to = starts[k + 1] ?? t.length;
      if (t[to - 1] === "\n") to--;
      let lead = from;
      while (lead < to && LEAD_NOISE.has(t.charCodeAt(lead))) lead++;
      const tab = t.indexOf("\t", from);
      const row = block.kind === "row" || (tab >= 0 && tab < to);
      out.push({ seg, t, from, to, lead, marker: lead < to ? markerAt(t, lead) : 0, row, pageEdge });
    });
  });
  return out;
}

/**
 * Category rows of a table (一、XX方面 between two rows): headings of rows, not items. A run of
 * marker lines without cells is one when the lines on both sides of the run are table rows.
 * Linear: each run is looked at once.
 */
function categoryRows(lines: readonly PhysLine[]): boolean[] {
  const out = new Array<boolean>(lines.length).fill(false);
  const bare = (l: PhysLine): boolean => l.marker > 0 && !l.row;
  for (let k = 0; k < lines.length; ) {
    if (!bare(lines[k]!)) {
      k++;
      continue;
    }
    let b = k;
    while (b < lines.length && bare(lines[b]!)) b++;
    if (k > 0 && b < lines.length && lines[k - 1]!.row && lines[b]!.row) out.fill(true, k, b);
    k = b;
  }
  return out;
}

const makeHit = (seg: Seg, kind: CoverageHitKind, from: number, to: number): CoverageHit =>
  ({ kind, span: [seg.offsets[from]!, seg.offsets[Math.max(from, to - 1)]! + 1], raw: seg.text.slice(from, to) });
/** A bracket left open longer than this is not a clause (keeps a stray bracket from swallowing the text). */
const MAX_BRACKET = 300;

/** The phrases and markers of a text, in text order. */
export function scanCoverage(text: SourceText): CoverageScan {
  const phrases: CoverageHit[] = [];
  const markers: CoverageHit[] = [];
  const roleColumns: CoverageHit[] = [];
  const lines = physicalLines(text);
  const category = categoryRows(lines);
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
    // a bracket may run over a hard wrap, not into the next item
    if (l.marker > 0) depth = 0;

    // the marker at the start of the line, or a bare serial number
    ATTACHMENT_LIST_AT.lastIndex = lead;
    if (ATTACHMENT_LIST_AT.test(t)) inAttachmentList = true;
    else if (inAttachmentList && l.marker > 0 && isDigit(t.charCodeAt(lead))) {
      // an entry of the attachment list: a title, not an item
    } else {
      inAttachmentList = false;
      if (l.marker > 0) {
        if (!category[k]) {
          markers.push(makeHit(seg, "marker", lead, lead + l.marker));
          restartable = true;
        }
      } else {
        let e = lead;
        while (e < to && t.charCodeAt(e) !== TAB) e++;
        const cell = t.slice(lead, e).trim();
        if (SERIAL.test(cell) && !(l.pageEdge && e === to)) {
          const v = Number(cell);
          // the first cell of a real row is a 序号; a number alone on a line only when it counts on
          if (e < to ? v >= 1 : (v === 1 && restartable) || v === lastSerial + 1) {
            markers.push(makeHit(seg, "serial", lead, lead + cell.length));
            lastSerial = v;
            restartable = false;
          }
        } else if (SERIAL_HEADER.test(cell)) restartable = true;
      }
    }

    // header cells of role columns
    for (let a = lead; a < to; ) {
      let e = a;
      while (e < to && t.charCodeAt(e) !== TAB) e++;
      if (e - a <= 16 && ROLE_HEADER.test(t.slice(a, e).trim())) roleColumns.push(makeHit(seg, "column", a, e));
      a = e + 1;
    }

    let prev = 0; // last non-space character before i on this line
    for (let i = from; i < to; i++) {
      const c = t.charCodeAt(i);
      const cls = CLASS[c]!;
      if (cls === 0) {
        // the common case: a character none of the tests below is about
        if (depth > 0 && i - bracketOpen > MAX_BRACKET) depth = 0;
        prev = c;
        continue;
      }
      if (i > lead && is(prev, SENTENCE_END) && isMarkerFirst(c)) {
        const m = markerAt(t, i);
        if (m > 0) markers.push(makeHit(seg, "inline", i, i + m));
      }
      if (cls & OPEN) {
        if (depth === 0) {
          bracketOpen = i;
          bracketHasPhrase = false;
        }
        depth++;
      } else if (cls & CLOSE && depth > 0) depth--;
      if (depth > 0 && i - bracketOpen > MAX_BRACKET) depth = 0;
      if (cls & LABEL_FIRST && !(i > 0 && is(t.charCodeAt(i - 1), ADDRESS_BEFORE))) {
        LABEL_AT.lastIndex = i;
        const m = LABEL_AT.exec(t);
        if (m) {
          phrases.push(makeHit(seg, "label", i, i + m[0].length));
          if (depth > 0) bracketHasPhrase = true;
          prev = COLON;
          i += m[0].length - 1;
          continue;
        }
      }
      if (depth > 0 && !bracketHasPhrase && cls & VERB_FIRST) {
        VERB_AT.lastIndex = i;
        if (VERB_AT.test(t) && UNIT_END_BEFORE.test(t.slice(Math.max(bracketOpen + 1, i - 8), i))) {
          phrases.push(makeHit(seg, "verb", bracketOpen, i + 2));
          bracketHasPhrase = true;
        }
      }
      if (!(cls & LINE_SPACE)) prev = c;
    }
  });
  return { phrases: unique(phrases), markers: unique(markers), roleColumns };
}

/**
 * One hit per source position (a merged table cell repeated in every row it spans is counted
 * once), in source order.
 */
function unique(hits: CoverageHit[]): CoverageHit[] {
  let ordered = true;
  for (let i = 1; i < hits.length && ordered; i++) ordered = hits[i]!.span[0] > hits[i - 1]!.span[0];
  if (ordered) return hits;
  const seen = new Set<number>();
  return hits.filter((h) => !seen.has(h.span[0]) && seen.add(h.span[0]) !== undefined).sort((a, b) => a.span[0] - b.span[0]);
}

/** Length of the marker at position i, or 0. */
function markerAt(t: string, i: number): number {
  if (i >= t.length || !isMarkerFirst(t.charCodeAt(i))) return 0;
  MARKER_AT.lastIndex = i;
  const m = MARKER_AT.exec(t);
  return m ? m[0].length : 0;
}

/** Spans sorted by start (most lists come sorted: then nothing is copied). */
function byStart(spans: readonly Span[]): readonly Span[] {
  for (let i = 1; i < spans.length; i++) if (spans[i]![0] < spans[i - 1]![0]) return [...spans].sort((a, b) => a[0] - b[0]);
  return spans;
}

/**
 * "Does some span contain this offset?", asked for ascending offsets: one sweep over the spans
 * sorted by start, keeping the furthest end seen so far.
 */
function containment(spans: readonly Span[]): (offset: number) => boolean {
  const sorted = byStart(spans);
  let j = 0;
  let reach = -1;
  return (offset) => {
    while (j < sorted.length && sorted[j]![0] <= offset) reach = Math.max(reach, sorted[j++]![1]);
    return reach > offset;
  };
}

/** "Does some span start in [from, to)?", asked for ascending `from`. */
function startsWithin(spans: readonly Span[]): (from: number, to: number) => boolean {
  const sorted = byStart(spans);
  let j = 0;
  return (from, to) => {
    while (j < sorted.length && sorted[j]![0] < from) j++;
    return j < sorted.length && sorted[j]![0] < to;
  };
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
  const inTask = containment(read.tasks);
  const inSection = containment(read.sections);
  const inRow = containment(read.rows ?? []);
  const taskStart = startsWithin(read.tasks);
  const sectionStart = startsWithin(read.sections);
  return (h) => {
    const [from, to] = h.span;
    // every query function is called for every hit, in order, so each sweep sees all offsets
    const [t, s, r, ts, ss] = [inTask(from), inSection(from), inRow(from), taskStart(from, to), sectionStart(from, to)];
    return h.kind === "inline" ? t || s : r || ts || ss;
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
  const inTask = containment(read.tasks);
  const phrases = count(scan.phrases, (h) => inTask(h.span[0]), lineOf);
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
  const counts = { phrasesRead: phrases.read, phrases: phrases.found, markersRead: markers.read, markers: markers.found };
  return {
    message: offset === null
      ? say("lowCoverage", counts)
      : say("lowCoverageAt", { ...counts, line: (lowPhrases && offset === m.firstUnread.phrase ? phrases.firstUnreadLine : markers.firstUnreadLine) ?? "null" }),
    offset,
  };
}
