/**
 * Hostile inputs finish in linear time and return a valid document (or a clean error). The bound is
 * generous (5 s plus 1 s per MB of UTF-8 input, well inside the documented 10 s/MB) so it only fails on
 * super-linear behaviour, not on a busy machine: a quadratic pass over these sizes takes minutes.
 */
import { describe, expect, it } from "vitest";
import { parseNotice, ResultSchema } from "../../src/index.js";

const boundMs = (text: string): number => 5_000 + (Buffer.byteLength(text, "utf8") / 1_048_576) * 1_000;

const cases: [string, () => string][] = [
  ["200,000 （", () => "（".repeat(200_000)],
  ["牵头单位： repeated 50,000 times", () => "牵头单位：".repeat(50_000)],
  ["1 MB without a line break", () => "一、做好工作。（牵头单位：市司法局；责任单位：各区人民政府）2022年底前完成。".repeat(30_000).slice(0, 1_000_000)],
  ["10,000 nested brackets", () => "一、甲" + "（".repeat(10_000) + "牵头单位：A" + "）".repeat(10_000)],
  ["110,000 一、 lines (the line cap is 120,000)", () => "一、\n".repeat(110_000)],
  ["30,000 numbered lines with content", () => "一、做好工作\n".repeat(30_000)],
  ["50,000 label lines", () => "一、任务\n" + "牵头单位：A局\n".repeat(50_000)],
  ["20,000 clause brackets in one item", () => "一、任务" + "（牵头单位：A）".repeat(20_000)],
  ["a deep, wide tree", () => Array.from({ length: 50_000 }, (_, i) => ["一、甲", "（一）乙", "1.丙", "（1）丁", "①戊"][i % 5]).join("\n")],
  ["digits that look like dates", () => "一、" + "2022年13月45日".repeat(50_000)],
  ["a 1 MB hard-wrapped paragraph", () => "做好工作做好工作做好工作做好工作做好工作做好工作\n".repeat(40_000)],
  ["unbalanced closing brackets", () => "一、甲" + "）〕]".repeat(100_000)],
  ["a million spaces and tabs", () => " \t".repeat(500_000) + "一、工作"],
];

describe("pathological inputs", () => {
  it.each(cases)("%s", (_name, make) => {
    const text = make();
    const t0 = performance.now();
    const r = parseNotice(text);
    const ms = performance.now() - t0;
    expect(ResultSchema.safeParse(r).success).toBe(true);
    for (const t of r.tasks) {
      expect(t.source.start).toBeGreaterThanOrEqual(0);
      expect(t.source.end).toBeLessThanOrEqual(text.length);
    }
    expect(ms).toBeLessThan(boundMs(text));
  });
});
