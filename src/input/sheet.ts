/**
 * 电子表格 → document: what the .xlsx and .xls readers share once they have cells. Each sheet's used
 * range is a table (table-rows.ts); one-cell rows above its first row of several cells are the
 * table's title lines; a sheet whose header row maps to task-table columns (序号 / 重点任务 / 牵头单位
 * / 完成时限 …) is a task table, read by the pipeline exactly as an attachment table in a notice.
 *
 * Ids (docs/decisions.md): one task sheet is the single unnumbered 附件 → `A1.<序号>`; several task
 * sheets are 附件 1, 2, … in sheet order (or the N a sheet's name or title gives as 附件N), each
 * printed under an `附件N` line. Sheets that are not task tables are printed first, so that no
 * table's rows run on into them. Empty sheets are skipped; hidden sheets are read, with a warning.
 */
import { say } from "../messages.js";
import { ATTACHMENT_HEADER_RE } from "../extract/patterns.js";
import { mapColumns } from "../extract/table.js";
import { fold, squash } from "../text/chars.js";
import type { DecodedInput } from "../text/blocks.js";
import { type CellRange, type GridCell, gridRows, type TablePart, tableBlocks } from "./table-rows.js";

export interface SheetData {
  readonly name: string;
  /** Hidden or very hidden in the workbook. */
  readonly hidden: boolean;
  readonly cells: readonly GridCell[];
  readonly merges: readonly CellRange[];
}

/** Caps shared by both readers: what a workbook of notices needs, many times over. */
export const SHEET_MAX_CELLS = 200_000;
export const SHEET_MAX_SHEETS = 256;

/** How many of the rows after the titles are searched for the header row (a 填报单位 line may come first). */
const HEADER_SEARCH_ROWS = 5;

interface SheetTable {
  readonly name: string;
  readonly part: TablePart;
  /** A header row maps to task-table columns. */
  readonly task: boolean;
}

const filled = (row: readonly string[]): number => row.reduce((n, c) => n + (c !== "" ? 1 : 0), 0);

/** One sheet as a table: title lines, then rows (one-cell rows of a one-column sheet are text). */
function sheetTable(sheet: SheetData): SheetTable | null {
  const rows = gridRows(sheet.cells, sheet.merges);
  if (rows.length === 0) return null;
  const width = rows[0]!.length;
  if (width < 2) {
    // a column of text: paragraphs, not a table
    return { name: sheet.name, part: { lines: rows.map((r) => r[0]!), rows: [] }, task: false };
  }
  let first = 0;
  while (first < rows.length && filled(rows[first]!) <= 1) first++;
  const lines = rows.slice(0, first).map((r) => r.find((c) => c !== "") ?? "");
  // the title rows are headings (the first is the document's title when the sheet is read alone), a 附件N label is not
  const headings = new Set(lines.flatMap((l, i) => (ATTACHMENT_HEADER_RE.test(fold(squash(l))) ? [] : [i])));
  let header = -1;
  for (let i = first; i < Math.min(rows.length, first + HEADER_SEARCH_ROWS); i++) {
    if (filled(rows[i]!) >= 2 && mapColumns(rows[i]!) !== null) {
      header = i;
      break;
    }
  }
  // rows between the titles and the header row (填报单位：… 日期：…) are text lines too
  const start = header >= 0 ? header : first;
  for (let i = first; i < start; i++) lines.push(rows[i]!.filter((c) => c !== "").join(" "));
  const body = rows.slice(start);
  // outside a task table a one-cell row is a line of text, as in the HTML reader
  const textRows = header >= 0 ? undefined : new Set(body.flatMap((r, i) => (filled(r) <= 1 ? [i] : [])));
  return { name: sheet.name, part: { lines, headings, rows: body, ...(textRows?.size ? { textRows } : {}) }, task: header >= 0 };
}

/** The N of a sheet named or titled 附件N / 附表N. */
function attachmentNumber(t: SheetTable): number | null {
  for (const s of [t.name, ...t.part.lines.slice(0, 2)]) {
    const m = ATTACHMENT_HEADER_RE.exec(fold(squash(s)));
    if (m?.groups?.["n"]) return Number(m.groups["n"]);
  }
  return null;
}

/** The workbook's sheets as one decoded document. */
export function workbookInput(format: "xlsx" | "xls", sheets: readonly SheetData[], warnings: { code: string; message: string }[] = []): DecodedInput {
  const tables: SheetTable[] = [];
  for (const s of sheets) {
    const t = sheetTable(s);
    if (!t) continue;
    if (s.hidden) warnings.push({ code: "W_SHEET_HIDDEN", message: say("sheetHidden", { name: s.name }) });
    tables.push(t);
  }
  const tasks = tables.filter((t) => t.task);
  const parts: TablePart[] = tables.filter((t) => !t.task).map((t) => t.part);
  if (tasks.length === 1) parts.push(tasks[0]!.part);
  else {
    tasks.forEach((t, i) => {
      const own = t.part.lines.some((l) => ATTACHMENT_HEADER_RE.test(fold(squash(l))));
      const n = attachmentNumber(t) ?? i + 1;
      const headings = new Set([...(t.part.headings ?? [])].map((k) => k + 1));
      parts.push(own ? t.part : { ...t.part, lines: [`附件${n}`, ...t.part.lines], headings });
    });
  }
  const { source, blocks } = tableBlocks(parts);
  return { format, encoding: null, source, blocks, ...(warnings.length ? { warnings } : {}) };
}
