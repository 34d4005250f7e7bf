/**
 * Word 97–2003 文档 (.doc, and .wps files saved in the same format): an OLE2 compound file with a
 * `WordDocument` stream. The container is opened with `cfb` (the same parser `ole.ts` sniffs with);
 * word-extractor's piece-table reader gives the main story's characters with their Word marks still
 * in them, and `wordBlocks` turns those marks into paragraphs and table rows the way the .docx/HTML
 * readers do: `source` is the text of the blocks, one line each, table rows as TAB-separated cells.
 *
 * Word's marks in the main story: \r paragraph end, \x07 cell end (and row end, which the reader
 * rewrites to \n from the paragraph's fTtp property), \x0b line break, \x0c page/section break,
 * \x13 code \x14 result \x15 a field (only the result is text), \x1f an optional (soft) hyphen,
 * \x1e a non-breaking hyphen, \x01 \x08 pictures and drawn objects, \x02 \x05 note and comment
 * anchors. Headers, footers, footnotes and comments are stories of their own, after the main one:
 * only the main story (the FIB's ccpText characters) is read.
 */
import { createRequire } from "node:module";
import CFB from "cfb";
import { GongkaiError } from "../errors.js";
import { libText, type Text } from "../messages.js";
import type { Block, DecodedInput } from "../text/blocks.js";
import { encryptedError } from "./ole.js";
import { readSandboxed } from "./sandbox.js";
import type { ReadOptions } from "./types.js";

/** Read a .doc on the reader thread (sandbox.ts): a hostile file is stopped from outside. */
export function readDoc(bytes: Uint8Array, opts: ReadOptions): Promise<DecodedInput> {
  return readSandboxed("doc", bytes, opts, () => readDocInProcess(bytes, opts));
}

const corrupt = (detail: Text | string, cause?: unknown): GongkaiError =>
  new GongkaiError("E_DOC_CORRUPT", libText("docCorrupt", { detail }), {
    hint: libText("resaveDoc"),
    ...(cause ? { cause } : {}),
  });

/** FIB flag word at 0x0A: fEncrypted (bit 8) and fWhichTblStm (bit 9, which table stream). */
const FIB_FLAGS = 0x0a;
const F_ENCRYPTED = 0x0100;
const WORD_MAGIC = 0xa5ec;
/** wIdent of Word 6.0/95 (0xA5DC) and Word 2 (0xA59B, 0xA59C) files: another FIB, other piece tables. */
const OLD_WORD_MAGIC = new Set([0xa5dc, 0xa59b, 0xa59c]);

/** The FIB's fEncrypted flag, read from a WordDocument stream. */
export function fibEncrypted(word: Uint8Array): boolean {
  return word.length >= FIB_FLAGS + 2 && ((word[FIB_FLAGS]! | (word[FIB_FLAGS + 1]! << 8)) & F_ENCRYPTED) !== 0;
}

/** The streams of the container by upper-cased name (streams at any depth: Word keeps them at the root). */
function openStreams(bytes: Uint8Array): Map<string, Buffer> {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: "buffer" });
  } catch (e) {
    throw corrupt(libText("oleContainerUnreadable", { error: e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e) }), e);
  }
  const streams = new Map<string, Buffer>();
  cfb.FileIndex.forEach((entry, i) => {
    const name = (cfb.FullPaths[i] ?? "").split("/").filter(Boolean).pop()?.toUpperCase();
    if (entry.type === 2 && name && entry.content) streams.set(name, Buffer.from(entry.content as Uint8Array));
  });
  return streams;
}

interface Piece {
  startCp: number;
  endCp: number;
  startFilePos: number;
  endFilePos: number;
  bpc: number;
  text: string;
}

/** The part of word-extractor's OLE reader this module drives (its piece table, FKP passes, FIB fields). */
interface OleExtractor {
  _pieces: Piece[];
  _boundaries: { ccpText: number };
  extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown>;
  writeParagraphProperties(buffer: Buffer, table: Buffer): void;
  writeCharacterProperties(buffer: Buffer, table: Buffer): void;
}

const require = createRequire(import.meta.url);
// word-extractor 1.0.4 (pinned): its document-level API flattens cell and row ends into the same TAB
// and lets field codes of nested fields and hidden text through, so its extractor class is reused
// below the document level and the marks are read here.
const WordOleExtractor = require("word-extractor/lib/word-ole-extractor.js") as new () => OleExtractor;

