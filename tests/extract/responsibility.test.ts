import { describe, expect, it } from "vitest";
import { findClauses, inlineLabelRun, parseLabelled, parseVerbClause } from "../../src/extract/responsibility.js";
import { foreignKeyStart } from "../../src/extract/patterns.js";

const U = (lead: string[] = [], responsible: string[] = [], support: string[] = [], guide: string[] = []) => ({ lead, responsible, support, guide });

describe("parseLabelled", () => {
  const cases: [string, ReturnType<typeof U>][] = [
    ["牵头单位：市司法局；责任单位：市政府各部门，各市（县）、区人民政府", U(["市司法局"], ["市政府各部门", "各市（县）、区人民政府"])],
    ["责任单位:各级市场监管部门", U([], ["各级市场监管部门"])],
    ["牵头单位：监察大队，参加单位：征地部", U(["监察大队"], [], ["征地部"])],
    ["牵头单位：征地部，参与单位：法规科", U(["征地部"], [], ["法规科"])],
    ["牵头领导：张三；责任单位：区民政局", U([], ["区民政局"])],
    ["指导单位：省厅；协办单位：市局、县局", U([], [], ["市局", "县局"], ["省厅"])],
    ["主办单位：A局；承办单位：B局；配合部门：C局", U(["A局"], ["B局"], ["C局"])],
    ["责任单位（部门）：区财政局", U([], ["区财政局"])],
    // labels recognised by their role word: role word + at most four characters + 单位/部门/处室/科室/处
    ["牵头督办单位：甲局；配合处室：乙处", U(["甲局"], [], ["乙处"])],
    ["责任处室：综合处、规划处", U([], ["综合处", "规划处"])],
    ["主责科室：财务科", U(["财务科"])],
    ["指导部门：省厅", U([], [], [], ["省厅"])],
    ["牵头处（单位）：法规处", U(["法规处"])],
    ["参与执行部门：丙局", U([], [], ["丙局"])],
    // a label's content that is a verb clause: its verbs decide the roles
    ["责任单位：甲局牵头，乙局参与，各街道配合。以下均需各街道配合，不再列出", U(["甲局"], [], ["乙局", "各街道"])],
    ["责任单位：甲局牵头，乙局、丙局", U(["甲局"], ["乙局", "丙局"])],
    ["牵头单位：甲局；责任单位：乙委负责，丙办协助", U(["甲局"], ["乙委"], ["丙办"])],
    // a label's names end at 。 (a line that lost its break runs on into the next paragraph)
    ["责任单位：各乡镇。二是科学规划布局，按照规范建设", U([], ["各乡镇"])],
    // a time piece before the first label
    ["6月底完成，牵头单位：甲局", U(["甲局"])],
    ["8月取得初步成效；责任单位：甲局、乙局", U([], ["甲局", "乙局"])],
  ];
  it.each(cases)("%s", (text, want) => expect(parseLabelled(text, 2022)?.units).toEqual(want));
  it("reads a deadline field", () => expect(parseLabelled("责任单位：区民政局；完成时限：2019年8月", 2019)?.deadlines.map((d) => d.date)).toEqual(["2019-08-31"]));
  it.each([
    ["6月底完成，牵头单位：甲局", ["2022-06-30"]],
    ["8月取得初步成效；责任单位：甲局", ["2022-08-31"]],
    ["2023年12月底前完成，牵头单位：甲局；完成时限：2023年6月", ["2023-12-31", "2023-06-30"]],
  ])("reads the time piece before the first label: %s", (text, want) => expect(parseLabelled(text, 2022)?.deadlines.map((d) => d.date)).toEqual(want));
  it.each(["具体要求见附件，牵头单位：甲局", "甲局牵头，责任单位：乙局"])("a piece before the first label that states no time: %s", (t) =>
    expect(parseLabelled(t, 2022)).toBeNull(),
  );
  it.each(["原卜蜂莲花", "2021年8月", "国办发〔2022〕8号", "居", "含南太湖新区管委会，下同"])("not a labelled clause: %s", (t) => expect(parseLabelled(t, 2022)).toBeNull());
});

