/**
 * Paragraphs: cleaned lines joined the way a reader would. Hard wraps and page breaks are undone
 * (CJK has no spaces, so "重\n\n大建设项目" becomes "重大建设项目"), page furniture is dropped, and
 * structure is never merged away: a number marker, a label line, a —— sub-paragraph, a table row,
 * a date, a 附件 or 抄送 line always starts a paragraph.
 */
import {
  ATTACHMENT_HEADER_RE, ATTACHMENT_LIST_RE, CC_RE, DATE_LINE_RE, DEADLINE_LABELS, DOC_NUMBER_END_RE, DISCLOSURE_RE, isSignatureLine, LABEL_LINE_RE, PAGE_FURNITURE_RE,
  PERSON_LABELS, PRINT_LINE_RE, RECIPIENTS_RE, ROLE_OF_LABEL, TITLE_END_RE,
} from "../extract/patterns.js";
import { endsWithClause } from "../extract/responsibility.js";
import { matchMarker } from "../extract/section-marker.js";
import { type Block, type Seg, cleanLine, joinSegs } from "./blocks.js";
import { BRACKET, fold, isCloseBracket } from "./chars.js";

export interface Paragraph extends Seg {
  /** Folded copy of `text` (same length) for matching. */
  readonly folded: string;
  /** The cleaned physical lines that make up the paragraph. */
  readonly lines: readonly Seg[];
  /** A table row: cells separated by TAB. */
  readonly row: boolean;
  /** Came from a heading element (Markdown/HTML). */
  readonly heading: boolean;
  /** 1-based page of the first character (PDF). */
  readonly page: number | undefined;
}

const TERMINAL = new Set([..."。！？；：!?;:"]);
/** An open bracket left unclosed for longer than this stops holding lines together. */
const MAX_OPEN_BRACKET = 300;
const TAIL = 400;

/** The last `n` (or more) characters of a paragraph held as pieces: the closing tests need no more (keeps joining linear). */
function tailOf(pieces: readonly string[], n: number): string {
  let tail = "";
  for (let i = pieces.length - 1; i >= 0 && tail.length < n; i--) tail = pieces[i]! + tail;
  return tail;
}

const MARKER_FIRST = new Set([..."一二三四五六七八九十百(0123456789第"]);
const LABEL_FIRST = new Set([...ROLE_OF_LABEL.keys(), ...PERSON_LABELS, ...DEADLINE_LABELS].map((l) => l[0]!));
const DATE_FIRST = new Set([..."0123456789〇零一二三四五六七八九"]);
const isMarkerFirst = (c: string, code: number): boolean => MARKER_FIRST.has(c) || (code >= 0x2460 && code <= 0x2487);

/**
 * Does this cleaned line start a paragraph of its own, whatever came before? Each pattern is
 * tried only when the line's first or last character allows it: most lines pay a few Set lookups.
 */
