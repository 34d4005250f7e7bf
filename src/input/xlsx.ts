/**
 * Excel 工作簿 (.xlsx, Office Open XML) reader. exceljs reads the cells; before it runs, the zip is
 * checked from outside: the number of parts and sheets, the XML each part really unpacks to
 * (inflated with a running count, not trusted from the zip directory) and the number of cells, so a
 * zip bomb or a million-cell sheet is refused in seconds with E_XLS_CORRUPT. Runs on the reader
 * thread (sandbox.ts).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { GongkaiError } from "../errors.js";
import { isText, libText, type Text } from "../messages.js";
import type { DecodedInput } from "../text/blocks.js";
import { readSandboxed } from "./sandbox.js";
import { SHEET_MAX_CELLS, SHEET_MAX_SHEETS, type SheetData, workbookInput } from "./sheet.js";
import { displayNumber, formatDate } from "./sheet-values.js";
import type { CellRange, GridCell } from "./table-rows.js";
import type { ReadOptions } from "./types.js";

/** At most this much XML is unpacked: a notice's workbook is well under a megabyte. */
export const XLSX_MAX_EXPANDED = 40 * 1024 * 1024;
const XLSX_MAX_PARTS = 10_000;

export function readXlsx(bytes: Uint8Array, opts: ReadOptions): Promise<DecodedInput> {
  return readSandboxed("xlsx", bytes, opts, () => readXlsxInProcess(bytes, opts));
}

export const tooLarge = (what: Text): GongkaiError =>
  new GongkaiError("E_XLS_CORRUPT", libText("sheetTooLarge", { what }), {
    hint: libText("sheetBombHint"),
  });

const corrupt = (e: unknown): GongkaiError => {
  const error = isText(e) ? e : e instanceof Error ? e.message.split("\n")[0] ?? "" : null;
  const detail = error === null ? libText("xlsxCorrupt") : libText("xlsxCorruptDetail", { error });
  return new GongkaiError("E_XLS_CORRUPT", detail, {
    hint: libText("resaveSheet"),
    cause: e,
  });
};

/** JSZip's internal stream helper (not in its typings): chunks of the inflated part. */
interface ZipStream {
  on(event: "data", cb: (chunk: Uint8Array) => void): ZipStream;
  on(event: "error", cb: (e: Error) => void): ZipStream;
  on(event: "end", cb: () => void): ZipStream;
  pause(): ZipStream;
  resume(): ZipStream;
}

/** Inflate one part with a running byte count; count `<c ` cell tags on the way (a tag may span chunks). */
function inflateCounted(file: JSZip.JSZipObject, budget: { bytes: number; cells: number }, countCells: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let tail = "";
    const stream = (file as unknown as { internalStream(type: "uint8array"): ZipStream }).internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        budget.bytes -= chunk.length;
        if (budget.bytes < 0) {
          stream.pause();
          reject(tooLarge(libText("xmlUnpacksPast", { mb: XLSX_MAX_EXPANDED / 1024 ** 2 })));
          return;
        }
        if (!countCells) return;
        const text = tail + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1");
        for (let i = text.indexOf("<c "); i >= 0; i = text.indexOf("<c ", i + 3)) budget.cells++;
        tail = text.slice(-2);
        if (budget.cells > SHEET_MAX_CELLS) {
          stream.pause();
          reject(tooLarge(libText("moreCells", { n: SHEET_MAX_CELLS })));
        }
      })
      .on("error", (e: Error) => reject(corrupt(e)))
      .on("end", () => resolve())
      .resume();
  });
}

/** The zip checked before exceljs sees it. */
async function checkZip(buffer: Buffer): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (e) {
    throw corrupt(e);
  }
  const names = Object.keys(zip.files);
  if (names.length > XLSX_MAX_PARTS) throw tooLarge(libText("nZipParts", { n: names.length }));
  if (!zip.file("xl/workbook.xml")) throw corrupt(libText("noWorkbookXml"));
  const sheets = names.filter((n) => /^xl\/worksheets\/[^/]{1,200}\.xml$/iu.test(n));
  if (sheets.length > SHEET_MAX_SHEETS) throw tooLarge(libText("nSheets", { n: sheets.length }));
  const budget = { bytes: XLSX_MAX_EXPANDED, cells: 0 };
  for (const n of names) {
    const f = zip.file(n);
    if (!f || !/\.(?:xml|rels)$/iu.test(n)) continue;
    await inflateCounted(f, budget, sheets.includes(n));
  }
}

type Value = ExcelJS.CellValue;

/** The text a cell shows. */
export function cellText(value: Value, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return displayNumber(value, numFmt);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : formatDate(value, numFmt);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? "").join("");
    if ("formula" in value || "sharedFormula" in value) return "result" in value ? cellText((value as { result?: Value }).result ?? null, numFmt) : "";
    if ("text" in value) return cellText((value as { text: Value }).text, numFmt);
    if ("error" in value) return "";
  }
  return "";
}

export async function readXlsxInProcess(bytes: Uint8Array, _opts: ReadOptions): Promise<DecodedInput> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await checkZip(buffer);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw corrupt(e);
  }
  const sheets: SheetData[] = wb.worksheets.map((ws) => {
    const cells: GridCell[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return; // the merge's own cell holds its value
        const text = cellText(cell.value, cell.numFmt);
        if (text.trim()) cells.push({ row: r - 1, col: c - 1, text });
      });
    });
    const merges: CellRange[] = Object.values((ws as unknown as { _merges?: Record<string, { model: CellRange }> })._merges ?? {}).map(({ model: m }) => ({
      top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1,
    }));
    return { name: ws.name, hidden: ws.state === "hidden" || ws.state === "veryHidden", cells, merges };
  });
  const input = workbookInput("xlsx", sheets);
  if (input.blocks.length === 0) throw new GongkaiError("E_EMPTY", libText("workbookNoText"));
  return input;
}