describe("parseVerbClause", () => {
  const cases: [string, ReturnType<typeof U>][] = [
    ["生态环境部牵头，国家发展改革委、工业和信息化部参与", U(["生态环境部"], [], ["国家发展改革委", "工业和信息化部"])],
    ["市场监管总局、工业和信息化部负责", U([], ["市场监管总局", "工业和信息化部"])],
    ["区资源生态局牵头，有关部门按职责分工负责", U(["区资源生态局"], ["有关部门"])],
    ["工业和信息化部指导", U([], [], [], ["工业和信息化部"])],
    // a group ends at 、 right after its verb; 组织落实 is the responsible unit's verb
    ["甲委牵头负责、各区政府组织落实", U(["甲委"], ["各区政府"])],
    ["甲局、乙委牵头负责，各区政府组织实施", U(["甲局", "乙委"], ["各区政府"])],
    // 应急 is a unit word, not the modal 应 of a sentence
    ["市应急局、乙委牵头负责", U(["市应急局", "乙委"])],
    ["A、B，各省级人民政府按职责分工负责", U([], ["A", "B", "各省级人民政府"])],
    ["X会同有关部门负责", U([], ["X", "有关部门"])],
    ["区市场监管局等按职责分工负责", U([], ["区市场监管局"])],
    ["X等有关部门和单位负责", U([], ["X", "有关部门和单位"])],
    ["区资源生态局牵头负责;各片区负责配合落实，以下均需各片区配合落实，不再列出", U(["区资源生态局"], [], ["各片区"])],
    ["区资源生态局牵头，区经发局、区农业农村局，平潭海关等按职责分工负责", U(["区资源生态局"], ["区经发局", "区农业农村局", "平潭海关"])],
    // names that contain role words are names
    ["领导小组成员单位牵头，各区政府负责", U(["领导小组成员单位"], ["各区政府"])],
    ["建设办牵头，指导组配合", U(["建设办"], [], ["指导组"])],
    // groups separated by ， and 。 inside one clause
    ["甲部牵头，乙部、丙委参与，各省级人民政府负责", U(["甲部"], ["各省级人民政府"], ["乙部", "丙委"])],
    ["甲部、乙委等和各省级人民政府负责", U([], ["甲部", "乙委", "各省级人民政府"])],
  ];
  it.each(cases)("%s", (text, want) => expect(parseVerbClause(text)).toEqual(want));
  it.each(["原卜蜂莲花", "2021年8月", "以下简称“市场主体”", "各地要加强指导", "含兼职", "按职责分工负责", "居"])("not a verb clause: %s", (t) =>
    expect(parseVerbClause(t)).toBeNull(),
  );
});

describe("findClauses", () => {
  it("finds brackets of any pairing, in order, with their offsets", () => {
    const text = "做好工作。（牵头单位：市财政局）再做一件。〔牵头单位：市司法局]";
    const cs = findClauses({ text, paragraphStarts: [0], labelLines: [false] }, 2022);
    expect(cs.map((c) => text.slice(c.start, c.end))).toEqual(["（牵头单位：市财政局）", "〔牵头单位：市司法局]"]);
    expect(cs.map((c) => c.units.lead)).toEqual([["市财政局"], ["市司法局"]]);
  });
  it("reads consecutive label lines as one clause", () => {
    const paras = ["建设平台。", "牵头单位：区民政局", "配合单位：区财政局", "完成时限：2019年8月"];
    const starts = paras.map((_, i) => paras.slice(0, i).join("").length);
    const cs = findClauses({ text: paras.join(""), paragraphStarts: starts, labelLines: [false, true, true, true] }, 2019);
    expect(cs).toHaveLength(1);
    expect(cs[0]!.units).toEqual(U(["区民政局"], [], ["区财政局"]));
    expect(cs[0]!.deadlines.map((d) => d.date)).toEqual(["2019-08-31"]);
  });
  it("reports a bracket that names units but cannot be read", () => {
    const codes: string[] = [];
    findClauses({ text: "做好工作。（由各部门根据职能自行确定）", paragraphStarts: [0], labelLines: [false] }, 2022, (code) => codes.push(code));
    expect(codes).toEqual(["W_UNREAD_CLAUSE"]);
  });
  it("ignores brackets that are not clauses", () => {
    const text = "对村（居）务公开（原卜蜂莲花）和《条例》（国办发〔2022〕8号）做好（2021年8月）工作。";
    expect(findClauses({ text, paragraphStarts: [0], labelLines: [false] }, 2022)).toEqual([]);
  });
  it("reports a bracket that never closes and still reads it", () => {
    const at: number[] = [];
    const cs = findClauses({ text: "做好工作。（责任单位：市司法局", paragraphStarts: [0], labelLines: [false] }, 2022, (_code, _m, i) => at.push(i));
    expect(at).toEqual([5]);
    expect(cs[0]!.units.responsible).toEqual(["市司法局"]);
  });
});

