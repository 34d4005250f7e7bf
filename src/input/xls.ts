/**
 * Excel 97–2003 工作簿 (.xls, BIFF8; BIFF5 of Excel 95 too) reader: a small cell reader over the OLE2
 * container (`cfb`) — no third-party spreadsheet parser on the path of untrusted files (see
 * docs/decisions.md). It reads what a task table needs from the Workbook stream: the sheet list
 * (BOUNDSHEET), the shared strings (SST, continued over CONTINUE records), the cell records
 * (LABELSST, LABEL, RK, MULRK, NUMBER, FORMULA + STRING, BOOLERR), merged ranges (MERGEDCELLS), and
 * the number formats of the cells (XF → FORMAT) to show dates as dates. Everything is bounded:
 * records, shared-string characters, cells, sheets; a FILEPASS record (encryption) is E_ENCRYPTED.
 */
import CFB from "cfb";
import iconv from "iconv-lite";
import { GongkaiError } from "../errors.js";
import { libText, type Text } from "../messages.js";
import type { DecodedInput } from "../text/blocks.js";
import { readSandboxed } from "./sandbox.js";
import { SHEET_MAX_CELLS, SHEET_MAX_SHEETS, type SheetData, workbookInput } from "./sheet.js";
import { BUILTIN_FORMATS, displayNumber } from "./sheet-values.js";
import type { CellRange, GridCell } from "./table-rows.js";
import type { ReadOptions } from "./types.js";

export function readXls(bytes: Uint8Array, opts: ReadOptions): Promise<DecodedInput> {
  return readSandboxed("xls", bytes, opts, () => readXlsInProcess(bytes, opts));
}

/** Bounds of one workbook. */
export const XLS_MAX_RECORDS = 4_000_000;
export const XLS_MAX_SST_CHARS = 16 * 1024 * 1024;
const XLS_MAX_MERGES = 100_000;

const R = {
  BOF: 0x0809, EOF: 0x000a, BOUNDSHEET: 0x0085, SST: 0x00fc, CONTINUE: 0x003c, LABELSST: 0x00fd, LABEL: 0x0204,
  RSTRING: 0x00d6, RK: 0x027e, MULRK: 0x00bd, NUMBER: 0x0203, FORMULA: 0x0006, STRING: 0x0207, BOOLERR: 0x0205,
  MERGEDCELLS: 0x00e5, FORMAT: 0x041e, XF: 0x00e0, CODEPAGE: 0x0042, FILEPASS: 0x002f, DATEMODE: 0x0022,
} as const;

export const xlsCorrupt = (why: Text): GongkaiError =>
  new GongkaiError("E_XLS_CORRUPT", libText("sheetCorrupt", { why }), { hint: libText("resaveSheetXlsx") });

const tooLarge = (what: Text): GongkaiError =>
  new GongkaiError("E_XLS_CORRUPT", libText("sheetTooLarge", { what }), {
    hint: libText("sheetHangHint"),
  });

/** The Workbook (BIFF8) or Book (BIFF5) stream of the container. */
function workbookStream(bytes: Uint8Array): Uint8Array {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: "buffer" });
  } catch (e) {
    throw xlsCorrupt(libText("oleContainerUnreadable", { error: String((e as Error)?.message ?? e).split("\n")[0] ?? "" }));
  }
  const entry = cfb.FileIndex.find((f, i) => f.type === 2 && /^(?:workbook|book)$/iu.test((cfb.FullPaths[i] ?? "").split("/").filter(Boolean).pop() ?? ""));
  const content = entry?.content;
  if (!content || content.length === 0) throw xlsCorrupt(libText("noStream", { name: "Workbook" }));
  return content instanceof Uint8Array ? content : Uint8Array.from(content);
}

interface Rec {
  readonly type: number;
  /** Payload [start, end) in the stream. */
  readonly start: number;
  readonly end: number;
}

/** Read one record header at `pos`; null at the end of the stream or on a truncated record. */
function recordAt(d: Uint8Array, pos: number): Rec | null {
  if (pos + 4 > d.length) return null;
  const type = d[pos]! | (d[pos + 1]! << 8);
  const len = d[pos + 2]! | (d[pos + 3]! << 8);
  if (pos + 4 + len > d.length) return null;
  return { type, start: pos + 4, end: pos + 4 + len };
}

