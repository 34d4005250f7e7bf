/**
 * 粘连表格 — a task table whose cells and rows a crawl glued into running text. The header is its
 * column names run together, then every row is its text followed directly by its unit cells:
 *
 *   工作任务牵头单位配合单位1.建立台账。区甲局区乙局、区丙局2.开展检查。 区乙局
 *   ^^^^^^^^^^^^^^^^^^^^^^^^ header   ^^^^^^^^^^^^^^^^^^^^^^ units: 区甲局 | 区乙局、区丙局
 *
 *   存在问题整改措施责任单位…整治。区甲局牵头，区乙局、区丙局配合组织开展…
 *                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ a verb-clause cell ends the row
 *
 * The rows are rebuilt as TAB rows (the pipeline then reads an ordinary table). A units run starts after
 * a sentence end (or is found back from a role verb: `…报送区甲局牵头，…`) and ends where no unit name
 * continues. Names glued without a separator are separate cells (a cell of another column); the cells
 * fill the role columns from the left, or from the right when a gap (white space: an empty cell) stood
 * before them. When the header is recognised but the rows are not, the text is left alone with a warning.
 */
import { say } from "../messages.js";
import type { Block } from "../text/blocks.js";
import { cleanLine, joinSegs } from "../text/blocks.js";
import { fold, isSpace } from "../text/chars.js";
import { ATTACHMENT_HEADER_RE, ATTACHMENT_LIST_RE, CC_RE, DATE_LINE_RE, ORG_SUFFIX_RE, PRINT_LINE_RE, isSignatureLine } from "./patterns.js";
import { matchMarker } from "./section-marker.js";
import { type ColumnKind, columnKind } from "./table.js";

/** A note the stage leaves for the warnings (the table was seen but not rebuilt). */
export interface GluedNote {
  readonly code: "W_GLUED_TABLE";
  readonly message: string;
  readonly offset: number;
}

/** One column name of a task table, as printed in a header (matched whole, on folded text). */
const COLUMN_NAME_RE =
  /^(?:序号|编号|(?:主要|具体|重点)?(?:工作)?(?:任务|措施|要求|内容|事项)(?:来源)?|(?:存在|主要)?问题|整改(?:目标|措施|任务|要求|内容)(?:和措施)?|(?:完成|办结)?(?:时限|时间|期限)|时间节点|备注|(?:主要|整改)?(?:牵头|责任|配合|协办|参与|实施|牵头责任)(?:\/(?:牵头|责任|配合))?(?:单位|部门))$/u;
const MAX_NAME = 12;
/** A role column name: a line holding none has no glued header (a cheap test before the tokenizer). */
const ROLE_COLUMN_RE = /(?:牵头|责任|配合|协办|参与|实施)(?:单位|部门)(?![:：\s]{0,2}[:：])/u;

/** Unit-name endings strong enough to end a name glued to the next text (`区甲局开展…`). */
const STRONG_END = ["人民政府", "政府", "委员会", "管委会", "办公室", "办事处", "领导小组", "指挥部", "中心", "公司", "集团", "单位", "部门", "机关", "局", "委", "办", "厅", "院", "部"];
/** Characters a unit name starts with when it follows another name without a separator. */
const NAME_START = /^(?:区|市|县|省|州|各|相关|有关|国家|中共|共青团)/u;
/** Role verbs that may close a name inside a units cell. */
const VERBS = ["牵头负责", "按职责分工负责", "分工负责", "牵头", "配合", "参与", "负责", "落实", "抓好", "协助", "协办", "指导"];
const SEPARATORS = new Set([..."、,，;；/"]);
/** What may follow a unit name inside a sentence (`区甲局要…`): then it is prose, not a cell. */
const PROSE_AFTER = new Set([..."要应将的和与及在对为是等会也已还均并须需按从向把"]);
const GAP = "\n";

interface Header {
  names: string[];
  kinds: ColumnKind[];
  /** Offset in the block's cleaned text where the header ends (the rest is row text). */
  end: number;
  start: number;
}

