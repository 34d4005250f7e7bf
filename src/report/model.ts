/**
 * The report's view model: one row per task across all notices, with what the table needs to
 * filter and sort (unit keys, deadline months, past-due flag). Pure; `today` is a parameter.
 */
import type { Result, Task } from "../schema.js";
import { taskUnitKeys } from "./units.js";

export interface TaskRow {
  /** `d<notice>t<task>`: stable, unique across notices, safe in attributes. */
  readonly ref: string;
  readonly doc: number;
  /** Position of the row in the whole report (document order). */
  readonly order: number;
  readonly task: Task;
  readonly unitKeys: readonly string[];
  /** Distinct `YYYY-MM` of the task's deadlines, ascending. */
  readonly months: readonly string[];
  /** Earliest deadline date, or null. */
  readonly earliest: string | null;
  /** At least one deadline lies before `today`. */
  readonly pastDue: boolean;
}

/** `YYYY-MM` of an ISO date. */
export const monthOf = (isoDate: string): string => isoDate.slice(0, 7);

/** A deadline is past when its date is strictly before `today` (a task due today is not late yet). */
export const isPast = (isoDate: string, today: string): boolean => isoDate < today;

export function buildRows(results: readonly Result[], today: string): TaskRow[] {
  let order = 0;
  return results.flatMap((r, doc) =>
    r.tasks.map((task, t): TaskRow => {
      const dates = task.deadlines.map((d) => d.date).sort();
      return {
        ref: `d${doc}t${t}`,
        doc,
        order: order++,
        task,
        unitKeys: taskUnitKeys(task),
        months: [...new Set(dates.map(monthOf))],
        earliest: dates[0] ?? null,
        pastDue: dates.some((d) => isPast(d, today)),
      };
    }),
  );
}

/** A short label for a notice: 文号, else title (cut to `max` characters), else file name, else its position. */
export function docLabel(r: Result, index: number, max = 24): string {
  if (r.document.docNumber) return r.document.docNumber.raw;
  if (r.document.title) return r.document.title.length > max ? `${r.document.title.slice(0, max - 1)}…` : r.document.title;
  if (r.source.path) return r.source.path.split(/[\\/]/u).pop() ?? r.source.path;
  return `通知 ${index + 1}`;
}
