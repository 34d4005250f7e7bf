/** gongkai compare — the library side: pure functions over parsed notices. */
export { compareResults, alignTasks, DEFAULT_THRESHOLD, type CompareOptions, type Alignment } from "./compare.js";
export { coverResults } from "./coverage.js";
export { loadResult } from "./load.js";
export {
  CompareResultSchema, CoverageResultSchema, COMPARE_SCHEMA_VERSION,
  type CompareResult, type CoverageResult, type Pair, type Changes, type CompareSide,
} from "./schema.js";
export { renderJson } from "./render/json.js";
export { renderCompareCsv, renderCoverageCsv } from "./render/csv.js";
export { renderCompareText, renderCoverageText } from "./render/text.js";
export { plainPainter, type Painter } from "./render/paint.js";
