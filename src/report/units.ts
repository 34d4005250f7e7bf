/**
 * 单位归并 (grouping unit names). The same office is printed as `市司法局`, `市 司法局` or with
 * full-width brackets `各市(县)`; we group by a key (NFKC + no white space) and keep every raw
 * form so the reader can see what was merged.
 */
import type { Result, Task } from "../schema.js";

/** The unit roles a task names, in the order the report shows them. */
export const ROLES = ["lead", "responsible", "support", "guide"] as const;
export type Role = (typeof ROLES)[number];

/** Chinese column labels: 牵头 / 责任 / 配合 / 指导. */
export const ROLE_LABELS = { lead: "牵头", responsible: "责任", support: "配合", guide: "指导" } as const satisfies Record<Role, string>;

const ROLE_FIELDS = {
  lead: "leadUnits", responsible: "responsibleUnits", support: "supportUnits", guide: "guideUnits",
} as const satisfies Record<Role, keyof Task>;

export const unitsOf = (task: Task, role: Role): readonly string[] => task[ROLE_FIELDS[role]];

/** The grouping key of a unit name: NFKC (full → half width) with all white space removed. */
export const unitKey = (name: string): string => name.normalize("NFKC").replace(/\s+/gu, "");

/** A task's position in the report: notice index and task index. */
export interface TaskRef { readonly doc: number; readonly task: number }

export interface UnitGroup {
  readonly key: string;
  /** The most frequent raw form (ties: the first seen). */
  readonly name: string;
  /** Every raw form, in order of first appearance. */
  readonly rawForms: readonly string[];
  /** Distinct tasks per role. */
  readonly counts: Readonly<Record<Role, number>>;
  /** Distinct tasks naming the unit in any role. */
  readonly total: number;
}

/** Distinct unit keys named by a task, in any role. */
export function taskUnitKeys(task: Task): string[] {
  return [...new Set(ROLES.flatMap((r) => unitsOf(task, r).map(unitKey)))].filter((k) => k !== "");
}

/** Group every unit named across the results; sorted by lead + responsible count, then total, then key. */
export function groupUnits(results: readonly Result[]): UnitGroup[] {
  interface Acc { key: string; forms: Map<string, number>; roles: Record<Role, Set<string>>; all: Set<string> }
  const groups = new Map<string, Acc>();
  results.forEach((r, d) =>
    r.tasks.forEach((task, t) => {
      const ref = `${d}:${t}`;
      for (const role of ROLES) {
        for (const raw of unitsOf(task, role)) {
          const key = unitKey(raw);
          if (key === "") continue;
          let g = groups.get(key);
          if (!g) {
            g = { key, forms: new Map(), roles: { lead: new Set(), responsible: new Set(), support: new Set(), guide: new Set() }, all: new Set() };
            groups.set(key, g);
          }
          g.forms.set(raw, (g.forms.get(raw) ?? 0) + 1);
          g.roles[role].add(ref);
          g.all.add(ref);
        }
      }
    }),
  );
  const out = [...groups.values()].map((g): UnitGroup => {
    let name = g.key;
    let best = 0;
    for (const [form, n] of g.forms) if (n > best) [name, best] = [form, n];
    const counts = { lead: g.roles.lead.size, responsible: g.roles.responsible.size, support: g.roles.support.size, guide: g.roles.guide.size };
    return { key: g.key, name, rawForms: [...g.forms.keys()], counts, total: g.all.size };
  });
  const weight = (u: UnitGroup) => u.counts.lead + u.counts.responsible;
  return out.sort((a, b) => weight(b) - weight(a) || b.total - a.total || a.key.localeCompare(b.key, "zh-CN"));
}
