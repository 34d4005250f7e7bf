/**
 * 期限时间轴 (deadline timeline): tasks per month across all notices, split into past-due and
 * upcoming relative to `today`, drawn as an inline SVG bar chart.
 */
import { escapeHtml } from "./escape.js";
import { isPast, monthOf, type TaskRow } from "./model.js";

export interface MonthBucket {
  /** `YYYY-MM` */
  readonly month: string;
  /** Tasks with a deadline in this month (a task counts once per month). */
  readonly total: number;
  /** Of those, tasks whose latest deadline in this month is before today. */
  readonly past: number;
}

export interface Timeline {
  readonly months: readonly MonthBucket[];
  /** Tasks without any deadline. */
  readonly undated: number;
}

/** Longest span (in months) drawn with empty months filled in; beyond it only months with tasks are drawn. */
const MAX_CONTINUOUS = 36;

const addMonth = (m: string): string => {
  const [y = 0, mo = 1] = m.split("-").map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
};

const monthsBetween = (a: string, b: string): number => {
  const [ya = 0, ma = 0] = a.split("-").map(Number);
  const [yb = 0, mb = 0] = b.split("-").map(Number);
  return (yb - ya) * 12 + (mb - ma);
};

export function buildTimeline(rows: readonly TaskRow[], today: string): Timeline {
  const latestIn = new Map<string, Map<string, string>>(); // month → row ref → latest date in that month
  let undated = 0;
  for (const row of rows) {
    if (row.task.deadlines.length === 0) undated++;
    for (const { date } of row.task.deadlines) {
      const m = monthOf(date);
      const perRow = latestIn.get(m) ?? new Map<string, string>();
      const prev = perRow.get(row.ref);
      if (prev === undefined || date > prev) perRow.set(row.ref, date);
      latestIn.set(m, perRow);
    }
  }
  const present = [...latestIn.keys()].sort();
  const first = present[0];
  const last = present[present.length - 1];
  let months = present;
  if (first !== undefined && last !== undefined && monthsBetween(first, last) < MAX_CONTINUOUS) {
    months = [];
    for (let m = first; m <= last; m = addMonth(m)) months.push(m);
  }
  return {
    months: months.map((month) => {
      const dates = [...(latestIn.get(month)?.values() ?? [])];
      return { month, total: dates.length, past: dates.filter((d) => isPast(d, today)).length };
    }),
    undated,
  };
}

const PLOT_H = 150;
const TOP = 34;
const LEFT = 8;
const LABEL_H = 36;

/** The timeline as an inline SVG; each bar is a focusable button that filters the table by month. */
export function renderTimelineSvg(tl: Timeline, today: string): string {
  if (tl.months.length === 0) return `<p class="empty">没有可绘制的期限。</p>`;
  const max = Math.max(...tl.months.map((b) => b.total), 1);
  // Wide slots when there are few months, so a short notice does not get a postage-stamp chart.
  const SLOT = Math.round(Math.max(46, Math.min(90, 960 / tl.months.length)));
  const width = LEFT * 2 + SLOT * tl.months.length;
  const height = TOP + PLOT_H + LABEL_H;
  const scale = (n: number) => (n / max) * PLOT_H;
  const parts: string[] = [];
  parts.push(`<line class="axis" x1="${LEFT}" y1="${TOP + PLOT_H}" x2="${width - LEFT}" y2="${TOP + PLOT_H}"/>`);
  tl.months.forEach((b, i) => {
    const w = Math.min(SLOT - 16, 40);
    const x = LEFT + i * SLOT + (SLOT - w) / 2;
    const hPast = scale(b.past);
    const hAll = scale(b.total);
    const [y, mo] = b.month.split("-");
    const label = `${y}年${Number(mo)}月：${b.total} 项任务${b.past ? `，其中 ${b.past} 项已逾期` : ""}`;
    // Every bar whose year differs from the bar before it is labelled, so gaps across years never read as one year.
    const showYear = i === 0 || tl.months[i - 1]!.month.slice(0, 4) !== y;
    parts.push(
      `<g class="bar" data-month="${b.month}" tabindex="0" role="button" aria-label="${escapeHtml(label)}">` +
        `<title>${escapeHtml(label)}</title>` +
        `<rect class="hit" x="${x - 6}" y="${TOP}" width="${w + 12}" height="${PLOT_H + LABEL_H}"/>` +
        (b.total > b.past ? `<rect class="upcoming" x="${x}" y="${TOP + PLOT_H - hAll}" width="${w}" height="${hAll - hPast}"/>` : "") +
        (b.past ? `<rect class="past" x="${x}" y="${TOP + PLOT_H - hPast}" width="${w}" height="${hPast}"/>` : "") +
        (b.total ? `<text class="count" x="${x + w / 2}" y="${TOP + PLOT_H - hAll - 5}">${b.total}</text>` : "") +
        `<text class="month" x="${x + w / 2}" y="${TOP + PLOT_H + 15}">${Number(mo)}月</text>` +
        (showYear ? `<text class="year" x="${x + w / 2}" y="${TOP + PLOT_H + 30}">${y}</text>` : "") +
        `</g>`,
    );
  });
  const todayMonth = monthOf(today);
  const ti = tl.months.findIndex((b) => b.month === todayMonth);
  if (ti >= 0) {
    const day = Number(today.slice(8, 10));
    const x = Math.round(LEFT + ti * SLOT + (SLOT * Math.min(day, 30)) / 31);
    // Label on the side with more room, so it is not clipped at either edge.
    const anchor = ti < tl.months.length / 2 ? "start" : "end";
    parts.push(
      `<line class="today" x1="${x}" y1="${TOP - 24}" x2="${x}" y2="${TOP + PLOT_H}"/>` +
        `<text class="today-label" x="${anchor === "start" ? x + 4 : x - 4}" y="${TOP - 16}" style="text-anchor:${anchor}">今天 ${today}</text>`,
    );
  }
  const desc = `按月份统计的任务期限，共 ${tl.months.length} 个月；红色为 ${today} 前已到期的任务。`;
  return `<svg class="timeline" role="group" aria-label="${escapeHtml(desc)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}
