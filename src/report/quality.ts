/**
 * 数据质量 (data quality): what a coordinator must check by hand — how much of each notice was
 * read (解析覆盖率), tasks with no unit, tasks with no deadline, and every warning the parser
 * reported, with its line.
 */
import type { CoverageCount, Result } from "../schema.js";
import { escapeHtml } from "./escape.js";
import { warningTextZh } from "./warning-text.js";
import { warningText } from "../messages.js";
import { docLabel, type TaskRow } from "./model.js";

export interface QualitySummary {
  readonly withoutUnits: readonly TaskRow[];
  readonly withoutDeadlines: readonly TaskRow[];
  readonly warnings: number;
}

export function summariseQuality(results: readonly Result[], rows: readonly TaskRow[]): QualitySummary {
  return {
    withoutUnits: rows.filter((r) => r.unitKeys.length === 0),
    withoutDeadlines: rows.filter((r) => r.task.deadlines.length === 0),
    warnings: results.reduce((n, r) => n + r.warnings.length, 0),
  };
}

const taskItem = (row: TaskRow, results: readonly Result[], multi: boolean): string => {
  const r = results[row.doc];
  const where = multi && r ? `${escapeHtml(docLabel(r, row.doc))} · ` : "";
  return `<li><a href="#task-${row.ref}" data-goto="${row.ref}">${where}<span class="tid">${escapeHtml(row.task.id)}</span> ${escapeHtml(row.task.title)}</a> <span class="line">第 ${row.task.source.line} 行</span></li>`;
};

/** Lists longer than this start folded, so one sloppy notice does not bury the rest of the page. */
const FOLD_OVER = 8;

function taskList(id: string, heading: string, rows: readonly TaskRow[], results: readonly Result[], multi: boolean): string {
  const list = `<ul>${rows.map((r) => taskItem(r, results, multi)).join("")}</ul>`;
  const body = rows.length === 0
    ? `<p class="empty">无</p>`
    : `<details class="fold"${rows.length <= FOLD_OVER ? " open" : ""}><summary>列出 ${rows.length} 项</summary>${list}</details>`;
  return `<div class="qbox" id="${id}"><h3>${heading} <span class="badge${rows.length ? " warn" : ""}">${rows.length}</span></h3>${body}</div>`;
}

/** An input the report could not include: its path and why (an error code and message). */
export interface FailedInput {
  readonly file: string;
  readonly code: string;
  readonly message: string;
}