export function startsParagraph(folded: string): boolean {
  const c = folded[0] ?? "";
  const code = folded.charCodeAt(0);
  const last = folded[folded.length - 1] ?? "";
  if (isMarkerFirst(c, code) && matchMarker(folded) !== null) return true;
  if (LABEL_FIRST.has(c) && LABEL_LINE_RE.test(folded)) return true;
  if (c === "—" && folded.startsWith("——")) return true;
  if ((c === "附" || "-•*·".includes(c)) && (ATTACHMENT_LIST_RE.test(folded) || ATTACHMENT_HEADER_RE.test(folded))) return true;
  if (c === "抄" && CC_RE.test(folded)) return true;
  if (folded.length > 200) return false;
  if (DATE_FIRST.has(c) && last === "日" && DATE_LINE_RE.test(folded)) return true;
  if (last === "发" && PRINT_LINE_RE.test(folded)) return true;
  if (folded.length <= 30 && (folded.includes("公开") || folded.includes("此件")) && DISCLOSURE_RE.test(folded)) return true;
  if (last === ":" && RECIPIENTS_RE.test(folded)) return true;
  return last === "号" && /^[^\d]{0,16}[[(]/u.test(folded) && DOC_NUMBER_END_RE.test(folded);
}

/** Last characters that can end a 文号 line or a title (…号, …通知, …意见, …函 …). */
const CLOSING_LAST = new Set([..."号知见定报复告函示令议"]);

/**
 * Does this paragraph (held as folded pieces) end so that the next line cannot continue it?
 * Only the last character is looked at first; the tail is built only when that character could
 * close something, so joining stays linear on any input.
 */
function isClosed(pieces: readonly string[], length: number): boolean {
  const lastPiece = pieces[pieces.length - 1] ?? "";
  const last = lastPiece[lastPiece.length - 1] ?? "";
  if (TERMINAL.has(last)) return true;
  if (length <= 80) {
    const whole = pieces.join("");
    if (DATE_LINE_RE.test(whole) || PRINT_LINE_RE.test(whole) || DISCLOSURE_RE.test(whole)) return true;
    if (whole.length <= 40 && (ATTACHMENT_HEADER_RE.test(whole) || /文件$/u.test(whole))) return true; // 红头 "……文件"
  }
  if (isCloseBracket(last)) return endsWithClause(tailOf(pieces, TAIL));
  if (!CLOSING_LAST.has(last)) return false;
  const tail = tailOf(pieces, 60);
  return DOC_NUMBER_END_RE.test(tail) || TITLE_END_RE.test(tail); // a 文号 line, a title
}

/** A block cleaned (`cleanLine`) and folded: computed once per block and shared by the scanners that read lines. */
export interface CleanedLine {
  readonly seg: Seg;
  readonly folded: string;
}

export const cleanAndFold = (block: Block): CleanedLine => {
  const seg = cleanLine(block);
  return { seg, folded: fold(seg.text) };
};

/** `cleaned(block, i)` gives block i cleaned and folded (SourceText passes its cache of them). */
export function toParagraphs(blocks: readonly Block[], cleaned: (block: Block, i: number) => CleanedLine = cleanAndFold): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Seg[] = [];
  let curFolded: string[] = [];
  let curLength = 0;

  let curRow = false;
  let curHeading = false;
  let curPage: number | undefined;
  let depth = 0;
  let openFor = 0;

  const flush = (): void => {
    if (cur.length === 0) return;
    const seg = cur.length === 1 ? cur[0]! : joinSegs(cur);
    out.push({
      text: seg.text, offsets: seg.offsets, end: seg.end, folded: curFolded.length === 1 ? curFolded[0]! : curFolded.join(""),
      lines: cur, row: curRow, heading: curHeading, page: curPage,
    });
    cur = [];
    curFolded = [];
    curLength = 0;
    depth = 0;
    openFor = 0;
  };

  // Cleaned, folded lines (page furniture dropped), kept in parallel arrays: one object per line is
  // too much garbage on a million-line input.
  const segs: Seg[] = [];
  const foldeds: string[] = [];
  const src: Block[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const { seg: line, folded } = cleaned(block, b);
    if (line.text.length === 0) continue;
    if (block.kind !== "row" && !line.text.includes("\t") && PAGE_FURNITURE_RE.test(folded)) continue;
    segs.push(line);
    foldeds.push(folded);
    src.push(block);
  }

  for (let li = 0; li < segs.length; li++) {
    const line = segs[li]!;
    const folded = foldeds[li]!;
    const block = src[li]!;
    const row = block.kind === "row" || line.text.includes("\t");
    const heading = block.kind === "heading";
    const next = foldeds[li + 1];
    // A signature (an organisation name alone on its line) stands before the date: never a continuation.
    const signature = next !== undefined && next.length <= 40 && next.endsWith("日") && DATE_LINE_RE.test(next) && isSignatureLine(folded);
    // A 主送 list wrapped over two lines: "各开发区管委会，…，区级机关" + "各部门、公司：".
    const recipientsWrap =
      cur.length > 0 && curLength <= 300 && folded.endsWith(":") && RECIPIENTS_RE.test(folded) && RECIPIENTS_RE.test(`${curFolded.join("")}:`) && /[,、]/u.test(curFolded.join(""));
    const continues =
      recipientsWrap ||
      cur.length > 0 &&
      !row &&
      !curRow &&
      !heading &&
      !curHeading &&
      ((depth > 0 && openFor < MAX_OPEN_BRACKET && matchMarker(folded) === null) ||
        (!signature && !startsParagraph(folded) && !isClosed(curFolded, curLength)));
    if (!continues) flush();
    if (cur.length === 0) {
      curRow = row;
      curHeading = heading;
      curPage = block.page;
    }
    cur.push(line);
    curFolded.push(folded);
    curLength += folded.length;
    for (let i = 0; i < folded.length; i++) {
      const b = BRACKET[folded.charCodeAt(i)];
      if (b === 1) {
        if (depth === 0) openFor = 0;
        depth++;
      } else if (b === 2 && depth > 0) depth--;
      if (depth > 0) openFor++;
    }
  }
  flush();
  return out;
}