/** The header run at the start of s (or after a table title in it), or null. */
export function findHeader(s: string): Header | null {
  const f = fold(s);
  for (const start of headerStarts(f)) {
    const names: string[] = [];
    let i = start;
    while (i < f.length) {
      let took = 0;
      for (let len = Math.min(MAX_NAME, f.length - i); len >= 2; len--) {
        if (COLUMN_NAME_RE.test(f.slice(i, i + len))) {
          took = len;
          break;
        }
      }
      if (took === 0) break;
      names.push(f.slice(i, i + took));
      i += took;
    }
    const kinds = names.map(columnKind);
    const roles = kinds.filter((k) => k.kind === "role").length;
    const texts = kinds.filter((k) => k.kind === "text" || k.kind === "group").length;
    if (names.length >= 2 && roles >= 1 && texts >= 1) return { names, kinds, start, end: i };
  }
  return null;
}

function headerStarts(f: string): number[] {
  const out = [0];
  for (const tail of ["表", "清单", "台账"]) {
    for (let at = f.indexOf(tail, 1); at >= 0 && out.length < 8; at = f.indexOf(tail, at + 1)) out.push(at + tail.length);
  }
  return out.sort((a, b) => a - b);
}

/** Lines that close a table: the signature's date, the 印发 line, page keys, another attachment. */
function closes(f: string, next: string | undefined): boolean {
  if (DATE_LINE_RE.test(f) || PRINT_LINE_RE.test(f) || CC_RE.test(f) || ATTACHMENT_HEADER_RE.test(f) || ATTACHMENT_LIST_RE.test(f)) return true;
  if (/^(?:来源|信息来源|附件下载|相关附件)/u.test(f)) return true;
  return isSignatureLine(f) && next !== undefined && (DATE_LINE_RE.test(next) || PRINT_LINE_RE.test(next));
}

/** Rebuild glued task tables among the blocks as TAB rows; other blocks pass unchanged. */
export function unglueTables(blocks: readonly Block[], notes: GluedNote[] = []): Block[] {
  // a glued header names a role column: one cheap test per block, nothing else for most inputs
  if (!blocks.some((b) => b.kind !== "row" && ROLE_COLUMN_RE.test(b.text) && !b.text.includes("\t"))) return blocks as Block[];
  const out: Block[] = [];
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    // a header broken at its spaces starts with 序号 (`序号存 在 问 题整改责任单位`)
    const short = b.text.length <= 4 && /^\s*(?:序号|编号)/u.test(b.text);
    if (b.kind === "row" || b.text.includes("\t") || (!short && !ROLE_COLUMN_RE.test(b.text))) {
      out.push(b);
      continue;
    }
    // a header the crawl broke at its white space (`序号存 在 问 题整改责任单位`) is read across those short lines
    // (a first piece of at most 4 characters, pieces of 1-2 characters, then the piece that carries the rest)
    let last = k;
    if (short) {
      while (last + 1 < blocks.length && last - k < 12 && blocks[last + 1]!.text.trim().length <= 2 && blocks[last + 1]!.kind !== "row") last++;
      last = last > k && last + 1 < blocks.length ? last + 1 : k;
    }
    const seg = last > k ? joinSegs(blocks.slice(k, last + 1).map(cleanLine)) : cleanLine(b);
    const header = findHeader(seg.text);
    if (!header || (last > k && header.start > 0)) {
      out.push(b);
      continue;
    }
    // the body: the rest of this line and the lines after it up to what closes the table
    let end = last + 1;
    const folded = (j: number): string | undefined => (j < blocks.length ? fold(cleanLine(blocks[j]!).text) : undefined);
    while (end < blocks.length && blocks[end]!.kind !== "row" && !closes(folded(end)!, folded(end + 1))) end++;
    const parts = [{ text: seg.text.slice(header.end), offsets: seg.offsets.subarray(header.end), end: seg.end }, ...blocks.slice(last + 1, end).map(cleanLine)];
    const table = rebuild(header, parts);
    if (!table) {
      notes.push({ code: "W_GLUED_TABLE", message: say("gluedTableUncut", { columns: header.names.join("/") }), offset: seg.offsets[header.start] ?? b.end });
      out.push(b);
      continue;
    }
    if (header.start > 0) out.push({ text: seg.text.slice(0, header.start), offsets: seg.offsets.subarray(0, header.start), end: seg.offsets[header.start]! });
    out.push(rowBlock(header.names.map((n, c) => slice(seg, header.start + offsetOf(header.names, c), n.length))));
    out.push(...table);
    k = end - 1;
  }
  return out;
}