/** 未能读入的文件: so a page never looks complete when an input is missing from it. */
function failedList(failed: readonly FailedInput[]): string {
  if (failed.length === 0) return "";
  const rows = failed.map((f) => `<tr><td>${escapeHtml(f.file)}</td><td><code>${escapeHtml(f.code)}</code></td><td>${escapeHtml(f.message)}</td></tr>`);
  return `<div class="qbox" id="q-failed"><table class="warnings failed"><caption>未能读入的文件（${failed.length}），本报告不含其内容</caption>` +
    `<thead><tr><th scope="col">文件</th><th scope="col">代码</th><th scope="col">原因</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

/** A warning's Chinese meaning, with the parser's detail after it (in Chinese: the page is Chinese). */
const warningCell = (w: { readonly code: string; readonly message: string }): string => {
  const zh = warningTextZh(w.code);
  const detail = warningText(w, "zh");
  if (zh === null || detail === zh) return escapeHtml(detail);
  return `${escapeHtml(zh)}<br><span class="detail">${escapeHtml(detail)}</span>`;
};

/** The W_LOW_COVERAGE warning of a notice, if any. */
const lowCoverage = (r: Result): Result["warnings"][number] | undefined => r.warnings.find((w) => w.code === "W_LOW_COVERAGE");

/** `12/15（80%）`, or 未发现 when the scanner found none. */
function ratioText(c: CoverageCount): string {
  if (c.ratio === null) return "未发现";
  return `${c.read}/${c.found}（${Math.round(c.ratio * 100)}%）`;
}

const coverageCell = (c: CoverageCount, low: boolean): string =>
  `<td class="num${low && c.ratio !== null && c.ratio < 1 ? " bad" : ""}">${ratioText(c)}</td>`;

/** The two figures of one notice as a small table. */
function coverageFigures(r: Result): string {
  const low = !!lowCoverage(r);
  return (
    `<table class="qsum"><thead><tr><th scope="col"></th><th scope="col" class="num">已读入任务</th></tr></thead><tbody>` +
    `<tr><th scope="row">责任短语（牵头单位：… 等）</th>${coverageCell(r.coverage.phrases, low)}</tr>` +
    `<tr><th scope="row">编号（一、（一）1. 序号 等）</th>${coverageCell(r.coverage.markers, low)}</tr></tbody></table>`
  );
}

/**
 * 解析覆盖率: the figures (for one notice; the summary table has them for several) and the alarm in
 * words for each notice that was only partly read (W_LOW_COVERAGE).
 */
function coverageBox(results: readonly Result[], multi: boolean): string {
  const alarms = results.flatMap((r, d) => {
    const w = lowCoverage(r);
    if (!w) return [];
    const c = r.coverage;
    const where = w.line ? `，请从第 ${w.line} 行起人工核对` : "，请人工核对";
    return [
      `<p class="alarm">${multi ? `${escapeHtml(docLabel(r, d))}：` : ""}解析覆盖率偏低，只有部分内容读入了任务` +
        `（责任短语 ${c.phrases.read}/${c.phrases.found}，编号 ${c.markers.read}/${c.markers.found}）${where}。</p>`,
    ];
  });
  const figures = !multi && results[0] ? coverageFigures(results[0]) : "";
  const ok = alarms.length === 0 ? `<p class="empty">覆盖率未见异常。</p>` : "";
  const badge = `<span class="badge${alarms.length ? " warn" : ""}">${alarms.length}</span>`;
  return `<div class="qbox" id="q-coverage"><h3>解析覆盖率 ${badge}</h3>${figures}${alarms.join("")}${ok}</div>`;
}

export function renderQuality(results: readonly Result[], q: QualitySummary, failed: readonly FailedInput[] = []): string {
  const multi = results.length > 1;
  const warningRows = results.flatMap((r, d) =>
    r.warnings.map(
      (w) =>
        `<tr>${multi ? `<td>${escapeHtml(docLabel(r, d))}</td>` : ""}<td><code>${escapeHtml(w.code)}</code></td>` +
        `<td>${warningCell(w)}</td><td class="num">${w.line ?? "—"}</td></tr>`,
    ),
  );
  const warnings = warningRows.length
    ? `<table class="warnings"><caption>解析警告（${warningRows.length}）</caption><thead><tr>${multi ? `<th scope="col">文件</th>` : ""}` +
      `<th scope="col">代码</th><th scope="col">说明</th><th scope="col" class="num">行</th></tr></thead><tbody>${warningRows.join("")}</tbody></table>`
    : `<p class="empty">解析未报告警告。</p>`;
  const perDoc = results.map((r, d) => {
    const mine = (rows: readonly TaskRow[]) => rows.filter((row) => row.doc === d).length;
    const cell = (n: number) => `<td class="num${n ? " bad" : ""}">${n}</td>`;
    const low = !!lowCoverage(r);
    return (
      `<tr><th scope="row">${escapeHtml(docLabel(r, d))}</th><td class="num">${r.tasks.length}</td>` +
      `${coverageCell(r.coverage.phrases, low)}${coverageCell(r.coverage.markers, low)}` +
      `${cell(mine(q.withoutUnits))}${cell(mine(q.withoutDeadlines))}${cell(r.warnings.length)}</tr>`
    );
  });
  const summary = multi
    ? `<div class="scroll"><table class="qsum"><caption>各通知的数据完整性</caption><thead><tr><th scope="col">文件</th>` +
      `<th scope="col" class="num">任务</th><th scope="col" class="num">责任短语已读</th><th scope="col" class="num">编号已读</th><th scope="col" class="num">无单位</th><th scope="col" class="num">无期限</th>` +
      `<th scope="col" class="num">警告</th></tr></thead><tbody>${perDoc.join("")}</tbody></table></div>`
    : "";
  return (
    failedList(failed) +
    summary +
    coverageBox(results, multi) +
    `<div class="qgrid">${taskList("q-no-units", "未明确责任单位的任务", q.withoutUnits, results, multi)}` +
    `${taskList("q-no-deadlines", "未明确期限的任务", q.withoutDeadlines, results, multi)}</div>` +
    `<div class="qbox" id="q-warnings">${warnings}</div>`
  );
}
