/**
 * CSV and TSV: quoting is left to csv-stringify (never by hand). Rendering is split into a header
 * and per-document row blocks so that the CLI can stream a batch without holding it in memory.
 */
import { stringify } from "csv-stringify/sync";
import type { Result } from "../schema.js";
import { type Cell, type HeaderLanguage, TASK_COLUMNS, headerRow, taskRows } from "./columns.js";

export type Delimited = "csv" | "tsv";

export interface DelimitedOptions {
  headers: HeaderLanguage;
  /** Prefix a UTF-8 byte order mark so Excel reads the Chinese text as UTF-8. */
  bom: boolean;
}

/**
 * The `--excel` dialect: a spreadsheet app opening a CSV turns text that looks like a number,
 * a date or a formula into one (task id `2.10` becomes 2.1, `1.2.3` a date). Such text cells are
 * written as the formula `="2.10"`, which Excel and LibreOffice show as the text itself. Number
 * and date columns stay plain. Plain CSV stays a faithful machine format.
 */
const NUMBER_LIKE = /^[\s\d.,:/%+-]+$|^[\s\d.,]+[eE][+-]?\d+$/u;
const FORMULA_LIKE = /^[=+\-@]/u;
/** Excel refuses string literals longer than this inside a formula. */
const FORMULA_STRING_MAX = 255;

export function excelCell(text: string): string {
  if (text === "" || !(NUMBER_LIKE.test(text) || FORMULA_LIKE.test(text))) return text;
  if (text.length > FORMULA_STRING_MAX) return ` ${text}`; // too long for a formula: a leading space keeps it text
  return `="${text.replace(/"/gu, '""')}"`;
}

export const BOM = "\uFEFF";

const dialect = (kind: Delimited) =>
  kind === "csv" ? { delimiter: ",", record_delimiter: "windows" as const } : { delimiter: "\t", record_delimiter: "unix" as const };

const cellText = (c: Cell): string => (c === null ? "" : String(c));

function stringifyRows(rows: Cell[][], kind: Delimited, excel = false): string {
  if (rows.length === 0) return "";
  const text = (c: Cell, i: number): string => (excel && typeof c === "string" && TASK_COLUMNS[i]?.kind === "text" ? excelCell(c) : cellText(c));
  return stringify(rows.map((r) => r.map(text)), { ...dialect(kind) });
}

/** The header line (with the BOM when asked). */
export function renderDelimitedHeader(kind: Delimited, opts: DelimitedOptions): string {
  return (opts.bom ? BOM : "") + stringifyRows([headerRow(TASK_COLUMNS, opts.headers)], kind);
}

/** The rows of one document (no header); empty when the document has no tasks. `excel`: see excelCell. */
export function renderDelimitedRows(doc: Result, kind: Delimited, excel = false): string {
  return stringifyRows(taskRows(doc), kind, excel);
}

/** A whole file: header then the rows of every document. */
export function renderDelimited(docs: Iterable<Result>, kind: Delimited, opts: DelimitedOptions): string {
  let out = renderDelimitedHeader(kind, opts);
  for (const d of docs) out += renderDelimitedRows(d, kind);
  return out;
}
