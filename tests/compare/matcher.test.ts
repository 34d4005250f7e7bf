import { describe, expect, it } from "vitest";
import { compareResults, DEFAULT_THRESHOLD } from "../../src/compare/compare.js";
import { CompareResultSchema } from "../../src/compare/schema.js";
import { doc, task, TEXT } from "./make.js";

const ids = (r: ReturnType<typeof compareResults>): string[][] => r.pairs.map((p) => [p.a, p.b]);

describe("compareResults: which tasks are the same work", () => {
  const cases: { name: string; a: ReturnType<typeof task>[]; b: ReturnType<typeof task>[]; pairs: string[][]; onlyA: string[]; onlyB: string[] }[] = [
    {
      name: "identical tasks match",
      a: [task("1", TEXT.epidemic), task("2", TEXT.subsidy)],
      b: [task("2.1", TEXT.subsidy), task("2.2", TEXT.epidemic)],
      pairs: [["1", "2.2"], ["2", "2.1"]],
      onlyA: [], onlyB: [],
    },
    {
      name: "unrelated tasks do not match",
      a: [task("1", TEXT.epidemic), task("2", TEXT.openMonth)],
      b: [task("1", TEXT.subsidy), task("2", TEXT.enterprise)],
      pairs: [],
      onlyA: ["1", "2"], onlyB: ["1", "2"],
    },
    {
      name: "one to one: two copies in A, one task in B",
      a: [task("1", TEXT.rules), task("2", TEXT.rules + "加强合法性审核。")],
      b: [task("1", TEXT.rules)],
      pairs: [["1", "1"]],
      onlyA: ["2"], onlyB: [],
    },
    {
      name: "reworded task still matches (units and dates changed, same object)",
      a: [task("1.4", "以防疫信息公开推动全民健康行动。严格执行疫情防控信息发布制度，统筹用好各类信息发布平台，2021年底前完成。（牵头单位：市卫健委）")],
      b: [task("2.3.8", TEXT.epidemic + "〔牵头单位：市疫情联防联控指挥部办公室〕")],
      pairs: [["1.4", "2.3.8"]],
      onlyA: [], onlyB: [],
    },
    {
      name: "empty notices",
      a: [], b: [], pairs: [], onlyA: [], onlyB: [],
    },
  ];
  it.each(cases)("$name", ({ a, b, pairs, onlyA, onlyB }) => {
    const r = compareResults(doc(a), doc(b));
    expect(ids(r)).toEqual(pairs);
    expect(r.onlyA).toEqual(onlyA);
    expect(r.onlyB).toEqual(onlyB);
    expect(CompareResultSchema.safeParse(r).success).toBe(true);
  });

  it("gives an identical pair score 1 and explains it with shared phrases", () => {
    const r = compareResults(doc([task("1", TEXT.subsidy)]), doc([task("9", TEXT.subsidy)]));
    expect(r.pairs[0]?.score).toBe(1);
    expect(r.pairs[0]?.shared.join("")).toContain("村务公开栏公示");
    expect(r.threshold).toBe(DEFAULT_THRESHOLD);
  });

  it("honours --threshold", () => {
    const a = doc([task("1", TEXT.rules)]);
    const b = doc([task("1", TEXT.rules.slice(0, 30) + "。做好规章清理。")]);
    const loose = compareResults(a, b, { threshold: 0.05 });
    const strict = compareResults(a, b, { threshold: 0.99 });
    expect(loose.pairs).toHaveLength(1);
    expect(strict.pairs).toHaveLength(0);
    expect(strict.onlyA).toEqual(["1"]);
  });

  it("is deterministic", () => {
    const a = doc([task("1", TEXT.rules), task("2", TEXT.rules)]);
    const b = doc([task("1", TEXT.rules), task("2", TEXT.rules)]);
    expect(compareResults(a, b)).toEqual(compareResults(a, b));
    expect(ids(compareResults(a, b))).toEqual([["1", "1"], ["2", "2"]]);
  });
});

