/**
 * Findings → tasks. Every leaf item is a task; an item with several responsibility clauses is split
 * into -1, -2 … (the text up to and including each clause; text after the last clause joins the
 * last task). Table rows become tasks A<n>.<序号>. Pure.
 */
import { say } from "../messages.js";
import type { AttachmentFinding, TableRowFinding } from "../extract/attachments.js";
import { type DeadlineMatch, findDeadlines } from "../extract/deadline.js";
import { type Clause, emptyUnits, findClauses, parseLabelled, parseVerbClause, type Units } from "../extract/responsibility.js";
import type { ColumnKind } from "../extract/table.js";
import type { ItemFinding } from "../extract/sections.js";
import { spanOf } from "../extract/span.js";
import type { Seg } from "../text/blocks.js";
import { squash } from "../text/chars.js";
import type { SourceText } from "../text/source-text.js";
import type { Deadline, Section, Task } from "../schema.js";
import { splitNames } from "./units.js";

export interface TaskContext {
  readonly text: SourceText;
  readonly planYear: number | null;
  warn(code: string, message: string, offset: number | null): void;
}

/** Title: the heading up to its first 。 (or the stand-alone heading line). */
export function titleOf(text: string, heading: string | null): string {
  if (heading) return squash(heading).replace(/[。；;：:，,]$/u, "");
  const stop = text.search(/[。！？]/u);
  const t = stop >= 0 ? text.slice(0, stop) : text;
  return squash(t.length > 120 ? t.slice(0, 120) : t);
}

function dedupeDeadlines(ms: readonly DeadlineMatch[]): Deadline[] {
  const seen = new Set<string>();
  const out: Deadline[] = [];
  for (const m of ms) {
    if (seen.has(m.date)) continue;
    seen.add(m.date);
    out.push({ raw: squash(m.raw), date: m.date });
  }
  return out;
}

/** A task's provenance: [begin, end) in the source, with its line and page. */
function sourceSpan(ctx: TaskContext, begin: number, end: number): Task["source"] {
  const page = ctx.text.pageOf(begin);
  return { line: ctx.text.lineOf(begin), start: begin, end: Math.max(end, begin), ...(page ? { page } : {}) };
}

function sourceOf(ctx: TaskContext, seg: Seg, from: number, to: number, start?: number): Task["source"] {
  const [s, e] = spanOf(seg, from, to);
  return sourceSpan(ctx, start ?? s, e);
}

const cleanText = (s: string): string => s.replace(/\t/gu, " ").replace(/^[。；;，,、\s]+/u, "").trim();

/** Tasks from the numbered tree. */
export function itemTasks(items: readonly ItemFinding[], ctx: TaskContext): Task[] {
  const tasks: Task[] = [];
  const titles = items.map((it) => titleOf(it.content.text, it.heading));
  const pathOf = (it: ItemFinding): string[] => {
    const path: string[] = [];
    for (let p = it.parent; p >= 0; p = items[p]!.parent) path.unshift(titles[p]!);
    return path;
  };
  for (const it of items) {
    if (it.children.length > 0) continue;
    const path = pathOf(it);
    if (it.cells && it.columns) {
      tasks.push(rowTask(it.id, it.marker, path, it.cells, it.columns.kinds.map((k) => k), it.columns.title, ctx, "body", it.span[0]));
      continue;
    }
    const content = it.content;
    const clauses = findClauses({ text: content.text, paragraphStarts: it.paragraphStarts, labelLines: it.labelLines }, ctx.planYear, (code, message, at) =>
      ctx.warn(code, say("inTask", { id: it.id, detail: message }), spanOf(content, at, at + 1)[0]),
    );
    const cuts: [number, number, Clause | null][] = [];
    if (clauses.length <= 1) cuts.push([0, content.text.length, clauses[0] ?? null]);
    else {
      let from = 0;
      clauses.forEach((c, k) => {
        const to = k === clauses.length - 1 ? content.text.length : c.end;
        cuts.push([from, to, c]);
        from = to;
      });
    }
    cuts.forEach(([from, to, clause], k) => {
      const raw = content.text.slice(from, to);
      const lead = raw.length - raw.replace(/^[。；;，,、\s]+/u, "").length;
      const text = cleanText(raw);
      const units = clause?.units ?? emptyUnits();
      const deadlines = dedupeDeadlines([
        ...findDeadlines(text, ctx.planYear, "text"),
        ...(clause?.deadlines ?? []),
      ]);
      tasks.push({
        id: cuts.length > 1 ? `${it.id}-${k + 1}` : it.id,
        path,
        marker: it.marker,
        title: k === 0 ? titleOf(text, it.heading) : titleOf(text, null),
        text,
        ...unitFields(units),
        deadlines,
        origin: "body",
        source: sourceOf(ctx, content, from + lead, to, k === 0 ? it.span[0] : undefined),
      });
    });
  }
  return tasks;
}

