/**
 * 表格（一格一行）: a table flattened one cell per line, as a web page copied as text gives it.
 * The header is a run of column-name lines under 序号; each row starts at its 序号 line and its
 * cells follow line by line; category rows (一、…方面) stand between rows; cells merged across
 * rows lost their copies below the first row; a long cell may wrap onto a second line.
 * The run is rebuilt as TAB rows, so the rest of the pipeline reads an ordinary table.
 *
 *   序号 / 工作任务 / 牵头单位 / 完成时限 / 一、制度建设 / 1 / 建立台账 / 区甲局 / 6月底前 / 2 / 开展检查
 *   → 序号⇥工作任务⇥牵头单位⇥完成时限 · 一、制度建设 · 1⇥建立台账⇥区甲局⇥6月底前 · 2⇥开展检查⇥⇥
 *
 * Which column a cell of a short row belongs to is decided by what the cell looks like (a number,
 * a date, unit names, a sentence) against what the complete rows hold in each column.
 */
import { type Block, type Seg, cleanLine, joinSegs } from "../text/blocks.js";
import { fold, squash } from "../text/chars.js";
import { splitNames } from "../normalize/units.js";
import { findDeadlines } from "./deadline.js";
import { ATTACHMENT_HEADER_RE, ATTACHMENT_LIST_RE, CC_RE, DATE_LINE_RE, ORG_SUFFIX_RE, PRINT_LINE_RE } from "./patterns.js";
import { parseVerbClause } from "./responsibility.js";
import { matchMarker } from "./section-marker.js";
import { type ColumnKind, columnKind, mapColumns } from "./table.js";

/** What a cell holds, as far as placing it in a column goes. */
export type CellType = "num" | "date" | "units" | "long" | "short";
const CELL_TYPES: readonly CellType[] = ["num", "date", "units", "long", "short"];

const INDEX_LINE_RE = /^(?:序号|编号)$/u;
const INDEX_RAW_RE = /^[\s\u3000]{0,8}(?:序|编)[\s\u3000]{0,4}号[\s\u3000]{0,8}$/u;
const SERIAL_RE = /^(\d{1,4})[.、]?$/u;
/** A column name of a role (牵头单位, 配合部门, 责任处室 …) on a line of its own. */
const ROLE_HEADER_RAW_RE =
  /^[\s\u3000]{0,8}[^\s\u3000]{0,6}(?:牵头|主办|主责|责任|配合|协办|协助|参与|参加|实施|承办|落实|推进|指导)[^\s\u3000]{0,4}(?:单位|部门|处室|科室)[\s\u3000]{0,8}$/u;
