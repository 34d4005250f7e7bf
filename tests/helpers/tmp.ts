/** Temp folders for CLI tests, removed after each test file. */
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = "gongkai-test-"): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(d);
  return d;
}

export const SEEDS = path.resolve("seeds");
export const seedFiles = (): string[] => readdirSync(SEEDS).filter((f) => !f.startsWith(".")).sort();
export const FIXTURES = path.resolve("fixtures");

/** Copy fixture files or folders into `dir` under the given names. */
export function copyInto(dir: string, files: Record<string, string>): void {
  for (const [to, from] of Object.entries(files)) cpSync(from, path.join(dir, to), { recursive: true });
}

/** All files under a folder (relative, forward slashes, sorted), hidden ones included. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else out.push(r);
    }
  };
  walk(dir, "");
  return out.sort();
}
