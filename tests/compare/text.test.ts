import { describe, expect, it } from "vitest";
import { gramCounts, gramKey, dropUnitBrackets, matchText, normalizeName, taskBody, wordRuns } from "../../src/compare/text.js";
import { sharedPhrases } from "../../src/compare/shared.js";
import { TEXT } from "./make.js";

describe("matchText: what the matcher reads", () => {
  const cases = [
    { name: "labelled bracket", raw: "做好疫情信息发布。（牵头单位：市卫健委；责任单位：各区政府）", absent: ["市卫健委", "单位"], present: "疫情信息发布" },
    { name: "nested bracket", raw: "规范发布〔牵头单位：市委改革办（市政务办）〕后续", absent: ["改革办", "政务办"], present: "后续" },
    { name: "verb bracket", raw: "推进公开（生态环境部牵头，工业和信息化部参与）", absent: ["生态环境部"], present: "公开" },
    { name: "label line", raw: "推进公开\n责任单位：区民政局\n完成时限：2019年8月", absent: ["民政局", "2019", "时限"], present: "公开" },
    { name: "dates", raw: "2022年12月底前完成目录编制，6月30日前上线", absent: ["2022", "30"], present: "目录编制" },
    { name: "generic 公文 verbs", raw: "进一步加强政策解读工作", absent: ["加强", "进一步", "工作"], present: "政策解读" },
  ];
  it.each(cases)("drops $name", ({ raw, absent, present }) => {
    const out = matchText(raw);
    for (const s of absent) expect(out).not.toContain(s);
    expect(out).toContain(present);
  });

  it("keeps brackets that are not unit clauses", () => {
    expect(dropUnitBrackets("原卜蜂莲花（超市）门店")).toBe("原卜蜂莲花（超市）门店");
    expect(dropUnitBrackets("未闭合（牵头单位：甲")).toBe("未闭合（牵头单位：甲");
  });

  it("normalises names with NFKC and without white space", () => {
    expect(normalizeName("市委改革办（市政务办） ")).toBe(normalizeName("市委改革办(市政务办)"));
  });

  it("does not repeat the title when the text starts with it", () => {
    expect(taskBody({ title: "标题", text: "标题。正文" })).toBe("标题。正文");
    expect(taskBody({ title: "标题", text: "正文" })).toBe("标题。正文");
  });

  it("takes n-grams inside punctuation-delimited runs only", () => {
    const g = gramCounts(wordRuns("甲乙，丙丁戊，丙丁"), 2, 3);
    expect([...g.keys()].sort()).toEqual(["丙丁", "丙丁戊", "丁戊", "甲乙"].map((x) => gramKey(x)).sort());
    expect(g.get(gramKey("丙丁"))).toBe(2);
    expect(g.has(gramKey("乙丙"))).toBe(false);
  });

  it("keys grams of different lengths apart", () => {
    expect(gramKey("丙丁戊", 1, 2)).toBe(gramKey("丁戊"));
    expect(new Set(["ab", "abc", "\u0000ab", "b"].map((x) => gramKey(x))).size).toBe(4);
  });
});

describe("sharedPhrases: why two tasks were matched", () => {
  it("reports the longest common phrases, not nested in one another", () => {
    const s = sharedPhrases({ title: "", text: TEXT.subsidy }, { title: "", text: "公开涉农补贴。发放结果以村为单位通过村务公开栏公示。" });
    expect(s).toContain("发放结果以村为单位通过村务公开栏公示");
    for (const p of s) for (const q of s) if (p !== q) expect(p.includes(q)).toBe(false);
  });

  it("finds nothing in unrelated tasks", () => {
    expect(sharedPhrases({ title: "", text: "甲乙丙丁" }, { title: "", text: "戊己庚辛" })).toEqual([]);
  });

  it("ranks telling phrases first", () => {
    const weight = (g: string): number => (g.includes("补") ? 5 : 1);
    const s = sharedPhrases({ title: "", text: "政务公开专栏。涉农补贴" }, { title: "", text: "涉农补贴。政务公开专栏" }, weight);
    expect(s[0]).toBe("涉农补贴");
  });
});