/** A caption, not a column name: 任务分工表, 重点任务清单. */
const CAPTION_RE = /(?:表|清单|台账|目录)$/u;
const TOTAL_RE = /^(?:合计|总计|小计|汇总|总数|共计)$/u;
/** Lines that close a table right under its last row: a total row, a note. */
const TABLE_END_RE = /^(?:合计|总计|小计|汇总|总数|共计)$|^(?:注|备注|说明)\d{0,2}[:]/u;
const NOTE_RE = /^(?:注|备注|说明)\d{0,2}[:]/u;
const MAX_COLUMNS = 16;
/** A column name: short, no sentence punctuation, no quotes. */
const HEADER_CELL_RE = /^[^,.;:!?。、“”"'《》]{1,12}$/u;
/** Lines allowed between the header and the first row (category rows). */
const MAX_LEAD_CATEGORIES = 2;
/** Most lines one cell may run over (wrapped lines, paragraphs of a cell). */
const MAX_WRAP = 8;
const JOIN_PENALTY = 0.3;
const MIXED_JOIN_PENALTY = 0.3;
const EPS = 1e-3;

/** Endings of a unit name in a table cell, beyond the organisation suffixes (各街镇, 各项目实施主体). */
const UNIT_TAIL_RE = /(?:单位|机关|机构|主体|企业|镇|乡|街道|区|县|市|村|园区|政府)$/u;
/** 应 is a modal verb, except in 应急 (区应急局). */
const NOT_UNIT_RE = /[要将需把使对为是了的。:]|应(?!急)|加强|做好|完善|建立|开展|推动|提升|召开/u;
const NUM_RE = /^[-+~～—/.,%()\d]{1,16}$/u;
const TIME_WORD_RE = /^(?:全年|长期|持续推进|持续|常态化|年内|年底前?|年底|每年|每季度|每月|逐年)/u;

/** Does a cell list unit names (区甲局、区乙局) or read as a verb clause (办公室牵头，各科室配合)? */
export function looksLikeUnits(cell: string): boolean {
  const f = fold(squash(cell));
  if (f.length < 2 || f.length > 200 || f.includes("。")) return false;
  if (parseVerbClause(f) !== null) return true;
  const names = splitNames(f);
  return names.length > 0 && names.every((n) => {
    const core = n.replace(/\([^()]{0,20}\)$/u, "");
    return core.length >= 2 && core.length <= 30 && !NOT_UNIT_RE.test(core) && (ORG_SUFFIX_RE.test(core) || UNIT_TAIL_RE.test(core));
  });
}

/** The type of a cell (see CellType). */
export function cellType(cell: string): CellType {
  let t = typeCache.get(cell);
  if (t === undefined) {
    t = typeOf(cell);
    if (typeCache.size > 10_000) typeCache.clear();
    typeCache.set(cell, t);
  }
  return t;
}

/** Tables repeat their cells (区甲局, 全年): each distinct cell is typed once. */
const typeCache = new Map<string, CellType>();

function typeOf(cell: string): CellType {
  const f = fold(squash(cell));
  if (NUM_RE.test(f)) return "num";
  if (f.length <= 30 && (TIME_WORD_RE.test(f) || (/\d|[一二三四五六七八九十]月/u.test(f) && findDeadlines(f, 2000, "field").length > 0 && !/[;。]/u.test(f)))) return "date";
  if (looksLikeUnits(f)) return "units";
  return f.length > 20 || /[,;:。]/u.test(f) ? "long" : "short";
}

interface Line {
  readonly block: number;
  readonly seg: Seg;
  readonly folded: string;
  /** Source characters between the previous line's end and this line's start (line breaks, blank lines). */
  readonly gap: number;
}

/** A line that ends in an enumeration mark (区甲局、 / …，) is continued by the next line: one cell. */
const OPEN_END_RE = /[、,]$/u;

/**
 * Which lines continue the line before them inside one cell: after an enumeration mark, or when the
 * break before them is tighter than the table's usual break (a soft line break inside a cell of a
 * page whose cells are paragraphs: `区甲局、\n区乙局` between blank-line-separated cells).
 */
function glueOf(lines: readonly Line[]): boolean[] {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) counts.set(lines[i]!.gap, (counts.get(lines[i]!.gap) ?? 0) + 1);
  let usual = 0;
  let most = 0;
  for (const [g, n] of counts) if (n > most || (n === most && g < usual)) [usual, most] = [g, n];
  // only blank-line layouts (LF / CRLF) say anything by a tighter break; markup gaps do not
  const tight = usual >= 2 && usual <= 4;
  return lines.map((l, i) => i > 0 && (OPEN_END_RE.test(lines[i - 1]!.folded) || (tight && l.gap < usual)));
}

/** Rebuild every flattened table among the blocks as TAB rows; other blocks pass unchanged. */
export function unflattenTables(blocks: readonly Block[]): Block[] {
  // most inputs have no 序号 or role-column line of its own: one cheap test per block, nothing else
  if (!blocks.some((b) => b.text.length <= 24 && b.kind !== "row" && (INDEX_RAW_RE.test(b.text) || ROLE_HEADER_RAW_RE.test(b.text)))) return blocks as Block[];
  const lines: Line[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === "row" || b.text.includes("\t")) return;
    const seg = cleanLine(b);
    if (seg.text.length === 0) return;
    const prev = lines.length > 0 ? blocks[lines[lines.length - 1]!.block]! : undefined;
    const gap = prev ? (b.offsets[0] ?? b.end) - prev.end : 0;
    lines.push({ block: i, seg, folded: fold(seg.text), gap });
  });

  const out: Block[] = [];
  let nextBlock = 0;
  let free = 0; // the first line a header without 序号 may start at (after the last table read)
  const tried = { until: 0 }; // the column-name run read last without a table: its other role lines give none either
  for (let k = 0; k < lines.length; k++) {
    const f = lines[k]!.folded;
    let table: Table | null = null;
    if (INDEX_LINE_RE.test(f)) table = readTable(lines, k);
    else if (k >= tried.until && f.length <= 16 && ROLE_HEADER_RAW_RE.test(f)) table = readFreeTable(lines, k, Math.max(free, tried.until), tried);
    if (!table) continue;
    for (let b = nextBlock; b < lines[table.start]!.block; b++) out.push(blocks[b]!);
    out.push(...table.rows);
    nextBlock = lines[table.end - 1]!.block + 1;
    k = table.end - 1;
    free = table.end;
  }
  for (let b = nextBlock; b < blocks.length; b++) out.push(blocks[b]!);
  return out;
}