function unitFields(u: Units): Pick<Task, "leadUnits" | "responsibleUnits" | "supportUnits" | "guideUnits"> {
  return { leadUnits: u.lead, responsibleUnits: u.responsible, supportUnits: u.support, guideUnits: u.guide };
}

type Kinds = readonly ColumnKind[];

function rowTask(id: string, marker: string, path: string[], cells: readonly Seg[], kinds: Kinds, titleCol: number, ctx: TaskContext, origin: Task["origin"], start?: number): Task {
  const units = emptyUnits();
  const deadlines: DeadlineMatch[] = [];
  const texts: string[] = [];
  let title = "";
  const add = (role: keyof Units, names: readonly string[]): void => {
    for (const n of names) if (!units[role].includes(n)) units[role].push(n);
  };
  cells.forEach((cell, c) => {
    const k = kinds[c] ?? { kind: "text" as const };
    const value = cell.text.trim();
    if (!value) return;
    if (k.kind === "role") {
      // a cell may be a clause of its own: labels (牵头单位：…) or verbs (办公室牵头，各科室配合) decide the roles
      const labelled = parseLabelled(value, ctx.planYear);
      // names after the last verb keep the column's role (责任单位 `A牵头，B、C` → B, C responsible)
      const verb = labelled ? null : parseVerbClause(value, k.role);
      const read = labelled?.units ?? verb;
      if (read) for (const role of Object.keys(read) as (keyof Units)[]) add(role, read[role]);
      else add(k.role, splitNames(value));
      if (labelled) deadlines.push(...labelled.deadlines);
      if (k.place) texts.push(value);
    } else if (k.kind === "deadline") {
      deadlines.push(...findDeadlines(value, ctx.planYear, "field"));
    } else if (k.kind === "text" || k.kind === "group") {
      if (c === titleCol) title = value;
      texts.push(value);
      deadlines.push(...findDeadlines(value, ctx.planYear, "text"));
    }
  });
  // a quantity is no title (0.3-0.4): the row's first text names it better
  if (!title || /^[-+~～—/.,%()\d\s]{1,16}$/u.test(title)) title = texts[0] ?? title;
  // the cells of a row read as one line, in column order
  const text = texts.join(" ");
  const first = cells[0]!;
  const last = cells[cells.length - 1]!;
  const source = sourceSpan(ctx, start ?? first.offsets[0] ?? first.end, last.end);
  return {
    id, path, marker, title: squash(titleOf(title, null)), text: cleanText(text), ...unitFields(units),
    deadlines: dedupeDeadlines(deadlines), origin, source,
  };
}

/** Tasks from attachment tables. */
export function tableTasks(rows: readonly TableRowFinding[], attachments: readonly AttachmentFinding[], ctx: TaskContext): Task[] {
  const seen = new Set<string>();
  return rows.flatMap((r) => {
    let id = `A${r.attachment}.${r.serial}`;
    if (seen.has(id)) id = `${id}~2`;
    seen.add(id);
    const caption = attachments.find((a) => a.number === r.attachment)?.title ?? r.caption;
    return [rowTask(id, r.serial, [`附件${r.attachment}`, ...(caption ? [caption] : [])], r.cells, r.columns.kinds, r.columns.title, ctx, "table")];
  });
}

/** The section tree for output. */
export function sectionTree(items: readonly ItemFinding[]): Section[] {
  const nodes: Section[] = items.map((it) => ({ id: it.id, marker: it.marker, title: titleOf(it.content.text, it.heading), children: [] }));
  const roots: Section[] = [];
  items.forEach((it, i) => (it.parent >= 0 ? nodes[it.parent]!.children.push(nodes[i]!) : roots.push(nodes[i]!)));
  return roots;
}
