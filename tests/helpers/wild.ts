/** The pool notices kept unchanged in fixtures/wild/, parsed as the CLI reads them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseBuffer, type Result } from "../../src/index.js";

const dir = join(import.meta.dirname, "../../fixtures/wild");

export const parseWild = (name: string): Promise<Result> => {
  const path = join(dir, name);
  return parseBuffer(readFileSync(path), { path });
};

/** The task with this id; throws when there is none, so a test names the id it missed. */
export const taskOf = (r: Result, id: string): Result["tasks"][number] => {
  const t = r.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id}`);
  return t;
};