const serialOf = (l: Line | undefined): number | null => {
  const m = l ? SERIAL_RE.exec(l.folded) : null;
  return m ? Number(m[1]) : null;
};

const ends = (f: string): boolean =>
  ATTACHMENT_HEADER_RE.test(f) || ATTACHMENT_LIST_RE.test(f) || TOTAL_RE.test(f) || NOTE_RE.test(f) || DATE_LINE_RE.test(f) || CC_RE.test(f) || PRINT_LINE_RE.test(f);

/** A category row between task rows: a marker line (一、…方面), never a task. */
const isMarkedCategory = (f: string): boolean => {
  const m = matchMarker(f);
  return m !== null && (m.family === "zh" || m.family === "zhParen");
};

/** The run of column-name lines under 序号 at `k` (序号 included), or null when there are not two. */
function headerRun(lines: readonly Line[], k: number): Line[] | null {
  const cells = [lines[k]!];
  for (let j = k + 1; j < lines.length && cells.length < MAX_COLUMNS; j++) {
    const f = lines[j]!.folded;
    if (INDEX_LINE_RE.test(f) || serialOf(lines[j]) !== null || !HEADER_CELL_RE.test(f.replace(/\([^()]{0,12}\)$/u, "")) || matchMarker(f) !== null || ends(f)) break;
    cells.push(lines[j]!);
  }
  return cells.length >= 3 ? cells : null;
}

interface RawRow {
  serial: Line;
  cells: Line[];
}

interface Table {
  rows: Block[];
  /** [start, end): the lines the table took, header included. */
  start: number;
  end: number;
  width: number;
  /** The most lines any row holds. */
  maxCells: number;
}

/**
 * The table under 序号 at `k`. A category row above row 1 can look like one more column name
 * (推进制度建设): when no row ever reaches the last columns of the run and they are plain text
 * columns, they are category rows, and the header is shorter.
 */
function readTable(lines: readonly Line[], k: number): Table | null {
  const run = headerRun(lines, k);
  if (!run) return null;
  const full = readRows(lines, k, run);
  if (!full || full.maxCells >= full.width) return full;
  const most = Math.min(full.width - full.maxCells, run.length - 3, MAX_LEAD_CATEGORIES);
  for (let d = 1; d <= most; d++) {
    const dropped = run.slice(run.length - d).map((c) => columnKind(c.seg.text).kind);
    if (!dropped.every((kind) => kind === "text" || kind === "group")) break;
    const shorter = readRows(lines, k, run.slice(0, run.length - d));
    if (shorter && shorter.maxCells >= shorter.width) return shorter;
  }
  return full;
}