const u16 = (d: Uint8Array, p: number): number => (p + 2 <= d.length ? d[p]! | (d[p + 1]! << 8) : 0);
const u32 = (d: Uint8Array, p: number): number => (p + 4 <= d.length ? (d[p]! | (d[p + 1]! << 8) | (d[p + 2]! << 16)) + d[p + 3]! * 0x1000000 : 0);
const f64 = (d: Uint8Array, p: number): number => (p + 8 <= d.length ? Buffer.from(d.buffer, d.byteOffset + p, 8).readDoubleLE(0) : NaN);

/** RK: a compressed number (an integer or the high 30 bits of a double, optionally ÷100). */
function rk(v: number): number {
  const div = v & 1;
  let n: number;
  if (v & 2) n = v >> 2; // signed 30-bit integer
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE((v & 0xfffffffc) >>> 0, 4);
    n = b.readDoubleLE(0);
  }
  return div ? n / 100 : n;
}

interface Ctx {
  readonly d: Uint8Array;
  biff5: boolean;
  codepage: number;
  date1904: boolean;
  records: number;
  cells: number;
  /** XF index → number format code (undefined: General). */
  readonly xfFormat: (string | undefined)[];
  readonly formats: Map<number, string>;
  readonly sst: string[];
}

function counted(ctx: Ctx): void {
  if (++ctx.records > XLS_MAX_RECORDS) throw tooLarge(libText("moreRecords", { n: XLS_MAX_RECORDS }));
}

/** 8-bit characters: Latin-1 in a BIFF8 Unicode workbook, else the workbook's code page (936 = GBK). */
function decode8(ctx: Ctx, bytes: Uint8Array): string {
  const cp = ctx.codepage;
  if (cp === 0 || cp === 1200 || cp === 1252 || cp === 367 || cp === 0x8000 || cp === 0x8001) return Buffer.from(bytes).toString("latin1");
  const name = cp === 0x8001 ? "cp1252" : `cp${cp}`;
  return iconv.encodingExists(name) ? iconv.decode(Buffer.from(bytes), name) : Buffer.from(bytes).toString("latin1");
}

function decode16(d: Uint8Array, from: number, chars: number): string {
  let s = "";
  for (let i = 0; i < chars; i += 4096) {
    const n = Math.min(4096, chars - i);
    const codes = new Array<number>(n);
    for (let k = 0; k < n; k++) codes[k] = u16(d, from + 2 * (i + k));
    s += String.fromCharCode(...codes);
  }
  return s;
}

/** A string inside one record at `p`: BIFF8 XLUnicodeString (cch of `lenBytes`, flags, chars); BIFF5 8-bit. */
function recString(ctx: Ctx, p: number, end: number, lenBytes: 1 | 2): { text: string; next: number } {
  const { d } = ctx;
  const cch = lenBytes === 1 ? (d[p] ?? 0) : u16(d, p);
  p += lenBytes;
  if (ctx.biff5) {
    const n = Math.min(cch, end - p);
    return { text: decode8(ctx, d.subarray(p, p + n)), next: p + n };
  }
  const flags = d[p] ?? 0;
  p++;
  let skip = 0;
  if (flags & 8) {
    skip += 4 * u16(d, p);
    p += 2;
  }
  if (flags & 4) {
    skip += u32(d, p);
    p += 4;
  }
  if (flags & 1) {
    const n = Math.min(cch, Math.floor((end - p) / 2));
    return { text: decode16(d, p, n), next: p + 2 * n + skip };
  }
  const n = Math.min(cch, end - p);
  return { text: decode8(ctx, d.subarray(p, p + n)), next: p + n + skip };
}

/**
 * The shared-string table: the SST record and the CONTINUE records after it, read as one run of
 * segments. A string's characters may break at a segment end; the next segment then opens with a
 * flags byte that says again whether the characters are 8- or 16-bit.
 */
