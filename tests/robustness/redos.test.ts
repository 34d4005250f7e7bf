/**
 * Every regular expression in src/ is checked for catastrophic backtracking with recheck: the
 * literals found by the TypeScript parser, and the patterns built with `new RegExp` that modules
 * export.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { checkSync } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as deadline from "../../src/extract/deadline.js";
import * as layout from "../../src/extract/layout.js";
import * as patterns from "../../src/extract/patterns.js";

const SRC = join(import.meta.dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function literals(): { where: string; source: string; flags: string }[] {
  const out: { where: string; source: string; flags: string }[] = [];
  for (const file of files(SRC)) {
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const slash = text.lastIndexOf("/");
        const { line } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
        out.push({ where: `${file.slice(SRC.length + 1)}:${line + 1}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

const built = Object.entries({ ...patterns, ...layout, ...deadline })
  .filter(([, v]) => v instanceof RegExp)
  .map(([name, v]) => ({ where: name, source: (v as RegExp).source, flags: (v as RegExp).flags }));

const all = [...literals(), ...built];

describe("regular expressions are safe from catastrophic backtracking", () => {
  it("finds the patterns", () => expect(all.length).toBeGreaterThan(40));
  it.each(all)("$where /$source/", ({ source, flags }) => {
    const r = checkSync(source, flags.replace(/[gy]/gu, ""), { timeout: 20_000 });
    expect(r.status, `${r.status}${r.status === "vulnerable" ? `: attack ${JSON.stringify(r.attack?.pattern)}` : ""}`).toBe("safe");
  });
});