function readRows(lines: readonly Line[], k: number, headerCells: readonly Line[]): Table | null {
  const columns = mapColumns(headerCells.map((c) => c.seg.text));
  if (!columns || columns.kinds[0]?.kind !== "index") return null;
  const header = { cells: [...headerCells], columns };
  const width = header.cells.length - 1; // data columns after 序号
  const headerTexts = header.cells.map((c) => c.folded);
  let q = k + header.cells.length;
  // category rows before the first row, then row 1
  const lead: Line[] = [];
  while (q < lines.length && lead.length <= MAX_LEAD_CATEGORIES && serialOf(lines[q]) === null) lead.push(lines[q++]!);
  if (serialOf(lines[q]) !== 1 || lead.length > MAX_LEAD_CATEGORIES || lead.some((l) => ends(l.folded))) return null;
  const hasCategories = lead.length > 0;

  type Piece = { kind: "header"; cells: Line[] } | { kind: "category"; line: Line } | { kind: "row"; row: RawRow };
  const pieces: Piece[] = [{ kind: "header", cells: header.cells }, ...lead.map((line): Piece => ({ kind: "category", line }))];
  const cap = 2 * width + 2;
  while (q < lines.length) {
    const serial = serialOf(lines[q]);
    if (serial === null) break;
    const row: RawRow = { serial: lines[q]!, cells: [] };
    let r = q + 1;
    let next = false;
    let closed = false;
    while (r < lines.length && row.cells.length <= cap) {
      const l = lines[r]!;
      const s = serialOf(l);
      if (s !== null && s > serial && s <= serial + 3 && row.cells.length > 0) {
        next = true;
        break;
      }
      if (ends(l.folded)) {
        closed = TABLE_END_RE.test(l.folded) || ATTACHMENT_HEADER_RE.test(l.folded) || ATTACHMENT_LIST_RE.test(l.folded);
        break;
      }
      if (INDEX_LINE_RE.test(l.folded) && isRepeatedHeader(lines, r, headerTexts)) {
        next = serialOf(lines[r + headerTexts.length]) !== null;
        break;
      }
      row.cells.push(l);
      r++;
    }
    let trailing: Line[] = [];
    const firstMarked = row.cells.findIndex((l, i) => i > 0 && isMarkedCategory(l.folded));
    if (!next) {
      // the last row, bounded by no later row: it ends at a marked line (the text after the table) and
      // at one line per column, a little more when a table end (合计, 附件2 …) closes it
      // (lines that continue a cell — after 、, or a soft break — do not count)
      const sofar = lines.slice(k, r);
      const flags = glueOf(sofar);
      const offset = sofar.length - row.cells.length;
      let limit = closed ? width + 2 : width;
      for (let c = 0; c < row.cells.length && c < limit; c++) if (flags[offset + c]) limit++;
      const stop = Math.min(firstMarked > 0 ? firstMarked : row.cells.length, limit);
      r -= row.cells.length - Math.min(row.cells.length, stop);
      row.cells.length = Math.min(row.cells.length, stop);
    } else if (firstMarked > 0) {
      trailing = row.cells.splice(firstMarked);
    } else if (next && hasCategories && row.cells.length >= 2 && isCategoryLike(row.cells[row.cells.length - 1]!.folded)) {
      trailing = row.cells.splice(row.cells.length - 1);
    }
    if (row.cells.length === 0) break;
    pieces.push({ kind: "row", row });
    for (const line of trailing) pieces.push({ kind: "category", line });
    q = r;
    if (!next) break;
    if (INDEX_LINE_RE.test(lines[q]!.folded)) {
      pieces.push({ kind: "header", cells: lines.slice(q, q + headerTexts.length) });
      q += headerTexts.length;
    }
  }
  const rows = pieces.filter((p) => p.kind === "row").map((p) => (p as { row: RawRow }).row);
  if (rows.length === 0) return null;

  const maxCells = rows.reduce((a, r) => Math.max(a, r.cells.length), 0);
  const profile = columnProfile(rows.map((r) => r.cells.map((c) => c.seg.text)), header.columns.kinds, width);
  const tableLines = lines.slice(k, q);
  const glueFlags = glueOf(tableLines);
  const glued = new Set(tableLines.filter((_, i) => glueFlags[i]));
  const built: Block[] = pieces.map((p) => {
    if (p.kind === "header") return rowBlock(p.cells.map((c) => [c.seg]));
    if (p.kind === "category") return { ...p.line.seg, kind: "row" as const };
    const glue = p.row.cells.map((c) => glued.has(c));
    const slots = placeCells(p.row.cells.map((c) => c.seg), profile, header.columns.kinds, width, glue);
    return rowBlock([[p.row.serial.seg], ...slots]);
  });
  return { rows: built, start: k, end: q, width, maxCells };
}