const offsetOf = (names: readonly string[], c: number): number => names.slice(0, c).reduce((a, n) => a + n.length, 0);

interface Piece {
  text: string;
  offsets: Int32Array;
  end: number;
}

function slice(p: Piece, from: number, len: number): Piece {
  const to = from + len;
  return { text: p.text.slice(from, to), offsets: p.offsets.subarray(from, to), end: to < p.text.length ? p.offsets[to]! : p.end };
}

/** A TAB row of cells (an empty cell is an empty string); each TAB maps to the offset before it. */
function rowBlock(cells: readonly (Piece | null)[]): Block {
  let text = "";
  const offs: number[] = [];
  let last = cells.find((c) => c && c.offsets.length)?.offsets[0] ?? 0;
  let end = last;
  cells.forEach((cell, c) => {
    if (c > 0) {
      text += "\t";
      offs.push(last);
    }
    if (!cell || cell.text.length === 0) return;
    text += cell.text;
    for (let i = 0; i < cell.offsets.length; i++) offs.push(cell.offsets[i]!);
    last = cell.offsets[cell.offsets.length - 1]!;
    end = cell.end;
  });
  return { text, offsets: Int32Array.from(offs), end, kind: "row" };
}

/** The body as one string; a GAP stands where a line ended (white space the crawl kept: an empty cell). */
function stream(parts: readonly Piece[]): Piece {
  let text = "";
  const offs: number[] = [];
  for (const p of parts) {
    if (p.text.length === 0) continue;
    if (text.length > 0) {
      text += GAP;
      offs.push(p.offsets[0]!);
    }
    text += p.text;
    for (let i = 0; i < p.offsets.length; i++) offs.push(p.offsets[i]!);
  }
  return { text, offsets: Int32Array.from(offs), end: parts[parts.length - 1]?.end ?? 0 };
}

interface Run {
  start: number;
  end: number;
  /** Cells of the run: [start, end) ranges, split where names were glued without a separator. */
  cells: [number, number][];
  verb: boolean;
  gapBefore: boolean;
}

/** Rebuild the rows; null when fewer than two rows (or under half the sentences) end in units. */
function rebuild(header: Header, parts: readonly Piece[]): Block[] | null {
  const s = stream(parts);
  const f = fold(s.text);
  const roleCols = header.kinds.flatMap((k, c) => (k.kind === "role" ? [c] : []));
  // role columns must close the row: a column after them (任务来源, 备注) cannot be cut from the text
  if (roleCols[roleCols.length - 1] !== header.kinds.length - 1 || roleCols.some((c, i) => i > 0 && c !== roleCols[i - 1]! + 1)) return null;
  const textCol = header.kinds.findIndex((k) => k.kind === "text" || k.kind === "group");
  const indexCol = header.kinds.findIndex((k) => k.kind === "index");
  const rows: Block[] = [];
  let pos = 0;
  let units = 0;
  let lastCategory = "";
  const emitText = (from: number, to: number, run: Run | null): void => {
    // category rows (一、…) that stand before the row's own marker, after a line end
    let a = skipGaps(f, from, to);
    for (;;) {
      const gap = f.indexOf(GAP, a);
      if (gap < 0 || gap >= to) break;
      const head = f.slice(a, gap);
      const m = matchMarker(head);
      const next = matchMarker(f.slice(gap + 1, gap + 17));
      if (!m || (m.family !== "zh" && m.family !== "zhParen") || head.includes("。") || !next) break;
      // a merged category cell copied again after a row is not a row
      if (head !== lastCategory) rows.push(plain(s, a, gap));
      lastCategory = head;
      a = gap + 1;
    }
    const text = trimRange(f, a, to);
    if (text[1] <= text[0]) return;
    const t = f.slice(text[0], text[1]);
    if (!run) {
      // a merged category cell copied again after a row is not a row
      if (t === lastCategory) return;
      const m = matchMarker(t);
      if (m && (m.family === "zh" || m.family === "zhParen") && !t.includes("。")) {
        lastCategory = t;
        rows.push(plain(s, text[0], text[1]));
        return;
      }
    }
    const cells: (Piece | null)[] = header.kinds.map(() => null);
    let body = text;
    if (indexCol >= 0) {
      const serial = /^\d{1,4}(?=\D)/u.exec(t);
      if (serial) {
        cells[indexCol] = sub(s, text[0], text[0] + serial[0].length);
        body = [skipGaps(f, text[0] + serial[0].length, text[1]), text[1]];
      }
    }
    cells[textCol] = sub(s, body[0], body[1]);
    if (run) placeUnits(run, roleCols, cells, s);
    rows.push(rowBlock(cells));
  };
  let sentences = 0;
  for (let i = 0; i < f.length; i++) if (f[i] === "。") sentences++;
  while (pos < f.length) {
    const run = nextRun(f, pos);
    if (!run) break;
    // a row whose units were not recognised ends where the next row's marker starts a line
    const cut = rowStartBefore(f, pos, run.start);
    if (cut > 0) {
      emitText(pos, cut, null);
      pos = cut;
      continue;
    }
    emitText(pos, run.start, run);
    units++;
    pos = skipGaps(f, run.end, f.length);
  }
  if (units < 2 || (sentences >= 4 && units * 2 < Math.min(sentences, 40))) return null;
  if (pos < f.length) emitText(pos, f.length, null);
  return rows;
}

