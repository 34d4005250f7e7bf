/**
 * CSV for spreadsheets: one row per matched pair or unmatched task (compare), one row per base
 * task (coverage). Lists are joined with 、 (the separator of the notices themselves).
 */
import { stringify } from "csv-stringify/sync";
import type { Result, Task } from "../../schema.js";
import { ROLES, type CompareResult, type CoverageResult } from "../schema.js";

export const COMPARE_CSV_COLUMNS = [
  "kind", "a_id", "b_id", "score", "a_title", "b_title", "shared",
  ...ROLES.flatMap((r) => [`${r}_added`, `${r}_removed`]),
  "deadlines_added", "deadlines_removed",
] as const;

type Row = Record<(typeof COMPARE_CSV_COLUMNS)[number], string>;

const join = (xs: readonly string[]): string => xs.join("、");

/** `a` and `b` are the compared notices, for task titles. */
export function renderCompareCsv(r: CompareResult, a: Pick<Result, "tasks">, b: Pick<Result, "tasks">): string {
  const titleA = titles(a.tasks);
  const titleB = titles(b.tasks);
  const empty = Object.fromEntries(COMPARE_CSV_COLUMNS.map((c) => [c, ""])) as Row;
  const rows: Row[] = [
    ...r.pairs.map((p): Row => {
      const row: Row = {
        ...empty, kind: "pair", a_id: p.a, b_id: p.b, score: p.score.toFixed(3),
        a_title: titleA.get(p.a) ?? "", b_title: titleB.get(p.b) ?? "", shared: p.shared.join(" | "),
        deadlines_added: join(p.changes.deadlines.added), deadlines_removed: join(p.changes.deadlines.removed),
      };
      for (const role of ROLES) {
        row[`${role}_added`] = join(p.changes.units[role].added);
        row[`${role}_removed`] = join(p.changes.units[role].removed);
      }
      return row;
    }),
    ...r.onlyA.map((id): Row => ({ ...empty, kind: "onlyA", a_id: id, a_title: titleA.get(id) ?? "" })),
    ...r.onlyB.map((id): Row => ({ ...empty, kind: "onlyB", b_id: id, b_title: titleB.get(id) ?? "" })),
  ];
  return stringify(rows, { header: true, columns: [...COMPARE_CSV_COLUMNS] });
}

/** One row per base task; one column per other notice holding the matching task id (empty = not taken up). */
export function renderCoverageCsv(r: CoverageResult): string {
  const names = otherNames(r);
  const header = ["base_id", "title", ...names, "covered"];
  const rows = r.rows.map((row) => [row.id, row.title, ...row.cells.map((c) => c?.id ?? ""), String(row.covered)]);
  return stringify([header, ...rows]);
}

/** Column names for the other notices: their paths, or their titles, made unique. */
export function otherNames(r: CoverageResult): string[] {
  const seen = new Map<string, number>();
  return r.others.map((o, k) => {
    const base = o.source.path ?? o.title ?? `notice ${k + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function titles(tasks: readonly Pick<Task, "id" | "title">[]): Map<string, string> {
  return new Map(tasks.map((t) => [t.id, t.title]));
}