/** A line that can be a column name of a header without 序号 (asked once per line: runs of them overlap). */
function isHeaderCell(l: Line): boolean {
  let yes = headerCellMemo.get(l);
  if (yes === undefined) {
    const f = l.folded;
    yes = HEADER_CELL_RE.test(f.replace(/\([^()]{0,12}\)$/u, "")) && !CAPTION_RE.test(f) && !INDEX_LINE_RE.test(f) && serialOf(l) === null && matchMarker(f) === null && !ends(f);
    headerCellMemo.set(l, yes);
  }
  return yes;
}
const headerCellMemo = new WeakMap<Line, boolean>();

/** What a cell of a table without 序号 is, for finding where its rows start. */
type FreeKind = "category" | "item" | "right" | "long" | "short";

function freeKind(text: string): FreeKind {
  const f = fold(squash(text));
  const m = matchMarker(f);
  if (m && (m.family === "zh" || m.family === "zhParen")) return "category";
  if (m && (m.family === "num" || m.family === "numParen")) return "item";
  const t = cellType(f);
  // a clause before the date (修订办法，6月底前印发) makes a sentence, not a time cell
  if (t === "date" && /^[^,\d]{2,20},/u.test(f)) return "long";
  if (t === "units" || t === "date" || t === "num") return "right";
  return t === "long" ? "long" : "short";
}

/**
 * 表格（无序号）: a flattened table whose header has no 序号 but names a role column
 * (类别 / 项目 / 主要任务 / 牵头单位 / 配合单位). The header is the run of column names around the role
 * line, cut after its last role, time or note column. The columns before the task text column (the
 * last text column before the roles) are leading cells, merged over the rows of a category or an
 * item; the columns after it hold units, dates and notes. A row is found from its shape: its leading
 * cells are marker cells (一、… a category, 1.… an item), its text is a sentence, its right side is
 * unit and date cells. A new row starts at a marker cell, at a sentence after the row's text, or at
 * any left cell after the row's right side. Rows whose merged cells were lost leave them empty.
 *
 *   类别 / 项目 / 主要任务 / 牵头单位 / 配合单位 / 一、制度建设 / 1.建立台账 / 建立工作台账，逐项销号 / 区甲局 /
 *   区乙局 / 开展专项检查，督促整改 / 区甲局
 *   → 类别⇥项目⇥主要任务⇥牵头单位⇥配合单位 · 一、制度建设⇥1.建立台账⇥建立工作台账，逐项销号⇥区甲局⇥区乙局 ·
 *     ⇥⇥开展专项检查，督促整改⇥区甲局⇥
 */
