/**
 * 责任分工 (responsibility view): units × tasks they lead / are responsible for / support /
 * guide. Clicking a unit filters the task table (client script, via `data-unit`).
 */
import { escapeHtml } from "./escape.js";
import { ROLES, ROLE_LABELS, type UnitGroup } from "./units.js";

const BAR_W = 160;

/** A stacked bar of the role counts, scaled to the unit with most tasks. */
function bar(u: UnitGroup, max: number): string {
  let x = 0;
  const rects = ROLES.map((role) => {
    const w = (u.counts[role] / max) * BAR_W;
    const rect = w > 0 ? `<rect class="r-${role}" x="${x.toFixed(1)}" y="2" width="${w.toFixed(1)}" height="12"/>` : "";
    x += w;
    return rect;
  }).join("");
  return `<svg class="ubar" width="${BAR_W}" height="16" viewBox="0 0 ${BAR_W} 16" aria-hidden="true">${rects}</svg>`;
}

export function renderResponsibility(units: readonly UnitGroup[]): string {
  if (units.length === 0) return `<p class="empty">没有识别出任何单位。</p>`;
  // Scale bars by the stacked sum (a unit can hold several roles on one task).
  const max = Math.max(...units.map((u) => ROLES.reduce((n, r) => n + u.counts[r], 0)), 1);
  const rows = units.map((u) => {
    const variants =
      u.rawForms.length > 1
        ? `<span class="variants" title="合并的写法">写法：${u.rawForms.map((f) => `<q>${escapeHtml(f)}</q>`).join(" ")}</span>`
        : "";
    return (
      `<tr data-unit-row="${escapeHtml(u.key)}"><th scope="row"><button type="button" class="unit-link" data-unit="${escapeHtml(u.key)}" ` +
      `aria-label="在任务表中筛选：${escapeHtml(u.name)}">${escapeHtml(u.name)}</button>${variants}</th>` +
      ROLES.map((r) => `<td class="num">${u.counts[r] || ""}</td>`).join("") +
      `<td class="num total">${u.total}</td><td class="chart">${bar(u, max)}</td></tr>`
    );
  });
  const legend = ROLES.map((r) => `<span class="key"><i class="sw r-${r}"></i>${ROLE_LABELS[r]}</span>`).join("");
  return (
    `<div class="legend" aria-hidden="true">${legend}</div>` +
    `<div class="scroll tall"><table class="units"><caption>各单位承担的任务数（点击单位名称筛选任务表；名称已按全半角和空白归并）</caption>` +
    `<thead><tr><th scope="col">单位</th>${ROLES.map((r) => `<th scope="col" class="num">${ROLE_LABELS[r]}</th>`).join("")}` +
    `<th scope="col" class="num">合计</th><th scope="col"><span class="sr-only">分布</span></th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></div>`
  );
}
