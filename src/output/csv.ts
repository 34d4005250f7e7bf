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

export const BOM = "\uFEFF";

const dialect = (kind: Delimited) =>
  kind === "csv" ? { delimiter: ",", record_delimiter: "windows" as const } : { delimiter: "\t", record_delimiter: "unix" as const };

const cellText = (c: Cell): string => (c === null ? "" : String(c));

function stringifyRows(rows: Cell[][], kind: Delimited): string {
  if (rows.length === 0) return "";
  return stringify(rows.map((r) => r.map(cellText)), { ...dialect(kind) });
}

/** The header line (with the BOM when asked). */
export function renderDelimitedHeader(kind: Delimited, opts: DelimitedOptions): string {
  return (opts.bom ? BOM : "") + stringifyRows([headerRow(TASK_COLUMNS, opts.headers)], kind);
}

/** The rows of one document (no header); empty when the document has no tasks. */
export function renderDelimitedRows(doc: Result, kind: Delimited): string {
  return stringifyRows(taskRows(doc), kind);
}

/** A whole file: header then the rows of every document. */
export function renderDelimited(docs: Iterable<Result>, kind: Delimited, opts: DelimitedOptions): string {
  let out = renderDelimitedHeader(kind, opts);
  for (const d of docs) out += renderDelimitedRows(d, kind);
  return out;
}