function readFreeTable(lines: readonly Line[], k: number, from: number, tried: { until: number }): Table | null {
  let start = k;
  while (start - 1 >= from && k - start < MAX_COLUMNS && isHeaderCell(lines[start - 1]!)) start--;
  let end = k + 1;
  while (end < lines.length && end - start < MAX_COLUMNS && isHeaderCell(lines[end]!)) end++;
  tried.until = end;
  // the header ends at its last role, time or note column: text-like lines after it are data
  const kindsAll = lines.slice(start, end).map((l) => columnKind(l.seg.text).kind);
  let last = kindsAll.length - 1;
  while (last >= 0 && (kindsAll[last] === "text" || kindsAll[last] === "group")) last--;
  end = start + last + 1;
  if (end - start < 3) return null;
  const header = lines.slice(start, end);
  const columns = mapColumns(header.map((c) => c.seg.text));
  if (!columns || columns.kinds.some((c) => c.kind === "index")) return null;
  const kinds = columns.kinds;
  const firstRole = kinds.findIndex((c) => c.kind === "role");
  let task = -1;
  for (let c = 0; c < firstRole; c++) if (kinds[c]!.kind === "text") task = c;
  if (firstRole < 0 || task < 0) return null;
  const width = kinds.length;
  const lead = kinds.slice(0, task); // leading (merged) columns
  const right = kinds.slice(task + 1);
  const groupCol = lead.findIndex((c) => c.kind === "group");
  const itemCols = lead.map((c, i) => (c.kind === "text" ? i : -1)).filter((i) => i >= 0);
  const categoryCol = groupCol >= 0 ? groupCol : lead.length >= 2 ? 0 : -1;
  const itemCol = itemCols.find((i) => i !== categoryCol) ?? (lead.length === 1 && categoryCol < 0 ? 0 : -1);
  const headerTexts = header.map((c) => c.folded);

  // the body: up to a line that ends the table (an attachment header, a note, a date, 抄送) or another header
  let q = end;
  const body: Line[] = [];
  const repeats = new Set<number>(); // body positions where a repeated header stood
  while (q < lines.length) {
    const l = lines[q]!;
    if (headerTexts.every((h, i) => lines[q + i]?.folded === h)) {
      repeats.add(body.length);
      q += headerTexts.length;
      continue;
    }
    if (ends(l.folded) || INDEX_LINE_RE.test(l.folded) || (l.folded.length <= 16 && ROLE_HEADER_RAW_RE.test(l.folded))) break;
    body.push(l);
    q++;
  }
  if (body.length === 0) return null;

  // cells: a line continuing the one before it (after 、, a soft break) is part of its cell
  const glue = glueOf([...header, ...body]).slice(header.length);
  const cells: Seg[][] = [];
  body.forEach((l, i) => {
    if (glue[i] && cells.length > 0 && !repeats.has(i)) cells[cells.length - 1]!.push(l.seg);
    else cells.push([l.seg]);
  });

  type FreeRow = { lead: (Seg[] | null)[]; text: Seg[] | null; right: Seg[][] };
  const rows: FreeRow[] = [];
  const order: ({ row: FreeRow } | { category: Seg[] })[] = [];
  let row: FreeRow | null = null;
  const fresh = (): FreeRow => {
    const r: FreeRow = { lead: lead.map(() => null), text: null, right: [] };
    rows.push(r);
    order.push({ row: r });
    return r;
  };
  const filledFrom = (r: FreeRow, c: number): boolean => r.text !== null || r.right.length > 0 || r.lead.slice(c).some((x) => x !== null);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const kind = freeKind(joinSegs(cell).text);
    const leadCol = kind === "category" ? categoryCol : kind === "item" ? itemCol : -1;
    if (kind === "category" && categoryCol < 0) {
      row = null; // a category line of a table without a category column: a row of its own
      order.push({ category: cell });
      continue;
    }
    if (leadCol >= 0) {
      if (!row || filledFrom(row, leadCol)) row = fresh();
      row.lead[leadCol] = cell;
      continue;
    }
    if (kind === "right" || (kind === "short" && row?.text && row.right.length < right.length)) {
      // the right side of the row: unit, date and note cells (a short cell after the text, too);
      // far more of them than the columns can hold are no row of this table (left without text)
      if (!row || row.right.length >= 2 * right.length + 2) row = fresh();
      row.right.push(cell);
      continue;
    }
    // the row's text: a sentence (or a short text where no sentence follows)
    if (!row || row.text !== null || row.right.length > 0) row = fresh();
    const next = cells[i + 1];
    if (kind === "short" && itemCol >= 0 && row.lead[itemCol] === null && next && freeKind(joinSegs(next).text) === "long") {
      row.lead[itemCol] = cell; // an item name printed without a marker, its sentence below
      continue;
    }
    row.text = cell;
  }
  // A leading text column that no marker or name cell ever filled (任务目标 over 具体任务) holds sentences
  // merged over the rows below them: a sentence row without units over a complete row is that cell.
  const merged = lead.length - 1;
  if (merged >= 0 && lead[merged]!.kind === "text" && !rows.some((r) => r.lead[merged] !== null)) {
    for (let o = 0; o + 1 < order.length; o++) {
      const a = order[o]!;
      const b = order[o + 1]!;
      if (!("row" in a) || !("row" in b)) continue;
      const [r, next] = [a.row, b.row];
      if (r.text && r.right.length === 0 && !r.lead.some((c) => c !== null) && next.text && next.right.length > 0 && !next.lead.some((c) => c !== null)) {
        next.lead[merged] = r.text;
        rows.splice(rows.indexOf(r), 1);
        order.splice(o, 1);
      }
    }
  }

  // a table at all: some row holds a text and a unit or date cell
  const fits = (r: FreeRow): boolean => r.text !== null && r.right.some((c) => ["units", "date"].includes(cellType(joinSegs(c).text)));
  if (!rows.some(fits)) return null;

  // the right side of every row placed into the right columns by what the complete rows hold there
  const rightKinds: ColumnKind[] = [{ kind: "index" }, ...right];
  const profile = columnProfile(rows.filter((r) => r.right.length === right.length).map((r) => r.right.map((c) => joinSegs(c).text)), rightKinds, right.length);
  const built: Block[] = [rowBlock(header.map((c) => [c.seg]))];
  for (const o of order) {
    if ("category" in o) {
      built.push({ ...joinSegs(o.category), kind: "row" as const });
      continue;
    }
    const r = o.row;
    // (a row without text is no task: its cells keep their order)
    const segs = r.right.map((c) => joinSegs(c));
    const slots = r.text ? placeCells(segs, profile, rightKinds, right.length) : right.map((_, c) => (c < right.length - 1 ? segs.slice(c, c + 1) : segs.slice(c)));
    built.push(rowBlock([...r.lead.map((c) => (c ? [joinSegs(c)] : [])), r.text ? [joinSegs(r.text)] : [], ...slots]));
  }
  return { rows: built, start, end: q, width, maxCells: width };
}