/** sprmPFInTable: the paragraph is inside a table cell. sprmCFVanish: hidden text. */
const SPRM_P_IN_TABLE = 0x2416;
const SPRM_C_VANISH = 0x083c;
/** sprmPFTtp: the row end mark. sprmTDefTable: the row's cells (TC80s); sprmTVertMerge: one cell's vertical merge. */
const SPRM_P_TTP = 0x2417;
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_T_VERT_MERGE = 0xd62b;
/** TC80.tcgrf: fVertMerge, fVertRestart. */
const TC_VERT_MERGE = 0x20;
const TC_VERT_RESTART = 0x40;
/** A paragraph end inside a table cell (a code Word does not use in the main story). */
const CELL_PARAGRAPH = "\x10";

/** Operand size of a sprm, from its spra bits (MS-DOC 2.2.5.1). */
function operandSize(grpprl: Buffer, at: number, sprm: number): number {
  // sprmTDefTable counts its operand in two bytes (the count is one more than what follows)
  if (sprm === SPRM_T_DEF_TABLE) return at + 1 < grpprl.length ? 1 + grpprl.readUInt16LE(at) : grpprl.length;
  switch ((sprm >> 13) & 7) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      return at < grpprl.length ? grpprl[at]! + 1 : grpprl.length;
  }
}

/** Each sprm of a grpprl with its operand offset; bounded by the buffer. */
function eachSprm(grpprl: Buffer, from: number, visit: (sprm: number, at: number) => void): void {
  let at = from;
  while (at + 1 < grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    visit(sprm, at);
    at += operandSize(grpprl, at, sprm);
  }
}

/**
 * The cells of a row that continue a vertical merge from the row above (true: merged into the cell above),
 * from the row end mark's table properties.
 */
function continuedCells(grpprl: Buffer, from: number): boolean[] {
  const merged: boolean[] = [];
  eachSprm(grpprl, from, (sprm, at) => {
    if (sprm === SPRM_T_DEF_TABLE && at + 3 <= grpprl.length) {
      const end = Math.min(grpprl.length, at + 1 + grpprl.readUInt16LE(at));
      const cells = grpprl[at + 2]!;
      const tcs = at + 3 + (cells + 1) * 2;
      for (let i = 0; i < cells && tcs + i * 20 + 2 <= end; i++) {
        const tcgrf = grpprl.readUInt16LE(tcs + i * 20);
        merged[i] = (tcgrf & TC_VERT_MERGE) !== 0 && (tcgrf & TC_VERT_RESTART) === 0;
      }
    } else if (sprm === SPRM_T_VERT_MERGE && at + 3 <= grpprl.length) {
      // cb (2), itc, flags: 1 = merged into the cell above, 3 = starts a merge
      merged[grpprl[at + 1]!] = grpprl[at + 2] === 1;
    }
  });
  return merged;
}

/** Overwrite the characters of the file range [fcStart, fcEnd) with `char` (one for one: lengths never change). */
function fillByFilePos(pieces: Piece[], fcStart: number, fcEnd: number, char: string, onlyLast = false): void {
  for (const p of pieces) {
    if (p.endFilePos <= fcStart || p.startFilePos >= fcEnd) continue;
    const from = Math.max(0, Math.floor((fcStart - p.startFilePos) / p.bpc));
    const to = Math.min(p.text.length, Math.ceil((fcEnd - p.startFilePos) / p.bpc));
    if (to <= from) continue;
    if (onlyLast) {
      if (p.text[to - 1] === "\r") p.text = p.text.slice(0, to - 1) + char + p.text.slice(to);
    } else p.text = p.text.slice(0, from) + char.repeat(to - from) + p.text.slice(to);
  }
}

/** The formatted runs of a bin table (PlcBteChpx / PlcBtePapx): each run's file range and its property bytes. */
function eachFkpRun(word: Buffer, table: Buffer, fcPlc: number, lcbPlc: number, paragraphs: boolean, visit: (fc: number, fcNext: number, grpprl: Buffer, from: number) => void): void {
  const count = Math.floor((lcbPlc - 4) / 8);
  if (count <= 0 || fcPlc + lcbPlc > table.length) return;
  const plc = table.subarray(fcPlc, fcPlc + lcbPlc);
  for (let i = 0; i < count; i++) {
    const pn = plc.readUInt32LE((count + 1) * 4 + i * 4);
    if ((pn + 1) * 512 > word.length) continue;
    const fkp = word.subarray(pn * 512, (pn + 1) * 512);
    const crun = fkp[511]!;
    for (let j = 0; j < crun && (j + 2) * 4 <= 511; j++) {
      const fc = fkp.readUInt32LE(j * 4);
      const fcNext = fkp.readUInt32LE((j + 1) * 4);
      if (paragraphs) {
        // PapxFkp: a BxPap (13 bytes) per run; its first byte is the word offset of a PapxInFkp
        const bx = (crun + 1) * 4 + j * 13;
        if (bx >= 511) break;
        const at = fkp[bx]! * 2;
        if (at === 0 || at >= 511) continue;
        const cb = fkp[at]!;
        const grpprl = cb !== 0 ? fkp.subarray(at + 1, at + 2 * cb) : fkp.subarray(at + 2, at + 2 + 2 * (fkp[at + 1] ?? 0));
        visit(fc, fcNext, grpprl, 2); // after the istd
      } else {
        const rgb = (crun + 1) * 4 + j;
        if (rgb >= 511) break;
        const at = fkp[rgb]! * 2;
        if (at === 0) continue;
        visit(fc, fcNext, fkp.subarray(at + 1, at + 1 + (fkp[at] ?? 0)), 0);
      }
    }
  }
}

