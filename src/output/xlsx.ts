/**
 * The XLSX workbook: a Tasks sheet (the same columns as CSV) and a Documents sheet, each with a
 * frozen, bold header row, an autofilter and fixed column widths; ISO dates become real date
 * cells. No I/O: `toBuffer` returns the bytes and the CLI writes them.
 */
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { Result } from "../schema.js";
import { type Cell, DOCUMENT_COLUMNS, type HeaderLanguage, TASK_COLUMNS, documentRow, taskRows } from "./columns.js";

export const SHEET_TASKS = "Tasks";
export const SHEET_DOCUMENTS = "Documents";
const DATE_FORMAT = "yyyy-mm-dd";

/** A date cell at UTC midnight, so the serial number does not depend on the time zone. */
export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const toCellValue = (c: Cell, kind: "text" | "number" | "date"): ExcelJS.CellValue => {
  if (c === null || c === "") return null;
  if (kind === "date" && typeof c === "string") return isoToDate(c);
  // XML turns CR LF into LF anyway; doing it here keeps what we write equal to what is read back.
  return typeof c === "string" ? c.replace(/\r\n?/gu, "\n") : c;
};

function setUpSheet(ws: ExcelJS.Worksheet, columns: readonly { en: string; zh: string; width: number; kind: string }[], lang: HeaderLanguage): void {
  ws.columns = columns.map((c) => ({
    header: c[lang],
    width: c.width,
    ...(c.kind === "date" ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/**
 * Accumulates documents into a workbook. exceljs's streaming writer serialises each row as it is
 * added, so memory holds the compressed bytes, not an object model of every cell (1000 notices:
 * ~1.5 MB instead of ~600 MB). The bytes go to an in-memory sink: no I/O here.
 */
export class XlsxBuilder {
  private readonly chunks: Buffer[] = [];
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly tasks: ExcelJS.Worksheet;
  private readonly documents: ExcelJS.Worksheet;

  constructor(headers: HeaderLanguage) {
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        this.chunks.push(chunk);
        done();
      },
    });
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
    this.workbook.creator = "gongkai";
    const frozen: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] };
    this.tasks = this.workbook.addWorksheet(SHEET_TASKS, frozen);
    this.documents = this.workbook.addWorksheet(SHEET_DOCUMENTS, frozen);
    setUpSheet(this.tasks, TASK_COLUMNS, headers);
    setUpSheet(this.documents, DOCUMENT_COLUMNS, headers);
  }

  add(doc: Result): void {
    for (const row of taskRows(doc)) this.tasks.addRow(row.map((c, i) => toCellValue(c, TASK_COLUMNS[i]!.kind))).commit();
    this.documents.addRow(documentRow(doc).map((c, i) => toCellValue(c, DOCUMENT_COLUMNS[i]!.kind))).commit();
  }

  async toBuffer(): Promise<Buffer> {
    await this.workbook.commit();
    return Buffer.concat(this.chunks);
  }
}

/** A workbook of the given documents. */
export async function buildXlsx(docs: Iterable<Result>, headers: HeaderLanguage): Promise<Buffer> {
  const b = new XlsxBuilder(headers);
  for (const d of docs) b.add(d);
  return b.toBuffer();
}