/** The last line start in (pos, to) that opens a numbered row (`…GAP16.…`), past a category line; or -1. */
function rowStartBefore(f: string, pos: number, to: number): number {
  let found = -1;
  for (let g = f.indexOf(GAP, pos); g >= 0 && g < to; g = f.indexOf(GAP, g + 1)) {
    const m = matchMarker(f.slice(g + 1, g + 17));
    if (!m || m.family === "zh" || m.family === "zhParen") continue;
    // the row's own first line is not a cut
    if (g + 1 > pos && skipGaps(f, pos, to) < g) found = g + 1;
  }
  // step back over a category line just above it (七、… GAP 16.…)
  if (found > 0) {
    const prev = f.lastIndexOf(GAP, found - 2);
    const head = prev >= pos ? matchMarker(f.slice(prev + 1, prev + 17)) : null;
    if (head && (head.family === "zh" || head.family === "zhParen")) return prev + 1;
  }
  return found;
}

function placeUnits(run: Run, roleCols: readonly number[], cells: (Piece | null)[], s: Piece): void {
  const ranges = run.verb ? [[run.start, run.end] as [number, number]] : run.cells;
  const m = roleCols.length;
  // more cells than columns: the first cells are paragraphs of the first column (several leads)
  const groups: [number, number][][] = ranges.length > m ? [ranges.slice(0, ranges.length - m + 1), ...ranges.slice(ranges.length - m + 1).map((r) => [r])] : ranges.map((r) => [r]);
  const from = run.gapBefore && !run.verb ? m - groups.length : 0;
  groups.forEach((g, i) => {
    cells[roleCols[from + i]!] = joinWith(g.map(([a, b]) => sub(s, a, b)), "、");
  });
}

/** Names glued in one cell get a separator (its offset is the last character's before it). */
function joinWith(parts: readonly Piece[], sep: string): Piece {
  if (parts.length === 1) return parts[0]!;
  let text = "";
  const offs: number[] = [];
  parts.forEach((p, i) => {
    if (i > 0) {
      text += sep;
      offs.push(offs[offs.length - 1] ?? p.offsets[0]!);
    }
    text += p.text;
    for (let k = 0; k < p.offsets.length; k++) offs.push(p.offsets[k]!);
  });
  return { text, offsets: Int32Array.from(offs), end: parts[parts.length - 1]!.end };
}

function sub(s: Piece, a: number, b: number): Piece {
  // a GAP inside a cell is white space the crawl kept: dropped
  const keep: number[] = [];
  for (let i = a; i < b; i++) if (s.text[i] !== GAP) keep.push(i);
  return { text: keep.map((i) => s.text[i]).join(""), offsets: Int32Array.from(keep.map((i) => s.offsets[i]!)), end: b < s.text.length ? s.offsets[b]! : s.end };
}

