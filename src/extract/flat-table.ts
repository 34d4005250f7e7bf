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
const NOT_UNIT_RE = /[要应将需把使对为是了的。:]|加强|做好|完善|建立|开展|推动|提升|召开/u;
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
  // most inputs have no 序号 line of its own: one cheap test per block, nothing else
  if (!blocks.some((b) => b.text.length <= 24 && INDEX_RAW_RE.test(b.text) && b.kind !== "row")) return blocks as Block[];
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
  for (let k = 0; k < lines.length; k++) {
    if (!INDEX_LINE_RE.test(lines[k]!.folded)) continue;
    const table = readTable(lines, k);
    if (!table) continue;
    for (let b = nextBlock; b < lines[k]!.block; b++) out.push(blocks[b]!);
    out.push(...table.rows);
    nextBlock = lines[table.end - 1]!.block + 1;
    k = table.end - 1;
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
  const profile = columnProfile(rows, header.columns.kinds, width);
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
  return { rows: built, end: q, width, maxCells };
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
function columnProfile(rows: readonly RawRow[], kinds: readonly ColumnKind[], width: number): Profile {
  const profile: Profile = [];
  for (let c = 0; c < width; c++) {
    const prior = PRIOR[kinds[c + 1]?.kind ?? "text"];
    profile.push(CELL_TYPES.map((t) => (prior[t] ?? 0) + 0.1));
  }
  for (const row of rows) {
    if (row.cells.length !== width) continue;
    row.cells.forEach((cell, c) => {
      profile[c]![CELL_TYPES.indexOf(cellType(cell.seg.text))]! += 1;
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