function isRepeatedHeader(lines: readonly Line[], at: number, header: readonly string[]): boolean {
  return header.every((h, i) => lines[at + i]?.folded === h);
}

/** A short line without sentence punctuation that names no unit, date or number: a category row. */
function isCategoryLike(f: string): boolean {
  if (f.length > 30 || /[,;:。]/u.test(f)) return false;
  const t = cellType(f);
  return t === "short";
}

type Profile = number[][]; // [column][type] → weight

const PRIOR: Record<ColumnKind["kind"], Partial<Record<CellType, number>>> = {
  index: { num: 1 },
  role: { units: 2 },
  deadline: { date: 2 },
  text: { long: 0.5, short: 0.5 },
  group: { short: 1 },
  ignore: { short: 0.5, long: 0.5 },
};

/** What each column holds: the header's kind as a prior, plus the types of the complete rows' cells. */
function columnProfile(rows: readonly (readonly string[])[], kinds: readonly ColumnKind[], width: number): Profile {
  const profile: Profile = [];
  for (let c = 0; c < width; c++) {
    const prior = PRIOR[kinds[c + 1]?.kind ?? "text"];
    profile.push(CELL_TYPES.map((t) => (prior[t] ?? 0) + 0.1));
  }
  for (const row of rows) {
    if (row.length !== width) continue;
    row.forEach((cell, c) => {
      profile[c]![CELL_TYPES.indexOf(cellType(cell))]! += 1;
    });
  }
  const out = profile.map((w) => {
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / sum);
  });
  // every role column holds unit names: which one a lone unit cell fills is not a matter of fit, so
  // they fit alike and the tie-break (role columns fill from the left: the lead is kept) decides
  const units = CELL_TYPES.indexOf("units");
  const roleCols = out.map((_, c) => c).filter((c) => kinds[c + 1]?.kind === "role");
  const best = Math.max(...roleCols.map((c) => out[c]![units]!));
  for (const c of roleCols) out[c]![units] = best;
  return out;
}

/**
 * Place a row's cell lines into the data columns, in order: some columns stay empty (cells lost
 * to merging), a few consecutive lines may form one wrapped cell. The placement that best fits
 * the column profile wins; among equals, text columns on the left stay empty (merged group cells)
 * and role columns fill from the left.
 */
