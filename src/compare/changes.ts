/** What changed between two matched tasks: units per role, deadline dates. */
import type { Task } from "../schema.js";
import { ROLES, type Changes, type Role, type UnitChange } from "./schema.js";
import { normalizeName } from "./text.js";

const ROLE_FIELD = {
  lead: "leadUnits",
  responsible: "responsibleUnits",
  support: "supportUnits",
  guide: "guideUnits",
} as const satisfies Record<Role, keyof Task>;

type ChangeInput = Pick<Task, "leadUnits" | "responsibleUnits" | "supportUnits" | "guideUnits" | "deadlines">;

export function taskChanges(a: ChangeInput, b: ChangeInput): Changes {
  const units = Object.fromEntries(ROLES.map((r) => [r, diffNames(a[ROLE_FIELD[r]], b[ROLE_FIELD[r]])])) as Record<Role, UnitChange>;
  const deadlines = diffNames(
    a.deadlines.map((d) => d.date),
    b.deadlines.map((d) => d.date),
  );
  const changed = deadlines.added.length + deadlines.removed.length > 0 ||
    ROLES.some((r) => units[r].added.length + units[r].removed.length > 0);
  return { units, deadlines, changed };
}

/** Names in B not in A (as printed in B) and in A not in B (as printed in A), each once, in order. */
export function diffNames(a: readonly string[], b: readonly string[]): UnitChange {
  const keysA = new Set(a.map(normalizeName));
  const keysB = new Set(b.map(normalizeName));
  return { added: uniqueBy(b.filter((n) => !keysA.has(normalizeName(n)))), removed: uniqueBy(a.filter((n) => !keysB.has(normalizeName(n)))) };
}

function uniqueBy(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = normalizeName(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
