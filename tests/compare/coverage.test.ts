import { describe, expect, it } from "vitest";
import { compareResults } from "../../src/compare/compare.js";
import { coverResults } from "../../src/compare/coverage.js";
import { CoverageResultSchema } from "../../src/compare/schema.js";
import { doc, task, TEXT } from "./make.js";

describe("coverResults", () => {
  const base = doc([
    task("1", TEXT.epidemic),
    task("2", TEXT.subsidy),
    task("3", TEXT.openMonth),
    task("A1.1", "严格执行疫情防控信息发布各项制度，规范流调信息发布和管理。"),
  ], "市", "city.txt");
  const d1 = doc([task("1.1", TEXT.subsidy), task("1.2", TEXT.epidemic), task("1.3", TEXT.enterprise)], "甲区", "d1.txt");
  const d2 = doc([task("9", TEXT.epidemic)], "乙区", "d2.txt");
  const cov = coverResults(base, [d1, d2]);

  it("lists, per base task, the task of each notice that takes it up", () => {
    expect(CoverageResultSchema.safeParse(cov).success).toBe(true);
    expect(cov.rows.map((r) => [r.id, r.cells.map((c) => c?.id ?? null), r.covered])).toEqual([
      ["1", ["1.2", "9"], 2],
      ["2", ["1.1", null], 1],
      ["3", [null, null], 0],
      // a table row restating body task 1 is covered wherever task 1 is
      ["A1.1", ["1.2", "9"], 2],
    ]);
    expect(cov.base.repeats).toEqual([{ id: "A1.1", of: "1" }]);
    expect(cov.onlyOthers).toEqual([["1.3"], []]);
  });

  it("agrees with the pairwise comparison", () => {
    const pairs = compareResults(base, d1).pairs.map((p) => [p.a, p.b]);
    const cells = cov.rows.flatMap((r) => (r.cells[0] && r.id !== "A1.1" ? [[r.id, r.cells[0].id]] : []));
    expect(cells).toEqual(pairs);
  });

  it("handles no other notices", () => {
    const none = coverResults(base, []);
    expect(none.rows.every((r) => r.cells.length === 0 && r.covered === 0)).toBe(true);
  });
});