const plain = (s: Piece, a: number, b: number): Block => {
  const p = sub(s, a, b);
  return { text: p.text, offsets: p.offsets, end: p.end };
};

function skipGaps(f: string, i: number, to: number): number {
  while (i < to && (f[i] === GAP || isSpace(f.charCodeAt(i)))) i++;
  return i;
}

function trimRange(f: string, a: number, b: number): [number, number] {
  while (a < b && (f[a] === GAP || isSpace(f.charCodeAt(a)))) a++;
  while (b > a && (f[b - 1] === GAP || isSpace(f.charCodeAt(b - 1)))) b--;
  return [a, b];
}

/** The next units run at or after pos: after a sentence end, or found back from a role verb. */
export function nextRun(f: string, pos: number): Run | null {
  for (let i = pos + 1; i < f.length; i++) {
    const c = f[i]!;
    if (c === "。" && i + 1 < f.length) {
      const at = f[i + 1] === GAP ? i + 2 : i + 1;
      const run = readRun(f, at, f[i + 1] === GAP);
      if (run) return run;
    }
    if (c === "牵" && f.startsWith("牵头", i) && f[i + 2] !== "单" && f[i + 2] !== "部") {
      const start = nameBack(f, i, pos);
      if (start >= 0) {
        const run = readRun(f, start, f[start - 1] === GAP);
        if (run && run.verb) return run;
      }
    }
  }
  return null;
}

/** Start of the unit name(s) that end at the verb at v (`…报送区甲局、区乙局牵头`), or -1. */
function nameBack(f: string, v: number, floor: number): number {
  let start = -1;
  let end = v;
  for (;;) {
    // the piece back to the previous separator or sentence end
    let a = end;
    while (a > floor && a > end - 30 && !SEPARATORS.has(f[a - 1]!) && f[a - 1] !== "。" && f[a - 1] !== GAP) a--;
    const bounded = a === floor || f[a - 1] === "。" || f[a - 1] === GAP || SEPARATORS.has(f[a - 1]!);
    if (bounded && end - a >= 2 && end - a <= 8 && (nameAt(f, a, false) === end - a || endsName(f.slice(a, end)))) start = a;
    else {
      // a name glued to the text before it: it starts at its last name-start character
      for (let k = end - 3; k >= Math.max(a, end - 20); k--) {
        if (NAME_START.test(f.slice(k, k + 2)) && nameAt(f, k, true) === end - k) return k;
      }
      return start;
    }
    if (a === floor || f[a - 1] !== "、") return start;
    end = a - 1;
  }
}

const endsName = (s: string): boolean => STRONG_END.some((e) => s.endsWith(e)) || /(?:乡镇|街道|片区|社区)$/u.test(s);

/** Length of the unit name at i (up to its first strong ending, with a bracket after it), or 0. */
function nameAt(f: string, i: number, glued: boolean): number {
  if (glued && !NAME_START.test(f.slice(i, i + 4))) return 0;
  for (let e = i + 2; e <= Math.min(f.length, i + 24); e++) {
    const ch = f[e - 1]!;
    if (ch === "。" || ch === GAP || SEPARATORS.has(ch) || /[\d:]/u.test(ch)) return 0;
    if (ch === "(" ) {
      const close = f.indexOf(")", e);
      if (close < 0 || close - e > 20) return 0;
      e = close + 1;
      continue;
    }
    const ending = STRONG_END.find((x) => f.startsWith(x, e - x.length));
    if (!ending || e - i < 3) continue;
    // an ending that runs on into a longer one (部 → 部门, 委 → 委员会 / 管委会, 办 → 办公室)
    let n = e;
    for (let d = 3; d >= 1; d--) {
      if (STRONG_END.some((x) => x.length > d && f.startsWith(x, e + d - x.length))) {
        n = e + d;
        break;
      }
    }
    // a second ending right after the first (集团公司, 中心办公室)
    const more = STRONG_END.find((x) => x.length >= 2 && f.startsWith(x, n));
    if (more) n += more.length;
    if (f[n] === "(") {
      const close = f.indexOf(")", n);
      if (close > 0 && close - n <= 20) n = close + 1;
    }
    return n - i;
  }
  return 0;
}

