/**
 * 对比 (side-by-side comparison) sections of the report: for two notices, the matched task pairs
 * side by side with their score, shared phrases and what changed, then the tasks found only in one
 * of them. Static markup (the page's CSP runs no other script); every notice string is escaped.
 */
import type { CompareResult } from "../compare/schema.js";
import type { Result, Task } from "../schema.js";
import { escapeHtml as e } from "./escape.js";
import type { ReportSection } from "./render.js";

const ROLE_NAMES = { lead: "牵头", responsible: "责任", support: "配合", guide: "指导" } as const;

const label = (r: Result): string => r.document.title ?? r.source.path ?? "notice";

function taskCell(t: Task | undefined, id: string): string {
  if (!t) return `<td><code>${e(id)}</code></td>`;
  return `<td><code>${e(t.id)}</code> ${e(t.title)}</td>`;
}

function changesCell(p: CompareResult["pairs"][number]): string {
  const parts: string[] = [];
  for (const role of Object.keys(ROLE_NAMES) as (keyof typeof ROLE_NAMES)[]) {
    const u = p.changes.units[role];
    for (const n of u.added) parts.push(`<ins>+${ROLE_NAMES[role]} ${e(n)}</ins>`);
    for (const n of u.removed) parts.push(`<del>−${ROLE_NAMES[role]} ${e(n)}</del>`);
  }
  for (const d of p.changes.deadlines.added) parts.push(`<ins>+期限 ${e(d)}</ins>`);
  for (const d of p.changes.deadlines.removed) parts.push(`<del>−期限 ${e(d)}</del>`);
  return `<td>${parts.join("<br>") || "—"}</td>`;
}

/** One report section comparing notice `a` with notice `b`. */
export function comparisonSection(a: Result, b: Result, cmp: CompareResult, index: number): ReportSection {
  const ta = new Map(a.tasks.map((t) => [t.id, t]));
  const tb = new Map(b.tasks.map((t) => [t.id, t]));
  const rows = cmp.pairs
    .map(
      (p) =>
        `<tr>${taskCell(ta.get(p.a), p.a)}${taskCell(tb.get(p.b), p.b)}<td class="num">${p.score.toFixed(2)}</td>` +
        `<td>${p.shared.slice(0, 4).map((s) => `「${e(s)}」`).join(" ")}</td>${changesCell(p)}</tr>`,
    )
    .join("\n");
  const only = (ids: readonly string[], m: Map<string, Task>): string =>
    ids.length ? `<ul>${ids.map((id) => `<li><code>${e(id)}</code> ${e(m.get(id)?.title ?? "")}</li>`).join("")}</ul>` : "<p>—</p>";
  const html = `
<p>${e(label(a))} → ${e(label(b))}：${cmp.pairs.length} 对任务对应，${cmp.onlyA.length} 项仅见于前者，${cmp.onlyB.length} 项为新增。</p>
<div class="scroll"><table class="compare">
<caption>任务对应（相似度、共有关键词、变化）</caption>
<colgroup><col class="task"><col class="task"><col class="score"><col class="shared"><col class="changes"></colgroup>
<thead><tr><th scope="col">${e(label(a))}</th><th scope="col">${e(label(b))}</th><th scope="col">相似度</th><th scope="col">共有关键词</th><th scope="col">变化</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
<h3>仅见于 ${e(label(a))}（未延续）</h3>
${only(cmp.onlyA, ta)}
<h3>仅见于 ${e(label(b))}（新增）</h3>
${only(cmp.onlyB, tb)}`;
  return { id: `compare-${index + 1}`, title: `对比：${label(a)} → ${label(b)}`, html };
}