export function placeCells(cells: readonly Seg[], profile: Profile, kinds: readonly ColumnKind[], width: number, glue: readonly boolean[] = []): Seg[][] {
  const m = cells.length;
  // the type of each run of lines [i, i + r), and whether its lines are of one type: computed once
  const runType: CellType[][] = [];
  const runMixed: boolean[][] = [];
  const runJoin: number[][] = [];
  for (let i = 0; i < m; i++) {
    runType.push([]);
    runMixed.push([]);
    const own = cellType(cells[i]!.text);
    runJoin.push([]);
    let text = "";
    let mixed = false;
    let join = 0;
    for (let r = 1; r <= MAX_WRAP && i + r <= m; r++) {
      text += cells[i + r - 1]!.text;
      // a glued line continues its cell for free; any other wrap costs
      if (r > 1 && !glue[i + r - 1]) {
        join += JOIN_PENALTY;
        if (cellType(cells[i + r - 1]!.text) !== own) mixed = true;
      }
      runType[i]![r] = r === 1 ? own : cellType(text);
      runMixed[i]![r] = mixed;
      runJoin[i]![r] = join;
    }
  }
  const NEG = -Infinity;
  const dp: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(width + 1).fill(NEG));
  const from: [number, number][][] = Array.from({ length: m + 1 }, () => new Array<[number, number]>(width + 1).fill([-1, -1]));
  dp[0]![0] = 0;
  for (let j = 0; j < width; j++) {
    const role = kinds[j + 1]?.kind === "role";
    const skipBonus = role ? EPS * j : EPS * (width - j);
    for (let i = 0; i <= m; i++) {
      const here = dp[i]![j]!;
      if (here === NEG) continue;
      if (here + skipBonus > dp[i]![j + 1]!) {
        dp[i]![j + 1] = here + skipBonus;
        from[i]![j + 1] = [i, j];
      }
      if (glue[i] && i > 0) continue; // a glued line cannot start a cell
      for (let r = 1; r <= MAX_WRAP && i + r <= m; r++) {
        // a wrapped cell continues one kind of text: joining a date to unit names is no wrap
        const mixed = runMixed[i]![r] ? MIXED_JOIN_PENALTY : 0;
        const score = here + profile[j]![CELL_TYPES.indexOf(runType[i]![r]!)]! - runJoin[i]![r]! - mixed;
        if (score > dp[i + r]![j + 1]!) {
          dp[i + r]![j + 1] = score;
          from[i + r]![j + 1] = [i, j];
        }
      }
    }
  }
  if (dp[m]![width] === NEG) {
    // more lines than columns can hold even wrapped: the surplus joins the last column
    const slots = cells.slice(0, width - 1).map((c) => [c]);
    slots.push(cells.slice(width - 1));
    return slots;
  }
  const slots: Seg[][] = new Array<Seg[]>(width).fill([]);
  let i = m;
  for (let j = width; j > 0; j--) {
    const [pi] = from[i]![j]!;
    slots[j - 1] = cells.slice(pi, i);
    i = pi;
  }
  return slots;
}

/**
 * The lines of one cell as one text: a wrapped line continues the text (申通地铁 + 集团); lines
 * that each list units are separate names (区甲局 / 区乙局 → 区甲局、区乙局).
 */
function joinLines(parts: readonly Seg[]): Seg {
  if (!parts.every((p) => cellType(p.text) === "units")) return joinSegs(parts);
  const withSep: Seg[] = [];
  parts.forEach((p, i) => {
    if (i > 0 && !OPEN_END_RE.test(fold(parts[i - 1]!.text))) withSep.push({ text: "、", offsets: Int32Array.of(p.offsets[0] ?? p.end), end: p.offsets[0] ?? p.end });
    withSep.push(p);
  });
  return joinSegs(withSep);
}

/** A row block: cells (each one or more wrapped lines) joined by TAB, offsets kept. */
function rowBlock(cells: readonly (readonly Seg[])[]): Block {
  let text = "";
  const offs: number[] = [];
  let last = 0;
  let end = 0;
  cells.forEach((parts, c) => {
    if (c > 0) {
      text += "\t";
      offs.push(last);
    }
    if (parts.length === 0) return;
    const seg = parts.length === 1 ? parts[0]! : joinLines(parts);
    text += seg.text;
    for (let i = 0; i < seg.offsets.length; i++) offs.push(seg.offsets[i]!);
    last = seg.offsets[seg.offsets.length - 1] ?? last;
    end = seg.end;
  });
  return { text, offsets: Int32Array.from(offs), end, kind: "row" };
}
