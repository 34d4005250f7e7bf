/**
 * Property-based tests (fast-check): arbitrary strings and random mutations of the seeds never
 * throw, always give a schema-valid document, and every task span lies inside the input.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNotice, ResultSchema, SCHEMA_VERSION, type Result } from "../../src/index.js";

const SEEDS = join(import.meta.dirname, "../../seeds");
const seeds = readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), "utf8"));

function check(text: string): Result {
  const r = parseNotice(text);
  const v = ResultSchema.safeParse(r);
  if (!v.success) throw new Error(v.error.message);
  for (const t of r.tasks) {
    if (t.source.start < 0 || t.source.end > text.length || t.source.start > t.source.end) throw new Error(`span ${t.id} out of range`);
    if (t.source.line < 1) throw new Error(`line ${t.id}`);
  }
  return r;
}

/** Characters a notice is made of, so that random strings hit the interesting paths. */
const noticeChar = fc.constantFrom(
  ..."一二三四五六七八九十、。，；：（）()〔〕[]【】《》“”——\n\n\t 0123456789年月日底前内牵头单位责任配合指导部门局委办市区县各关于通知附件抄送印发号号".split(""),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant("brackets" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("pageBreak" as const), at: fc.nat(), page: fc.integer({ min: 1, max: 99 }) }),
  fc.record({ kind: fc.constant("width" as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

const SWAPS: [string, string][] = [["（", "("], ["）", ")"], ["〔", "["], ["〕", "]"], ["：", ":"], ["，", ","], ["；", ";"], ["【", "〔"], ["】", "〕"]];

function mutate(text: string, ms: Mutation[]): string {
  const lines = text.split("\n");
  for (const m of ms) {
    const i = m.at % Math.max(1, lines.length);
    switch (m.kind) {
      case "delete":
        lines.splice(i, 1);
        break;
      case "duplicate":
        lines.splice(i, 0, lines[i] ?? "");
        break;
      case "swap": {
        const j = m.with % Math.max(1, lines.length);
        [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
        break;
      }
      case "brackets":
        lines[i] = (lines[i] ?? "").replace(/[（）〔〕【】]/gu, (c) => ({ "（": "〔", "）": "]", "〔": "(", "〕": "）", "【": "[", "】": ")" })[c] ?? c);
        break;
      case "pageBreak": {
        const line = lines[i] ?? "";
        const cut = Math.floor(line.length / 2);
        lines.splice(i, 1, line.slice(0, cut), "", `— ${m.page} —`, "", line.slice(cut));
        break;
      }
      case "width":
        lines[i] = SWAPS.reduce((s, [a, b]) => (m.at % 2 ? s.replaceAll(a, b) : s.replaceAll(b, a)), lines[i] ?? "");
        break;
    }
  }
  return lines.join("\n");
}

describe("property: never throws, always schema-valid, spans inside the input", () => {
  it("arbitrary Unicode strings", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (s) => void check(s)), { numRuns: 300 });
  });
  it("strings made of notice characters", () => {
    fc.assert(fc.property(fc.array(noticeChar, { maxLength: 600 }).map((a) => a.join("")), (s) => void check(s)), { numRuns: 300 });
  });
  it("random mutations of the seeds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 }), (k, ms) => {
        const r = check(mutate(seeds[k]!, ms));
        expect(r.schemaVersion).toBe(SCHEMA_VERSION);
      }),
      { numRuns: 150 },
    );
  });
  it("the unmutated seeds keep their tasks under width swaps (same ids)", () => {
    for (const s of seeds) {
      const swapped = SWAPS.reduce((t, [a, b]) => t.replaceAll(a, b), s);
      expect(check(swapped).tasks.map((t) => t.id)).toEqual(check(s).tasks.map((t) => t.id));
    }
  });
});