/** The character position of a file position, through the piece table (-1 when no piece holds it). */
function cpOf(pieces: Piece[], fc: number): number {
  const p = pieces.find((q) => fc >= q.startFilePos && fc < q.endFilePos);
  return p ? p.startCp + Math.floor((fc - p.startFilePos) / p.bpc) : -1;
}

/** What the reader gives: the main story with Word's marks, and per table row (in order) its continued cells. */
export interface MainStory {
  readonly story: string;
  readonly rowMerges: readonly (readonly boolean[])[];
}

class BodyReader extends WordOleExtractor {
  private readonly rows: { cp: number; merged: boolean[] }[] = [];

  constructor(private readonly streams: Map<string, Buffer>) {
    super();
  }

  documentStream(_document: unknown, name: string): Promise<Buffer> {
    const stream = this.streams.get(name.toUpperCase());
    return stream ? Promise.resolve(stream) : Promise.reject(corrupt(libText("noStream", { name })));
  }

  streamBuffer(stream: Buffer): Promise<Buffer> {
    return Promise.resolve(stream);
  }

  /** Also marks the paragraph ends inside table cells, so that a cell's paragraphs stay in the cell. */
  override writeParagraphProperties(word: Buffer, table: Buffer): void {
    super.writeParagraphProperties(word, table);
    eachFkpRun(word, table, word.readUInt32LE(0x0102), word.readUInt32LE(0x0106), true, (fc, fcNext, grpprl, from) => {
      eachSprm(grpprl, from, (sprm, at) => {
        if (sprm === SPRM_P_IN_TABLE && grpprl[at] === 1) fillByFilePos(this._pieces, fc, fcNext, CELL_PARAGRAPH, true);
        if (sprm === SPRM_P_TTP && grpprl[at] === 1) this.rows.push({ cp: cpOf(this._pieces, fc), merged: continuedCells(grpprl, from) });
      });
    });
  }

  /** Also drops hidden text (direct formatting): it is not what a reader of the notice sees. */
  override writeCharacterProperties(word: Buffer, table: Buffer): void {
    super.writeCharacterProperties(word, table);
    eachFkpRun(word, table, word.readUInt32LE(0x00fa), word.readUInt32LE(0x00fe), false, (fc, fcNext, grpprl) => {
      eachSprm(grpprl, 0, (sprm, at) => {
        if (sprm === SPRM_C_VANISH && ((grpprl[at] ?? 0) & 1) === 1) fillByFilePos(this._pieces, fc, fcNext, "\x00");
      });
    });
  }

  /** The main story's characters, marks included. */
  buildDocument(): MainStory {
    const end = this._boundaries.ccpText;
    const held = this._pieces.reduce((n, p) => Math.max(n, p.endCp), 0);
    if (end > held) throw corrupt(libText("fibCountsMore", { n: end, held }));
    let text = "";
    for (const p of this._pieces) {
      if (p.startCp >= end) break;
      text += p.text.slice(0, Math.max(0, end - p.startCp));
    }
    const rows = this.rows.filter((r) => r.cp >= 0 && r.cp < end).sort((a, b) => a.cp - b.cp);
    return { story: text, rowMerges: rows.map((r) => r.merged) };
  }
}

/** The main story of a Word 97–2003 file, with Word's marks (see the module comment). */
export async function wordMainStory(bytes: Uint8Array): Promise<MainStory> {
  const streams = openStreams(bytes);
  const word = streams.get("WORDDOCUMENT");
  if (!word) throw corrupt(libText("noWordStream"));
  const magic = word.length >= 2 ? word.readUInt16LE(0) : 0;
  if (OLD_WORD_MAGIC.has(magic)) {
    throw new GongkaiError("E_UNSUPPORTED", libText("word95"), {
      hint: libText("saveAsDocx"),
    });
  }
  if (word.length < 0x1a6 || magic !== WORD_MAGIC) throw corrupt(libText("notWord97"));
  if (fibEncrypted(word)) throw encryptedError(libText("theWordFile"));
  try {
    return (await new BodyReader(streams).extractWordDocument(null, word)) as MainStory;
  } catch (e) {
    if (e instanceof GongkaiError) throw e;
    throw corrupt(e instanceof Error ? e.message.split("\n")[0]! : String(e), e);
  }
}

