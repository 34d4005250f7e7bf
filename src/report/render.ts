/**
 * `renderReport(results, { today })` → one self-contained HTML page: inline CSS and script, no
 * external resources, the validated documents embedded as JSON. Pure: the caller supplies
 * `today` (the CLI computes it), so the same input always renders the same bytes.
 */
import { createHash } from "node:crypto";
import type { Result } from "../schema.js";
import { VERSION } from "../version.js";
import { CLIENT_SCRIPT } from "./client.js";
import { embedJson, escapeHtml } from "./escape.js";
import { buildRows, docLabel } from "./model.js";
import { renderNoticeCard } from "./notice-card.js";
import { type FailedInput, renderQuality, summariseQuality } from "./quality.js";
import { renderResponsibility } from "./responsibility.js";
import { STYLES } from "./styles.js";
import { renderTaskTable } from "./task-table.js";
import { buildTimeline, renderTimelineSvg } from "./timeline.js";
import { groupUnits } from "./units.js";

/**
 * An extra section supplied by another feature (e.g. a side-by-side comparison of two notices).
 * `html` is inserted as is: the caller escapes what it puts there. Static markup only: the
 * page's Content-Security-Policy runs no script but the report's own (inline styles are fine).
 */
export interface ReportSection {
  /** Fragment id, used for the table of contents link. */
  readonly id: string;
  readonly title: string;
  readonly html: string;
}

export interface ReportOptions {
  /** YYYY-MM-DD; deadlines strictly before it are marked as past due. */
  readonly today: string;
  /** Page title; defaults to the notice title (one notice) or a count (several). */
  readonly title?: string;
  /** Sections appended after the data-quality panel. */
  readonly comparisons?: readonly ReportSection[];
  /** Inputs that could not be included (listed in the data-quality panel). */
  readonly failed?: readonly FailedInput[];
}

const SCRIPT_HASH = `sha256-${createHash("sha256").update(CLIENT_SCRIPT, "utf8").digest("base64")}`;

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u;

/** True for a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function defaultTitle(results: readonly Result[]): string {
  const only = results.length === 1 ? results[0] : undefined;
  if (only) return only.document.title ?? docLabel(only, 0);
  return `任务分工报告（${results.length} 份通知）`;
}

const section = (id: string, title: string, body: string, intro = ""): string =>
  `<section class="block" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-h"><h2 id="${escapeHtml(id)}-h">${escapeHtml(title)}</h2>${intro}${body}</section>`;

export function renderReport(results: readonly Result[], opts: ReportOptions): string {
  if (!isIsoDate(opts.today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${JSON.stringify(opts.today)}`);
  const { today } = opts;
  const title = opts.title ?? defaultTitle(results);
  const rows = buildRows(results, today);
  const units = groupUnits(results);
  const timeline = buildTimeline(rows, today);
  const quality = summariseQuality(results, rows);
  const pastDue = rows.filter((r) => r.pastDue).length;
  const extra = opts.comparisons ?? [];

  const tiles = [
    ["通知", results.length, false],
    ["任务", rows.length, false],
    ["涉及单位", units.length, false],
    ["已逾期任务", pastDue, pastDue > 0],
    ["无单位任务", quality.withoutUnits.length, quality.withoutUnits.length > 0],
    ["无期限任务", quality.withoutDeadlines.length, quality.withoutDeadlines.length > 0],
    ["警告", quality.warnings, quality.warnings > 0],
    ...(opts.failed?.length ? [["未能读入的文件", opts.failed.length, true] as const] : []),
  ] as const;
  const toc: [string, string][] = [
    ["timeline", "期限时间轴"], ["responsibility", "责任分工"], ["tasks", "任务清单"], ["quality", "数据质量"], ["notices", "通知概要"],
    ...extra.map((s): [string, string] => [s.id, s.title]),
  ];

  const timelineIntro =
    `<p class="tl-legend"><span class="sw upcoming"></span>未到期　<span class="sw past"></span>${escapeHtml(today)} 前已到期` +
    `${timeline.undated ? `　·　另有 ${timeline.undated} 项任务没有期限` : ""}　·　点击柱形按月筛选任务表</p>`;

  const body = [
    `<header class="page"><div class="toolbar"><button type="button" id="dl-json">下载 JSON</button> <button type="button" id="print">打印</button></div>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="sub">基准日期 <time datetime="${escapeHtml(today)}">${escapeHtml(today)}</time>（早于此日期的期限标为已逾期）· 由 gongkai ${escapeHtml(VERSION)} 生成</p>`,
    `<ul class="tiles">${tiles.map(([k, v, warn]) => `<li${warn ? ` class="warn"` : ""}><b>${v}</b>${k}</li>`).join("")}</ul></header>`,
    `<nav class="toc" aria-label="目录"><ul>${toc.map(([id, t]) => `<li><a href="#${escapeHtml(id)}">${escapeHtml(t)}</a></li>`).join("")}</ul></nav>`,
    `<main>`,
    // Who does what by when comes first; the notice cards are reference material.
    section("timeline", "期限时间轴", `<div class="scroll">${renderTimelineSvg(timeline, today)}</div>`, timelineIntro),
    section("responsibility", "责任分工", renderResponsibility(units)),
    section("tasks", "任务清单", renderTaskTable(results, rows, units, timeline, today)),
    section("quality", "数据质量", renderQuality(results, quality, opts.failed ?? [])),
    section("notices", "通知概要", `<div class="cards${results.length === 1 ? " single" : ""}">${results.map((r, i) => renderNoticeCard(r, i, results.length === 1)).join("")}</div>`),
    ...extra.map((s) => section(s.id, s.title, s.html)),
    `</main>`,
    `<footer class="page">本页为离线单文件报告，不访问网络。内嵌数据为 gongkai parse 输出的 JSON（schemaVersion ${results[0]?.schemaVersion ?? "—"}）。</footer>`,
  ].join("\n");

  return [
    `<!DOCTYPE html>`,
    `<html lang="zh-CN">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    // No network, even by accident, and only our own script may run: it is allowed by its hash,
    // so markup that slipped past escaping still could not execute.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '${SCRIPT_HASH}'">`,
    `<meta name="generator" content="gongkai ${escapeHtml(VERSION)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLES}</style>`,
    `</head>`,
    `<body>`,
    body,
    `<script type="application/json" id="gongkai-data">${embedJson(results)}</script>`,
    `<script>${CLIENT_SCRIPT}</script>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
