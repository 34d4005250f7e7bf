/** Shared helpers for the input tests: fixture paths, reading, squashed text comparison. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readInput, type ReadOptions } from "../../src/input/index.js";
import type { DecodedInput } from "../../src/text/blocks.js";

export const root = join(import.meta.dirname, "../..");
export const fixture = (rel: string): string => join(root, "fixtures", rel);
export const seed = (name: string): string => join(root, "seeds", name);

export const SEEDS = {
  "000": "000_69dd9e51073771b8.txt",
  "001": "001_e8d1d175fd1547bc.txt",
  "002": "002_988baf87858b03bd.txt",
  "003": "003_ddd698d8236a8cbd.txt",
  "004": "004_baea861421853175.txt",
} as const;

export async function read(rel: string, opts: ReadOptions = {}): Promise<DecodedInput> {
  const path = fixture(rel);
  return readInput(new Uint8Array(readFileSync(path)), { path, ...opts });
}

const squash = (s: string): string => s.replace(/\s+/gu, "");

/**
 * The seed's characters as the derived fixtures carry them: Markdown markup stripped (the
 * generator renders it), a leading "- " list marker dropped, and the table header repeated
 * mid-table kept once (the PDF/Word copies have a real repeating header row instead).
 */
export function seedChars(name: string): string {
  const seen = new Set<string>();
  const lines = readFileSync(seed(name), "utf8")
    .replace(/^\uFEFF/u, "")
    .split(/\r?\n/u)
    .map((l) => l.replace(/^#{1,6}\s+/u, "").replace(/\*\*/gu, "").replace(/^-\s+/u, ""))
    .filter((l) => !/^\s*-{3,}\s*$/u.test(l))
    .filter((l) => {
      if (!l.includes("\t") || !/序号/u.test(l)) return true;
      const k = squash(l);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  return squash(lines.join("\n"));
}

/** All block text with white space removed. */
export const blockChars = (d: DecodedInput): string => squash(d.blocks.map((b) => b.text).join(""));

/** Characters of `want` that are not found, in order, in `got` (an in-order subsequence check). */
export function missingInOrder(got: string, want: string): string {
  let j = 0;
  let missing = "";
  for (const ch of want) {
    const k = got.indexOf(ch, j);
    if (k < 0) missing += ch;
    else j = k + 1;
  }
  return missing;
}

/** Every block character is the source character at its offset (or white space standing for markup white space). */
export function offsetErrors(d: DecodedInput): string[] {
  const errors: string[] = [];
  for (const b of d.blocks) {
    for (let i = 0; i < b.text.length; i++) {
      const ch = b.text[i]!;
      const at = b.offsets[i]!;
      if (at < 0 || at > d.source.length) errors.push(`offset ${at} out of range in ${JSON.stringify(b.text.slice(0, 20))}`);
      else if (ch !== "\t" && !/\s/u.test(ch) && d.source[at] !== ch && d.source[at] !== "&") {
        errors.push(`${JSON.stringify(ch)} at ${at} is ${JSON.stringify(d.source[at])} in ${JSON.stringify(b.text.slice(0, 20))}`);
      }
      if (errors.length > 5) return errors;
    }
  }
  return errors;
}
