/** A readable terminal summary. Colour comes from the injected Painter (chalk in the CLI, identity in tests). */
import type { Result, Task } from "../../schema.js";
import { ROLES, type CompareResult, type CompareSide, type CoverageResult, type Pair, type Role } from "../schema.js";
import { otherNames } from "./csv.js";
import { plainPainter, type Painter } from "./paint.js";

const ROLE_LABEL = { lead: "牵头", responsible: "责任", support: "配合", guide: "指导" } as const satisfies Record<Role, string>;

export interface TextOptions {
  readonly paint?: Painter;
  /** Longest title shown, in characters. */
  readonly width?: number;
}

export function renderCompareText(
  r: CompareResult,
  a: Pick<Result, "tasks">,
  b: Pick<Result, "tasks">,
  opts: TextOptions = {},
): string {
  const p = opts.paint ?? plainPainter;
  const width = opts.width ?? 36;
  const ta = byId(a.tasks);
  const tb = byId(b.tasks);
  const title = (m: Map<string, Task>, id: string): string => clip(m.get(id)?.title ?? "", width);
  const lines: string[] = [
    `${p.bold("A")}  ${sideLine(r.a)}`,
    `${p.bold("B")}  ${sideLine(r.b)}`,
    "",
    `${p.green(`${r.pairs.length} carried over`)} · ${p.red(`${r.onlyA.length} only in A`)} · ${p.cyan(`${r.onlyB.length} only in B`)}` +
      p.dim(`   (threshold ${r.threshold})`),
  ];
  if (r.pairs.length) {
    lines.push("", p.bold("Carried over (A → B)"));
    for (const pair of r.pairs) {
      lines.push(`  ${p.bold(pair.a)} → ${p.bold(pair.b)}  ${p.dim(pair.score.toFixed(2))}  ${title(ta, pair.a)}`);
      const bTitle = title(tb, pair.b);
      if (bTitle !== title(ta, pair.a)) lines.push(`  ${" ".repeat(pair.a.length + pair.b.length + 11)}${p.dim("→ " + bTitle)}`);
      if (pair.shared.length) lines.push(`      ${p.dim("shared:")} ${pair.shared.join(" · ")}`);
      for (const c of changeLines(pair, p)) lines.push(`      ${c}`);
    }
  }
  if (r.onlyA.length) {
    lines.push("", p.bold("Only in A (dropped or not taken up)"));
    for (const id of r.onlyA) lines.push(`  ${p.red(id)}  ${title(ta, id)}`);
  }
  if (r.onlyB.length) {
    lines.push("", p.bold("Only in B (new)"));
    for (const id of r.onlyB) lines.push(`  ${p.cyan(id)}  ${title(tb, id)}`);
  }
  const repeats = [...r.a.repeats.map((x) => `A ${x.id} = ${x.of}`), ...r.b.repeats.map((x) => `B ${x.id} = ${x.of}`)];
  if (repeats.length) lines.push("", p.dim(`Table rows repeating a body task (not matched on their own): ${repeats.join(", ")}`));
  return lines.join("\n") + "\n";
}

function changeLines(pair: Pair, p: Painter): string[] {
  const out: string[] = [];
  for (const role of ROLES) {
    const c = pair.changes.units[role];
    if (!c.added.length && !c.removed.length) continue;
    const parts = [...c.removed.map((n) => p.red(`−${n}`)), ...c.added.map((n) => p.green(`+${n}`))];
    out.push(`${p.yellow(ROLE_LABEL[role] + "单位")} ${parts.join(" ")}`);
  }
  const d = pair.changes.deadlines;
  if (d.added.length || d.removed.length) {
    out.push(`${p.yellow("时限")} ${[...d.removed.map((x) => p.red(`−${x}`)), ...d.added.map((x) => p.green(`+${x}`))].join(" ")}`);
  }
  return out;
}

export function renderCoverageText(r: CoverageResult, opts: TextOptions = {}): string {
  const p = opts.paint ?? plainPainter;
  const width = opts.width ?? 30;
  const names = otherNames(r);
  const lines: string[] = [`${p.bold("Base")}  ${sideLine(r.base)}`];
  names.forEach((n, k) => lines.push(`${p.bold(`[${k + 1}]`)}  ${sideLine(r.others[k]!)}`));
  const idWidth = Math.max(4, ...r.rows.map((row) => row.id.length));
  const colWidth = r.rows.reduce((w, row) => Math.max(w, ...row.cells.map((c) => c?.id.length ?? 1)), 4);
  lines.push("", `${"task".padEnd(idWidth)}  ${names.map((_, k) => `[${k + 1}]`.padEnd(colWidth)).join(" ")}  title`);
  for (const row of r.rows) {
    const cells = row.cells.map((c) => (c ? p.green(c.id.padEnd(colWidth)) : p.dim("·".padEnd(colWidth))));
    lines.push(`${p.bold(row.id.padEnd(idWidth))}  ${cells.join(" ")}  ${clip(row.title, width)}`);
  }
  const full = r.rows.filter((row) => row.covered === r.others.length).length;
  const none = r.rows.filter((row) => row.covered === 0).length;
  lines.push("", `${r.rows.length} base tasks: ${p.green(`${full} taken up by all`)} · ${p.red(`${none} by none`)}`);
  r.onlyOthers.forEach((ids, k) => {
    if (ids.length) lines.push(p.dim(`[${k + 1}] tasks matching no base task: ${ids.join(", ")}`));
  });
  return lines.join("\n") + "\n";
}

function sideLine(s: CompareSide): string {
  const name = s.title ?? "(untitled)";
  const where = s.source.path ?? "-";
  return `${name}  (${where}, ${s.tasks} tasks)`;
}

function byId(tasks: readonly Task[]): Map<string, Task> {
  return new Map(tasks.map((t) => [t.id, t]));
}

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/gu, "");
  return flat.length > n ? flat.slice(0, n - 1) + "…" : flat;
}
