import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { compareResults } from "../../src/compare/compare.js";
import { coverResults } from "../../src/compare/coverage.js";
import { COMPARE_CSV_COLUMNS, renderCompareCsv, renderCoverageCsv } from "../../src/compare/render/csv.js";
import { renderCompareText, renderCoverageText } from "../../src/compare/render/text.js";
import { CompareResultSchema, CoverageResultSchema } from "../../src/compare/schema.js";
import { doc, task, TEXT } from "./make.js";

const a = doc([
  task("1", TEXT.epidemic, { leadUnits: ["市卫健委"], deadlines: [{ raw: "年底前", date: "2021-12-31" }] }),
  task("2", TEXT.openMonth),
], "2021年要点", "a.txt");
const b = doc([
  task("2.1", TEXT.epidemic, { leadUnits: ["市疫情联防联控指挥部办公室"], deadlines: [{ raw: "年底前", date: "2022-12-31" }] }),
  task("2.2", TEXT.subsidy + "，含逗号\"引号\""),
], "2022年要点", "b.txt");
const r = compareResults(a, b);

describe("compare renderers", () => {
  it("CSV round-trips through csv-parse: one row per pair or unmatched task", () => {
    const rows = parse(renderCompareCsv(r, a, b), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...COMPARE_CSV_COLUMNS]);
    expect(rows.map((x) => [x.kind, x.a_id, x.b_id])).toEqual([["pair", "1", "2.1"], ["onlyA", "2", ""], ["onlyB", "", "2.2"]]);
    expect(rows[0]).toMatchObject({
      score: "1.000", lead_added: "市疫情联防联控指挥部办公室", lead_removed: "市卫健委",
      deadlines_added: "2022-12-31", deadlines_removed: "2021-12-31",
    });
    expect(rows[2]!.b_title).toBe(b.tasks[1]!.title);
  });

  it("coverage CSV has one column per other notice", () => {
    const cov = coverResults(a, [b, doc([task("9", TEXT.openMonth)], "乙", "c.txt")]);
    expect(CoverageResultSchema.safeParse(cov).success).toBe(true);
    const rows = parse(renderCoverageCsv(cov)) as string[][];
    expect(rows).toEqual([
      ["base_id", "title", "b.txt", "c.txt", "covered"],
      ["1", a.tasks[0]!.title, "2.1", "", "1"],
      ["2", a.tasks[1]!.title, "", "9", "1"],
    ]);
  });

  it("text summary names pairs, changes and unmatched tasks, without colour by default", () => {
    const text = renderCompareText(r, a, b);
    expect(text).toContain("1 carried over · 1 only in A · 1 only in B");
    expect(text).toMatch(/1 → 2\.1 +1\.00/u);
    expect(text).toContain("牵头单位 −市卫健委 +市疫情联防联控指挥部办公室");
    expect(text).toContain("时限 −2021-12-31 +2022-12-31");
    expect(text).not.toMatch(/\u001b\[/u);
    expect(renderCoverageText(coverResults(a, [b]))).toContain("1 base tasks".replace("1", "2"));
  });

  it("rejects a result that breaks the schema", () => {
    expect(CompareResultSchema.safeParse(r).success).toBe(true);
    expect(CompareResultSchema.safeParse({ ...r, pairs: [{ ...r.pairs[0], score: 2 }] }).success).toBe(false);
    expect(CompareResultSchema.safeParse({ ...r, onlyA: undefined }).success).toBe(false);
  });
});