describe("compareResults: table tasks", () => {
  it("a table row repeating a body task does not steal its match", () => {
    // B's 附件1 row restates its body task 1.4 in one line; A's task must pair with the body task
    const a = doc([task("3.9", TEXT.epidemic)]);
    const b = doc([task("1.4", TEXT.epidemic + "（牵头单位：市卫生健康委）"), task("A1.10", "严格执行疫情防控信息发布各项制度，规范流调信息发布和管理。")]);
    const r = compareResults(a, b);
    expect(ids(r)).toEqual([["3.9", "1.4"]]);
    expect(r.b.repeats).toEqual([{ id: "A1.10", of: "1.4" }]);
    expect(r.onlyB).toEqual([]);
  });

  it("a table row that repeats no body task matches only table rows", () => {
    const row = task("A2.1", TEXT.openMonth);
    const a = doc([task("1", TEXT.openMonth + "每年不少于一次。")]);
    const withBody = doc([task("1", TEXT.subsidy), row]);
    expect(ids(compareResults(a, withBody))).toEqual([]);
    // a notice made only of a table: its rows are its tasks
    expect(ids(compareResults(a, doc([row])))).toEqual([["1", "A2.1"]]);
    // table rows of both notices meet each other
    expect(ids(compareResults(doc([task("1", TEXT.subsidy), task("A1.1", TEXT.openMonth)]), withBody))).toEqual([["1", "1"], ["A1.1", "A2.1"]]);
  });
});

describe("compareResults: changes", () => {
  const base = { leadUnits: ["市司法局"], responsibleUnits: ["市政府各部门", "各市（县）、区人民政府"], deadlines: [{ raw: "年底前", date: "2021-12-31" }] };
  const cases = [
    {
      name: "no change (full-width vs half-width brackets, white space)",
      b: { leadUnits: ["市司法局 "], responsibleUnits: ["市政府各部门", "各市(县)、区人民政府"], deadlines: [{ raw: "12月底前", date: "2021-12-31" }] },
      want: { changed: false, lead: { added: [], removed: [] }, responsible: { added: [], removed: [] }, deadlines: { added: [], removed: [] } },
    },
    {
      name: "lead unit changed hands, responsible unit added",
      b: { leadUnits: ["市政府办公室"], responsibleUnits: ["市政府各部门", "各市（县）、区人民政府", "市大数据局"], deadlines: base.deadlines },
      want: { changed: true, lead: { added: ["市政府办公室"], removed: ["市司法局"] }, responsible: { added: ["市大数据局"], removed: [] }, deadlines: { added: [], removed: [] } },
    },
    {
      name: "deadline moved",
      b: { ...base, deadlines: [{ raw: "6月底前", date: "2022-06-30" }] },
      want: { changed: true, lead: { added: [], removed: [] }, responsible: { added: [], removed: [] }, deadlines: { added: ["2022-06-30"], removed: ["2021-12-31"] } },
    },
    {
      name: "deadline and support units dropped",
      b: { ...base, deadlines: [], supportUnits: [] },
      aExtra: { supportUnits: ["市财政局"] },
      want: { changed: true, lead: { added: [], removed: [] }, responsible: { added: [], removed: [] }, deadlines: { added: [], removed: ["2021-12-31"] }, support: { added: [], removed: ["市财政局"] } },
    },
  ];
  it.each(cases)("$name", ({ b, want, ...rest }) => {
    const aExtra = "aExtra" in rest ? rest.aExtra : {};
    const r = compareResults(doc([task("1", TEXT.rules, { ...base, ...aExtra })]), doc([task("2", TEXT.rules, b)]));
    const c = r.pairs[0]!.changes;
    expect(c.changed).toBe(want.changed);
    expect(c.units.lead).toEqual(want.lead);
    expect(c.units.responsible).toEqual(want.responsible);
    expect(c.deadlines).toEqual(want.deadlines);
    if ("support" in want) expect(c.units.support).toEqual(want.support);
  });
});
