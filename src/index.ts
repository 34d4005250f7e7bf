/**
 * gongkai — the library. Pure: no process, file system or colour here (the CLI does that).
 *
 *   import { parseNotice } from "gongkai";
 *   const result = parseNotice(text, { path: "notice.txt" });
 */
export { parseNotice, parseBuffer, parseDecoded, type ParseOptions } from "./pipeline.js";
export { readInput, sniffFormat, type ReadOptions } from "./input/index.js";
export { parseBundle, parseBundleBuffers, isNotice, noticeScore, type BundleAttachment, type BundleFile, type BundleFailure } from "./bundle/index.js";
export {
  ResultSchema, TaskSchema, DocumentInfoSchema, SectionSchema, WarningSchema, ErrorRecordSchema, CoverageSchema, SCHEMA_VERSION,
  type Result, type Task, type DocumentInfo, type Section, type Warning, type Deadline, type SourceInfo, type ErrorRecord,
  type Coverage, type CoverageCount,
} from "./schema.js";
export { GongkaiError, ERROR_CODES, type ErrorCode } from "./errors.js";
export { render as renderMessage, warningText, type Lang, type Text as MessageText } from "./messages.js";
export { findDeadlines } from "./extract/deadline.js";
export { splitNames } from "./normalize/units.js";
export {
  compareResults, coverResults, loadResult, alignTasks, DEFAULT_THRESHOLD, CompareResultSchema, CoverageResultSchema,
  renderCompareCsv, renderCoverageCsv, renderCompareText, renderCoverageText, plainPainter,
  type CompareResult, type CoverageResult, type CompareOptions, type Painter,
} from "./compare/index.js";
export { renderReport, type ReportOptions, type ReportSection } from "./report/index.js";
