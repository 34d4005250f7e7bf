/**
 * 任务清单 (task table) with its filter controls. Every row is rendered here, so the table is
 * complete without script and in print; the client script only hides and reorders rows using
 * the `data-*` attributes written below.
 */
import type { Result } from "../schema.js";
import { escapeHtml } from "./escape.js";
import { docLabel, isPast, type TaskRow } from "./model.js";
import type { Timeline } from "./timeline.js";
import { unitKey, unitsOf, type Role, type UnitGroup } from "./units.js";

const NO_SORT_LAST = "\uffff"; // empty cells sort after every name

const attrJson = (v: unknown): string => escapeHtml(JSON.stringify(v));

function unitCell(row: TaskRow, role: Role): string {
  const names = unitsOf(row.task, role);
  if (names.length === 0) return `<td class="units" data-sort="${NO_SORT_LAST}"><span class="none">—</span></td>`;
  const chips = names
    .map((n) => `<button type="button" class="chip" data-unit="${escapeHtml(unitKey(n))}" title="筛选：${escapeHtml(n)}">${escapeHtml(n)}</button>`)
    .join("");
  return `<td class="units" data-sort="${escapeHtml(names[0] ?? "")}">${chips}</td>`;
}

function deadlineCell(row: TaskRow, today: string): string {
  if (row.task.deadlines.length === 0) return `<td data-sort="9999-99-99"><span class="none">—</span></td>`;
  const items = row.task.deadlines.map((d) => {
    const past = isPast(d.date, today);
    return (
      `<span class="due${past ? " past" : ""}" title="${escapeHtml(d.raw)}"><time datetime="${escapeHtml(d.date)}">${escapeHtml(d.date)}</time>` +
      `${past ? ` <small>已逾期</small>` : ""}</span>`
    );
  });
  return `<td data-sort="${row.earliest ?? ""}">${items.join("")}</td>`;
}

function taskCell(row: TaskRow): string {
  const t = row.task;
  const path = t.path.length ? `<div class="path">${t.path.map(escapeHtml).join(" › ")}</div>` : "";
  const full = t.text && t.text !== t.title ? `<details class="text"><summary>原文</summary><p>${escapeHtml(t.text)}</p></details>` : "";
  return `<td class="task" data-sort="${escapeHtml(t.title)}">${path}<div class="ttitle">${escapeHtml(t.title)}</div>${full}</td>`;
}

function rowHtml(row: TaskRow, results: readonly Result[], opts: { multi: boolean; guide: boolean; today: string }): string {
  const t = row.task;
  const r = results[row.doc];
  const cells = [
    opts.multi && r
      ? `<td data-sort="${row.doc}" class="doc" title="${escapeHtml(r.document.title ?? docLabel(r, row.doc))}">${escapeHtml(docLabel(r, row.doc, 16))}</td>`
      : "",
    `<th scope="row" data-sort="${row.order}" class="tid">${escapeHtml(t.id)}</th>`,
    taskCell(row),
    unitCell(row, "lead"),
    unitCell(row, "responsible"),
    unitCell(row, "support"),
    opts.guide ? unitCell(row, "guide") : "",
    deadlineCell(row, opts.today),
    `<td class="num" data-sort="${t.source.line}">${t.source.line}${t.source.page ? `<small> (第${t.source.page}页)</small>` : ""}</td>`,
  ];
  return (
    `<tr id="task-${row.ref}" data-ref="${row.ref}" data-doc="${row.doc}" data-units="${attrJson(row.unitKeys)}" ` +
    `data-months="${attrJson(row.months)}"${row.pastDue ? ` data-past="1" class="past-due"` : ""}>${cells.join("")}</tr>`
  );
}

const header = (label: string, key: string, type: "num" | "text", active = false): string =>
  `<th scope="col"${active ? ` aria-sort="ascending"` : ""}><button type="button" class="sort" data-col="${key}" data-type="${type}">${label}<span class="arrow" aria-hidden="true"></span></button></th>`;

export function renderTaskTable(
  results: readonly Result[],
  rows: readonly TaskRow[],
  units: readonly UnitGroup[],
  timeline: Timeline,
  today: string,
): string {
  const multi = results.length > 1;
  const guide = rows.some((r) => r.task.guideUnits.length > 0);
  const cols: [string, "num" | "text"][] = [
    ...(multi ? ([["文件", "num"]] as [string, "num" | "text"][]) : []),
    ["编号", "num"], ["任务", "text"], ["牵头单位", "text"], ["责任单位", "text"], ["配合单位", "text"],
    ...(guide ? ([["指导单位", "text"]] as [string, "num" | "text"][]) : []),
    ["期限", "text"], ["行", "num"],
  ];
  const thead = cols.map(([label, type], i) => header(label, String(i), type, label === "编号")).join("");
  const unitOptions = units
    .map((u) => `<option value="${escapeHtml(u.key)}">${escapeHtml(u.name)}（${u.total}）</option>`)
    .join("");
  const monthOptions = timeline.months
    .filter((m) => m.total > 0)
    .map((m) => `<option value="${m.month}">${m.month}（${m.total}）</option>`)
    .join("");
  const docOptions = multi
    ? `<label>文件 <select id="f-doc"><option value="">全部</option>${results
        .map((r, d) => `<option value="${d}">${escapeHtml(docLabel(r, d))}</option>`)
        .join("")}</select></label>`
    : "";
  const controls =
    `<form class="controls" role="search" aria-controls="task-table">` +
    `<label>搜索 <input type="search" id="f-search" placeholder="任务、单位、编号…" autocomplete="off"></label>` +
    `<label>单位 <select id="f-unit"><option value="">全部单位</option>${unitOptions}</select></label>` +
    `<label>月份 <select id="f-month"><option value="">全部月份</option>${monthOptions}` +
    `${timeline.undated ? `<option value="none">无期限（${timeline.undated}）</option>` : ""}</select></label>` +
    docOptions +
    `<label class="check"><input type="checkbox" id="f-past"> 仅看已逾期</label>` +
    `<button type="button" id="f-reset">清除筛选</button>` +
    `<output id="f-count" aria-live="polite">共 ${rows.length} 项任务</output>` +
    `</form>`;
  const body = rows.map((r) => rowHtml(r, results, { multi, guide, today })).join("");
  return (
    `<noscript><p class="empty">脚本未运行：表格完整显示，但不能筛选和排序。</p></noscript>` +
    controls +
    `<p class="print-only" id="f-print"></p>` +
    `<div class="scroll"><table id="task-table" class="tasks"><caption>任务清单（${rows.length} 项；点击表头排序，点击单位筛选）</caption>` +
    `<thead><tr>${thead}</tr></thead><tbody>${body}</tbody></table></div>` +
    (rows.length ? "" : `<p class="empty">未识别出任务。</p>`) +
    `<p class="empty" id="f-none" hidden>没有符合筛选条件的任务。</p>`
  );
}
