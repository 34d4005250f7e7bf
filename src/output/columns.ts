/**
 * The flat task table shared by CSV, TSV and the XLSX Tasks sheet: one row per task, the
 * document columns repeated on each row, then the task columns. Pure.
 */
import type { Result, Task } from "../schema.js";

export type HeaderLanguage = "en" | "zh";

/** A cell before rendering: text, a number, an ISO date (YYYY-MM-DD) or empty. */
export type Cell = string | number | null;

export interface Column {
  readonly key: string;
  readonly en: string;
  readonly zh: string;
  /** Cells holding ISO dates become real date cells in XLSX. */
  readonly kind: "text" | "number" | "date";
  /** Width in characters for XLSX (CJK characters count double there). */
  readonly width: number;
  readonly value: (doc: Result, task: Task, file: string) => Cell;
}

/** Units are joined with the Chinese enumeration comma, as they are printed in notices. */
export const UNIT_SEPARATOR = "、";
/** Section titles on the path are joined with this. */
export const PATH_SEPARATOR = " > ";
/** Several deadline expressions of one task are joined with this. */
export const DEADLINE_SEPARATOR = "；";

const column = (key: string, en: string, zh: string, kind: Column["kind"], width: number, value: Column["value"]): Column =>
  ({ key, en, zh, kind, width, value });

export const TASK_COLUMNS: readonly Column[] = [
  column("file", "file", "文件", "text", 28, (_d, _t, file) => file),
  column("docNumber", "doc_number", "文号", "text", 22, (d) => d.document.docNumber?.raw ?? null),
  column("docTitle", "title", "标题", "text", 40, (d) => d.document.title),
  column("issuer", "issuer", "发文机关", "text", 24, (d) => d.document.issuer),
  column("issueDate", "issue_date", "成文日期", "date", 12, (d) => d.document.issueDate),
  column("year", "year", "年度", "number", 8, (d) => d.document.year),
  column("phraseCoverage", "phrase_coverage", "责任短语覆盖率", "number", 10, (d) => d.coverage.phrases.ratio),
  column("markerCoverage", "marker_coverage", "编号覆盖率", "number", 10, (d) => d.coverage.markers.ratio),
  column("taskId", "task_id", "任务编号", "text", 10, (_d, t) => t.id),
  column("sectionPath", "section_path", "所属章节", "text", 30, (_d, t) => t.path.join(PATH_SEPARATOR)),
  column("taskTitle", "task", "任务", "text", 40, (_d, t) => t.title),
  column("lead", "lead_units", "牵头单位", "text", 24, (_d, t) => t.leadUnits.join(UNIT_SEPARATOR)),
  column("responsible", "responsible_units", "责任单位", "text", 24, (_d, t) => t.responsibleUnits.join(UNIT_SEPARATOR)),
  column("support", "support_units", "配合单位", "text", 24, (_d, t) => t.supportUnits.join(UNIT_SEPARATOR)),
  column("guide", "guide_units", "指导单位", "text", 24, (_d, t) => t.guideUnits.join(UNIT_SEPARATOR)),
  column("deadlineText", "deadline_text", "完成时限", "text", 18, (_d, t) => t.deadlines.map((x) => x.raw).join(DEADLINE_SEPARATOR)),
  column("deadline", "deadline", "截止日期", "date", 12, (_d, t) => t.deadlines[0]?.date ?? null),
  column("text", "text", "任务内容", "text", 60, (_d, t) => t.text),
  column("line", "line", "行号", "number", 7, (_d, t) => t.source.line),
  column("page", "page", "页码", "number", 7, (_d, t) => t.source.page ?? null),
  // bundles: the file the task was read from (an attachment file, or the notice); line/page are of that file
  column("sourceFile", "source_file", "来源文件", "text", 28, (_d, t) => t.source.file ?? null),
];

/** Columns of the XLSX Documents sheet: one row per document. */
export interface DocColumn {
  readonly en: string;
  readonly zh: string;
  readonly kind: Column["kind"];
  readonly width: number;
  readonly value: (doc: Result, file: string) => Cell;
}

const docColumn = (en: string, zh: string, kind: Column["kind"], width: number, value: DocColumn["value"]): DocColumn =>
  ({ en, zh, kind, width, value });

export const DOCUMENT_COLUMNS: readonly DocColumn[] = [
  docColumn("file", "文件", "text", 28, (_d, file) => file),
  docColumn("doc_number", "文号", "text", 22, (d) => d.document.docNumber?.raw ?? null),
  docColumn("title", "标题", "text", 50, (d) => d.document.title),
  docColumn("issuer", "发文机关", "text", 24, (d) => d.document.issuer),
  docColumn("recipients", "主送机关", "text", 30, (d) => d.document.recipients.join("，")),
  docColumn("issue_date", "成文日期", "date", 12, (d) => d.document.issueDate),
  docColumn("print_date", "印发日期", "date", 12, (d) => d.document.printDate),
  docColumn("year", "年度", "number", 8, (d) => d.document.year),
  docColumn("tasks", "任务数", "number", 8, (d) => d.tasks.length),
  docColumn("warnings", "警告数", "number", 8, (d) => d.warnings.length),
  // how much of the notice was read (see `coverage` in the JSON): low ratios mean check it by hand
  docColumn("phrases_found", "责任短语数", "number", 8, (d) => d.coverage.phrases.found),
  docColumn("phrases_read", "已读责任短语", "number", 8, (d) => d.coverage.phrases.read),
  docColumn("phrase_coverage", "责任短语覆盖率", "number", 10, (d) => d.coverage.phrases.ratio),
  docColumn("markers_found", "编号数", "number", 8, (d) => d.coverage.markers.found),
  docColumn("markers_read", "已读编号", "number", 8, (d) => d.coverage.markers.read),
  docColumn("marker_coverage", "编号覆盖率", "number", 10, (d) => d.coverage.markers.ratio),
  docColumn("first_unread_line", "首个未读行", "number", 8, (d) => firstUnreadLine(d)),
  docColumn("format", "格式", "text", 10, (d) => d.source.format),
  docColumn("sha256", "sha256", "text", 20, (d) => d.source.sha256),
];

/** The earliest line holding a phrase or marker that was not read, or null. */
export function firstUnreadLine(doc: Result): number | null {
  const lines = [doc.coverage.phrases.firstUnreadLine, doc.coverage.markers.firstUnreadLine].filter((x): x is number => x !== null);
  return lines.length ? Math.min(...lines) : null;
}

export const headerRow = (columns: readonly { en: string; zh: string }[], lang: HeaderLanguage): string[] =>
  columns.map((c) => c[lang]);

/** The file name shown in the tables: the input path, or "-" for stdin. */
export const fileLabel = (doc: Result): string => doc.source.path ?? "-";

/** One row of cells per task. */
export function taskRows(doc: Result): Cell[][] {
  const file = fileLabel(doc);
  return doc.tasks.map((t) => TASK_COLUMNS.map((c) => c.value(doc, t, file)));
}

export function documentRow(doc: Result): Cell[] {
  const file = fileLabel(doc);
  return DOCUMENT_COLUMNS.map((c) => c.value(doc, file));
}