/** A name with a weaker ending (各街道, 相关乡镇) that a separator, a line end or the end delimits; else 0. */
function delimitedName(f: string, i: number): number {
  let e = i;
  while (e < f.length && e - i <= 12 && f[e] !== GAP && !SEPARATORS.has(f[e]!)) {
    if (f[e] === "。") return 0;
    e++;
  }
  const delimited = e === f.length || f[e] === GAP || SEPARATORS.has(f[e]!);
  return delimited && e - i >= 2 && e - i <= 12 && (endsName(f.slice(i, e)) || ORG_SUFFIX_RE.test(f.slice(i, e))) ? e - i : 0;
}

/** A piece up to the next line end (or the end), when short and without sentence punctuation; else 0. */
function tailPiece(f: string, i: number): number {
  let e = i;
  while (e < f.length && e - i <= 20 && f[e] !== GAP) {
    if (f[e] === "。" || SEPARATORS.has(f[e]!)) return 0;
    e++;
  }
  if ((e < f.length && f[e] !== GAP) || e - i > 20) return 0;
  // the next row's 序号 may close the line (`区甲场12`)
  let d = e;
  while (d > i && /\d/u.test(f[d - 1]!)) d--;
  return d - i >= 2 ? d - i : 0;
}

/** A piece of a verb clause: any short text before a role verb (`相关乡镇落实`). */
function verbPieceAt(f: string, i: number): number {
  for (let e = i + 2; e <= Math.min(f.length, i + 20); e++) {
    const ch = f[e - 1]!;
    if (ch === "。" || ch === GAP || SEPARATORS.has(ch)) return 0;
    if (e - i <= 8 && VERBS.some((x) => f.startsWith(x, e))) {
      const piece = f.slice(i, e);
      return NAME_START.test(piece) || endsName(piece) || ORG_SUFFIX_RE.test(piece) ? e - i : 0;
    }
  }
  return 0;
}

/** Read a units run at i: names joined by separators or glued, each optionally closed by a role verb. */
export function readRun(f: string, i: number, gapBefore: boolean): Run | null {
  const cells: [number, number][] = [];
  let cellStart = i;
  let k = i;
  let names = 0;
  let verb = false;
  let separated = false;
  for (;;) {
    // a strong name, else a short piece closed by its verb (相关乡镇落实)
    let n = nameAt(f, k, false);
    if (n === 0) n = verbPieceAt(f, k);
    if (n === 0) n = delimitedName(f, k);
    // a last name cut off by a line end or the table's end is taken as printed
    if (n === 0 && names > 0) n = tailPiece(f, k);
    if (n === 0) break;
    k += n;
    names++;
    const v = VERBS.find((x) => f.startsWith(x, k));
    // `…电力公司落实省政府…`: a verb with a unit as its object belongs to the next row's text
    if (v && nameAt(f, k + v.length, true) === 0) {
      k += v.length;
      verb = true;
    }
    const next = k + 1;
    if (k < f.length && SEPARATORS.has(f[k]!) && (nameAt(f, next, false) > 0 || verbPieceAt(f, next) > 0 || delimitedName(f, next) > 0 || tailPiece(f, next) > 0)) {
      separated = true;
      k++;
      continue;
    }
    // a name glued to the next one: a cell of the next column (or a second paragraph of this cell)
    const g = nameAt(f, k, true);
    if (g > 0 && !PROSE_AFTER.has(f[k + g] ?? "")) {
      cells.push([cellStart, k]);
      cellStart = k;
      continue;
    }
    break;
  }
  if (names === 0) return null;
  cells.push([cellStart, k]);
  const after = f[k] ?? "";
  // prose, not a cell: `。区甲局要…`, `。区甲局和区乙局…`
  if (!verb && !separated && cells.length === 1 && (PROSE_AFTER.has(after) || (after !== "" && after !== GAP && !/[\d(一二三四五六七八九十①-⑳]/u.test(after)))) return null;
  return { start: i, end: k, cells, verb, gapBefore };
}