describe("a role label's names end at a key that is not a label (foreignKeyStart)", () => {
  it.each([
    // [label content, the names kept]
    ["甲公司，所属区域：乙片区管理局", "甲公司"],
    ["甲局、乙局，丙镇第二阶段：自查自纠，全面整治", "甲局、乙局，丙镇"],
    ["甲局第3步：验收", "甲局"],
    ["甲办“某某+”教育：开发资源", "甲办"],
    ["甲局、乙局", "甲局、乙局"],
    ["各区（含：新区）、甲局", "各区（含：新区）、甲局"],
    ["甲局（8:30前报送）", "甲局（8:30前报送）"],
    ["备注：无", ""],
  ])("%s → %s", (seg, kept) => {
    expect(seg.slice(0, foreignKeyStart(seg)).replace(/[，、]$/u, "")).toBe(kept);
  });

  it("reads the units of a label line that runs on into another key", () => {
    const r = parseLabelled("责任单位：甲公司，所属片区：乙片区开发管理局", null);
    expect(r?.units.responsible).toEqual(["甲公司"]);
    const s = parseLabelled("责任单位：甲局、乙局，各乡镇第三阶段：督促检查，补缺补漏", null);
    expect(s?.units.responsible).toEqual(["甲局", "乙局", "各乡镇"]);
  });
});

describe("a role label after the task's text on the same line (inlineLabelRun)", () => {
  // [paragraph, the run it finds (null: none)]
  const runs: [string, string | null][] = [
    ["建设甲小区，责任单位：区住建局。", "责任单位：区住建局。"],
    ["建设乙小区。责任单位：区交通局", "责任单位：区交通局"],
    ["建设丙小区；牵头单位：区发改委，配合单位：区财政局。", "牵头单位：区发改委，配合单位：区财政局。"],
    // labels joined by 。 are one run; the run ends at the first 。 that no label follows
    ["整治河道。牵头单位：甲局。配合单位：乙局。年底前完成验收。", "牵头单位：甲局。配合单位：乙局。"],
    // not a label: no break before it, inside brackets, a person or deadline label, prose
    ["各单位要明确责任单位：由各区自定", null],
    ["做好工作（责任单位：甲局）", null],
    ["〔牵头单位：甲局；责任单位：乙局〕", null], // a bracket that starts the line
    ["做好工作，联系人：张三", null],
    ["做好工作，完成时限：2023年底", null],
    ["责任单位：甲局", null], // a label line of its own is read as a label line, not here
  ];
  it.each(runs)("%s", (para, want) => {
    const r = inlineLabelRun(para);
    expect(r ? para.slice(r[0], r[1]) : null).toBe(want);
  });
  it("a bracket opened on an earlier line holds its labels (a PDF wraps inside brackets)", () => {
    const text = "做好工作。〔牵头单位：甲局；责任单位：乙局〕";
    const cs = findClauses({ text, paragraphStarts: [0, 13], labelLines: [false, false] }, 2023);
    expect(cs.map((c) => [c.shape, c.start, c.end])).toEqual([["labelled", 5, text.length]]);
    expect(inlineLabelRun("；责任单位：乙局〕", 1)).toBeNull();
  });
  it("findClauses reads the run's units and its span ends where the run ends", () => {
    const text = "整治河道。牵头单位：甲局。配合单位：乙局。年底前完成验收。";
    const [c] = findClauses({ text, paragraphStarts: [0], labelLines: [false] }, 2023);
    expect(c).toMatchObject({ shape: "labelLine", start: 5, end: 21, units: U(["甲局"], [], ["乙局"]) });
  });
});
