/**
 * The XLSX workbook: a Tasks sheet (the same columns as CSV) and a Documents sheet, each with a
 * frozen, bold header row, an autofilter and fixed column widths; ISO dates become real date
 * cells. No I/O: `toBuffer` returns the bytes and the CLI writes them.
 */
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
  ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** Accumulates documents into a workbook; rows only (not whole documents) are kept. */
export class XlsxBuilder {
  private readonly workbook = new ExcelJS.Workbook();
  private readonly tasks: ExcelJS.Worksheet;
  private readonly documents: ExcelJS.Worksheet;

  constructor(headers: HeaderLanguage) {
    this.workbook.creator = "gongkai";
    this.tasks = this.workbook.addWorksheet(SHEET_TASKS);
    this.documents = this.workbook.addWorksheet(SHEET_DOCUMENTS);
    setUpSheet(this.tasks, TASK_COLUMNS, headers);
    setUpSheet(this.documents, DOCUMENT_COLUMNS, headers);
  }

  add(doc: Result): void {
    for (const row of taskRows(doc)) this.tasks.addRow(row.map((c, i) => toCellValue(c, TASK_COLUMNS[i]!.kind)));
    this.documents.addRow(documentRow(doc).map((c, i) => toCellValue(c, DOCUMENT_COLUMNS[i]!.kind)));
  }

  async toBuffer(): Promise<Buffer> {
    const data = await this.workbook.xlsx.writeBuffer();
    return Buffer.from(data as ArrayBuffer);
  }
}

/** A workbook of the given documents. */
export async function buildXlsx(docs: Iterable<Result>, headers: HeaderLanguage): Promise<Buffer> {
  const b = new XlsxBuilder(headers);
  for (const d of docs) b.add(d);
  return b.toBuffer();
}