function readSst(ctx: Ctx, segs: readonly Rec[]): void {
  const { d } = ctx;
  let si = 0;
  let p = segs[0]!.start + 8;
  let chars = 0;
  const at = (): boolean => {
    while (si < segs.length && p >= segs[si]!.end) {
      si++;
      if (si < segs.length) p = segs[si]!.start;
    }
    return si < segs.length;
  };
  const byte = (): number => (at() ? d[p++]! : 0);
  const skipBytes = (n: number): void => {
    while (n > 0 && at()) {
      const k = Math.min(n, segs[si]!.end - p);
      p += k;
      n -= k;
    }
  };
  const unique = u32(d, segs[0]!.start + 4);
  for (let i = 0; i < unique && at(); i++) {
    const cch = byte() | (byte() << 8);
    const flags = byte();
    const runs = flags & 8 ? byte() | (byte() << 8) : 0;
    const ext = flags & 4 ? byte() | (byte() << 8) | (byte() << 16) | (byte() << 24) : 0;
    let high = flags & 1;
    let s = "";
    let left = cch;
    while (left > 0 && si < segs.length) {
      const seg = segs[si]!;
      if (p >= seg.end) {
        si++;
        if (si >= segs.length) break;
        p = segs[si]!.start;
        if (p < segs[si]!.end) high = d[p++]! & 1; // a CONTINUE inside the characters
        continue;
      }
      const n = Math.min(left, high ? (seg.end - p) >> 1 : seg.end - p);
      if (n === 0) {
        p = seg.end; // an odd byte where a 16-bit character does not fit
        continue;
      }
      s += high ? decode16(d, p, n) : decode8(ctx, d.subarray(p, p + n));
      p += high ? 2 * n : n;
      left -= n;
    }
    chars += cch;
    if (chars > XLS_MAX_SST_CHARS) throw tooLarge(libText("moreSstChars", { n: XLS_MAX_SST_CHARS }));
    ctx.sst.push(s);
    skipBytes(4 * runs + (ext >>> 0));
  }
}

interface Bound {
  readonly name: string;
  readonly offset: number;
  readonly hidden: boolean;
}

/** The workbook globals: sheets, strings, formats; returns the sheet list. */
function readGlobals(ctx: Ctx): Bound[] {
  const { d } = ctx;
  const bof = recordAt(d, 0);
  if (!bof || bof.type !== R.BOF) throw xlsCorrupt(libText("noBof"));
  ctx.biff5 = u16(d, bof.start) < 0x0600;
  const sheets: Bound[] = [];
  const xfIfmt: number[] = [];
  let pos = bof.end;
  for (let rec = recordAt(d, pos); rec; rec = recordAt(d, pos)) {
    counted(ctx);
    pos = rec.end;
    switch (rec.type) {
      case R.EOF:
        return finishGlobals(ctx, sheets, xfIfmt);
      case R.FILEPASS:
        throw new GongkaiError("E_ENCRYPTED", libText("sheetEncrypted"), {
          hint: libText("sheetPasswordHint"),
        });
      case R.CODEPAGE:
        ctx.codepage = u16(d, rec.start);
        break;
      case R.DATEMODE:
        ctx.date1904 = u16(d, rec.start) === 1;
        break;
      case R.FORMAT:
        ctx.formats.set(u16(d, rec.start), recString(ctx, rec.start + 2, rec.end, ctx.biff5 ? 1 : 2).text);
        break;
      case R.XF:
        if (xfIfmt.length < 65536) xfIfmt.push(u16(d, rec.start + 2));
        break;
      case R.BOUNDSHEET: {
        if (sheets.length >= SHEET_MAX_SHEETS) throw tooLarge(libText("moreSheets", { n: SHEET_MAX_SHEETS }));
        const kind = d[rec.start + 5] ?? 0;
        const name = recString(ctx, rec.start + 6, rec.end, 1).text;
        if (kind === 0) sheets.push({ name, offset: u32(d, rec.start), hidden: ((d[rec.start + 4] ?? 0) & 3) !== 0 });
        break;
      }
      case R.SST: {
        const segs: Rec[] = [rec];
        for (let next = recordAt(d, pos); next && next.type === R.CONTINUE; next = recordAt(d, pos)) {
          counted(ctx);
          segs.push(next);
          pos = next.end;
        }
        readSst(ctx, segs);
        break;
      }
    }
  }
  return finishGlobals(ctx, sheets, xfIfmt); // no EOF: read what there is
}

function finishGlobals(ctx: Ctx, sheets: Bound[], xfIfmt: readonly number[]): Bound[] {
  for (const ifmt of xfIfmt) ctx.xfFormat.push(ctx.formats.get(ifmt) ?? BUILTIN_FORMATS[ifmt]);
  return sheets;
}

