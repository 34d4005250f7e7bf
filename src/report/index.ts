/** The HTML report: pure rendering of validated Results (no file system, no clock). */
export { renderReport, isIsoDate, type ReportOptions, type ReportSection } from "./render.js";
export { embedJson, escapeHtml } from "./escape.js";
export { groupUnits, unitKey, ROLES, ROLE_LABELS, type Role, type UnitGroup } from "./units.js";
export { buildRows, monthOf, isPast, docLabel, type TaskRow } from "./model.js";
export { buildTimeline, renderTimelineSvg, type MonthBucket, type Timeline } from "./timeline.js";
export { comparisonSection } from "./comparison.js";