export async function readDocInProcess(bytes: Uint8Array, _opts: ReadOptions): Promise<DecodedInput> {
  const { story, rowMerges } = await wordMainStory(bytes);
  const { source, blocks } = wordBlocks(story, rowMerges);
  if (!blocks.some((b) => b.text.trim() !== "")) throw new GongkaiError("E_EMPTY", libText("wordNoText"));
  return { format: "doc", encoding: null, source, blocks };
}

/** Keep only field results: \x13 code \x14 result \x15, nested fields too; a field without a result leaves nothing. */
export function fieldResults(story: string): string {
  if (!/[\x13-\x15]/u.test(story)) return story;
  let out = "";
  // one entry per open field: true while inside its code part; `inCode` counts the true ones
  const open: boolean[] = [];
  let inCode = 0;
  for (const c of story) {
    if (c === "\x13") {
      open.push(true);
      inCode++;
    } else if (c === "\x14") {
      if (open[open.length - 1]) {
        open[open.length - 1] = false;
        inCode--;
      }
    } else if (c === "\x15") {
      if (open.pop()) inCode--;
    } else if (inCode === 0) out += c;
  }
  return out;
}

type Row = string[];

/** A table of data (several rows of several filled cells), as opposed to a layout box — as in html.ts. */
const isDataTable = (rows: Row[]): boolean => rows.filter((r) => r.filter((c) => c.trim() !== "").length >= 2).length >= 2;

/**
 * Paragraphs and table rows of a main story (marks as in the module comment) as blocks of a plain
 * `source`: one line per paragraph, one TAB-separated line per row of a data table; the paragraphs
 * of one cell are joined without a separator (a cell wraps like a line). `rowMerges[k]` marks the
 * cells of the k-th row that continue a vertical merge: they repeat the cell above (a merged 牵头单位
 * applies to each row it spans), as the .docx and HTML readers do; ignored when the counts disagree.
 */
export function wordBlocks(story: string, rowMerges: readonly (readonly boolean[])[] = []): { source: string; blocks: Block[] } {
  let source = "";
  const blocks: Block[] = [];
  const emit = (text: string, kind?: "row"): void => {
    const line = text.replace(/[\r\n]+/gu, " ");
    if (kind !== "row" && line.trim() === "") return;
    const start = source.length;
    source += `${line}\n`;
    const offsets = Int32Array.from({ length: line.length }, (_, i) => start + i);
    blocks.push({ text: line, offsets, end: start + line.length, ...(kind ? { kind } : {}) });
  };
  let rows: Row[] = [];
  let rowIndex = 0;
  let rowEnds = 0;
  for (let i = story.indexOf("\n"); i >= 0; i = story.indexOf("\n", i + 1)) rowEnds++;
  const merges = rowEnds === rowMerges.length ? rowMerges : [];
  const flushTable = (): void => {
    if (isDataTable(rows)) for (const r of rows.filter((r) => r.some((c) => c.trim() !== ""))) emit(r.join("\t"), "row");
    else for (const r of rows) for (const c of r) emit(c);
    rows = [];
  };
  let cells: Row = [];
  let text = "";
  for (const c of fieldResults(story)) {
    switch (c) {
      case "\r":
      case "\x0b":
      case "\x0c":
      case "\x0e":
        if (cells.length === 0) {
          flushTable();
          emit(text);
          text = "";
        }
        break; // a line break inside a cell: the cell's text runs on
      case CELL_PARAGRAPH:
        break;
      case "\x07":
        cells.push(text.replace(/\t/gu, " ")); // TAB is the cell separator of a row
        text = "";
        break;
      case "\n": // the row end mark
        if (text.trim() !== "") cells.push(text.replace(/\t/gu, " "));
        merges[rowIndex]?.forEach((continued, i) => {
          const above = rows[rows.length - 1]?.[i];
          if (continued && above !== undefined && cells[i]?.trim() === "") cells[i] = above;
        });
        rowIndex++;
        rows.push(cells);
        cells = [];
        text = "";
        break;
      case "\x1e":
        text += "-";
        break;
      default:
        // soft hyphens, pictures, anchors, deleted or hidden text (\x00) and other marks are not text
        if (c === "\u00ad" || (c.charCodeAt(0) < 0x20 && c !== "\t")) break;
        text += c;
    }
  }
  if (cells.length) rows.push(cells);
  flushTable();
  emit(text);
  return { source, blocks };
}