/** One worksheet substream: its cells and merged ranges. */
function readSheet(ctx: Ctx, sheet: Bound): SheetData {
  const { d } = ctx;
  const cells: GridCell[] = [];
  const merges: CellRange[] = [];
  const bof = recordAt(d, sheet.offset);
  if (!bof || bof.type !== R.BOF) throw xlsCorrupt(libText("sheetNoBof", { name: sheet.name }));
  const add = (row: number, col: number, text: string): void => {
    if (!text.trim()) return;
    if (++ctx.cells > SHEET_MAX_CELLS) throw tooLarge(libText("moreCells", { n: SHEET_MAX_CELLS }));
    cells.push({ row, col, text });
  };
  const num = (p: number, n: number): string => displayNumber(n, ctx.xfFormat[u16(d, p + 4)], ctx.date1904);
  let depth = 1; // a chart inside the sheet has its own BOF … EOF
  let pendingFormula: { row: number; col: number } | null = null;
  let pos = bof.end;
  for (let rec = recordAt(d, pos); rec && depth > 0; rec = recordAt(d, pos)) {
    counted(ctx);
    pos = rec.end;
    const p = rec.start;
    if (rec.type === R.BOF) depth++;
    else if (rec.type === R.EOF) depth--;
    if (depth !== 1) continue;
    const row = u16(d, p);
    const col = u16(d, p + 2);
    switch (rec.type) {
      case R.LABELSST:
        add(row, col, ctx.sst[u32(d, p + 6)] ?? "");
        break;
      case R.LABEL:
      case R.RSTRING:
        add(row, col, recString(ctx, p + 6, rec.end, 2).text);
        break;
      case R.NUMBER:
        add(row, col, num(p, f64(d, p + 6)));
        break;
      case R.RK:
        add(row, col, num(p, rk(u32(d, p + 6))));
        break;
      case R.MULRK: {
        const last = u16(d, rec.end - 2);
        for (let c = col, q = p + 4; c <= last && q + 6 <= rec.end - 2; c++, q += 6) {
          add(row, c, displayNumber(rk(u32(d, q + 2)), ctx.xfFormat[u16(d, q)], ctx.date1904));
        }
        break;
      }
      case R.FORMULA: {
        pendingFormula = null;
        if (u16(d, p + 12) === 0xffff) {
          const kind = d[p + 6];
          if (kind === 0) pendingFormula = { row, col }; // the text comes in the STRING record next
          else if (kind === 1) add(row, col, d[p + 8] ? "TRUE" : "FALSE");
        } else add(row, col, num(p, f64(d, p + 6)));
        break;
      }
      case R.STRING:
        if (pendingFormula) add(pendingFormula.row, pendingFormula.col, recString(ctx, p, rec.end, 2).text);
        pendingFormula = null;
        break;
      case R.BOOLERR:
        if (d[p + 7] === 0) add(row, col, d[p + 6] ? "TRUE" : "FALSE");
        break;
      case R.MERGEDCELLS: {
        const n = u16(d, p);
        for (let k = 0, q = p + 2; k < n && q + 8 <= rec.end; k++, q += 8) {
          if (merges.length >= XLS_MAX_MERGES) break;
          merges.push({ top: u16(d, q), bottom: u16(d, q + 2), left: u16(d, q + 4), right: u16(d, q + 6) });
        }
        break;
      }
    }
  }
  return { name: sheet.name, hidden: sheet.hidden, cells, merges };
}

/** Cells and merges of every worksheet of a BIFF workbook stream. */
export function readBiff(stream: Uint8Array): SheetData[] {
  const ctx: Ctx = { d: stream, biff5: false, codepage: 0, date1904: false, records: 0, cells: 0, xfFormat: [], formats: new Map(), sst: [] };
  const bound = readGlobals(ctx);
  const seen = new Set<number>();
  const sheets: SheetData[] = [];
  for (const b of bound) {
    if (seen.has(b.offset)) continue; // two entries pointing at one sheet: read it once
    seen.add(b.offset);
    sheets.push(readSheet(ctx, b));
  }
  return sheets;
}

export async function readXlsInProcess(bytes: Uint8Array, _opts: ReadOptions): Promise<DecodedInput> {
  const input = workbookInput("xls", readBiff(workbookStream(bytes)));
  if (input.blocks.length === 0) throw new GongkaiError("E_EMPTY", libText("workbookNoText"));
  return input;
}
