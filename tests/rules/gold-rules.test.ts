/**
 * One case per rule of GOLD.md (written from the rule, not copied from a notice). Each case is a
 * small whole notice; the expected value lists the tasks (id → units and deadlines).
 */
import { describe, expect, it } from "vitest";
import { parseNotice, ResultSchema } from "../../src/index.js";

type Want = Record<string, { lead?: string[]; resp?: string[]; sup?: string[]; guide?: string[]; dl?: string[] }>;

function tasksOf(text: string, format?: "markdown"): Want {
  const r = parseNotice(text, format ? { format } : {});
  expect(ResultSchema.safeParse(r).success).toBe(true);
  const out: Want = {};
  for (const t of r.tasks) {
    const w: Want[string] = {};
    if (t.leadUnits.length) w.lead = t.leadUnits;
    if (t.responsibleUnits.length) w.resp = t.responsibleUnits;
    if (t.supportUnits.length) w.sup = t.supportUnits;
    if (t.guideUnits.length) w.guide = t.guideUnits;
    if (t.deadlines.length) w.dl = t.deadlines.map((d) => d.date);
    out[t.id] = w;
    // every span lies inside the input and starts at the task
    expect(t.source.end).toBeLessThanOrEqual(text.length);
    expect(t.source.start).toBeLessThan(t.source.end);
  }
  return out;
}

const HEAD = "某市人民政府办公室关于印发2022年工作要点的通知\n各区人民政府：\n现印发给你们。\n某市人民政府办公室\n2022年3月1日\n";

const rules: { rule: string; text: string; want: Want; format?: "markdown" }[] = [
  {
    rule: "leaf items are tasks; grouping headings are not; ids are printed ordinals",
    text: HEAD + "一、工作目标\n做好全年工作。\n二、任务分解\n（一）优化环境\n1.公开文件。\n2.解读政策。\n（二）规范秩序\n3.完善制度。\n三、保障措施\n（一）加强领导。",
    want: { "1": {}, "2.1.1": {}, "2.1.2": {}, "2.2.3": {}, "3.1": {} },
  },
  {
    rule: "（n） numbering that runs on across sections keeps its printed number",
    text: HEAD + "一、以公开促发展\n（一）甲工作。\n（二）乙工作。\n二、以公开促服务\n（三）丙工作。",
    want: { "1.1": {}, "1.2": {}, "2.3": {} },
  },
  {
    rule: "a parent with its own text and numbered children: only the children are tasks",
    text: HEAD + "一、主要任务\n围绕中心工作，做好以下事项：\n（一）甲工作。（责任单位：市财政局）\n（二）乙工作。（责任单位：市民政局）",
    want: { "1.1": { resp: ["市财政局"] }, "1.2": { resp: ["市民政局"] } },
  },
  {
    rule: "marker variants (一) 1． 1、 (1) ⑴ ①",
    text: HEAD + "一、甲\n(一)乙\n1．丙工作。\n2、丁\n(1)戊工作。\n⑵己\n①庚工作。",
    want: { "1.1.1": {}, "1.1.2.1": {}, "1.1.2.2.1": {} },
  },
  {
    rule: "headings whose body is on the next line",
    text: HEAD + "一、总体要求\n围绕中心，服务大局。\n二、保障措施\n加强领导。",
    want: { "1": {}, "2": {} },
  },
  {
    rule: "labelled brackets, all bracket pairs, mismatched pairs, half-width forms",
    text: HEAD + "一、任务\n1.甲。〔牵头单位：市司法局；责任单位：市政府各部门〕\n2.乙。【牵头单位：市财政局】\n3.丙。(责任单位:市民政局)\n4.丁。〔责任单位：市教育局]\n5.戊。[协办单位：市科技局]",
    want: { "1.1": { lead: ["市司法局"], resp: ["市政府各部门"] }, "1.2": { lead: ["市财政局"] }, "1.3": { resp: ["市民政局"] }, "1.4": { resp: ["市教育局"] }, "1.5": { sup: ["市科技局"] } },
  },
  {
    rule: "all role labels map to lead / responsible / support / guide; people labels are not units",
    text: HEAD + "一、任务\n1.甲。（主办单位：A局；承办单位：B局；协助单位：C局；指导单位：D局）\n2.乙。（主责单位：E局；实施单位：F局；参加单位：G局；指导部门：H局）\n3.丙。（牵头领导：张三；推进单位：I局；支撑单位：J局）\n4.丁。（牵头部门：K局；落实单位：L局；配合部门：M局；完成单位：N局）",
    want: {
      "1.1": { lead: ["A局"], resp: ["B局"], sup: ["C局"], guide: ["D局"] },
      "1.2": { lead: ["E局"], resp: ["F局"], sup: ["G局"], guide: ["H局"] },
      "1.3": { resp: ["I局"], sup: ["J局"] },
      "1.4": { lead: ["K局"], resp: ["L局", "N局"], sup: ["M局"] },
    },
  },
  {
    rule: "an item with several clauses splits into -1, -2; text after the last clause joins the last task",
    text: HEAD + "一、任务\n（一）甲事项。（牵头单位：A局）乙事项2022年底前完成。（牵头单位：B局）丙事项6月底前完成。",
    want: { "1.1-1": { lead: ["A局"] }, "1.1-2": { lead: ["B局"], dl: ["2022-12-31", "2022-06-30"] } },
  },
  {
    rule: "label lines after an item; consecutive label lines form ONE clause with its deadline field",
    text: HEAD + "一、任务\n（一）建设平台。\n牵头单位：区民政局\n配合单位：区财政局、区卫健局\n完成时限：2019年8月\n（二）培育企业。\n责任单位：区商务局",
    want: { "1.1": { lead: ["区民政局"], sup: ["区财政局", "区卫健局"], dl: ["2019-08-31"] }, "1.2": { resp: ["区商务局"] } },
  },
  {
    rule: "verb brackets: 牵头 / 参与 / 按职责分工负责 / 指导; 会同; 等 dropped",
    text: HEAD + "一、任务\n1.甲。（生态环境部牵头，国家发展改革委、工业和信息化部参与）\n2.乙。（区资源生态局牵头，有关部门按职责分工负责）\n3.丙。（工业和信息化部指导）\n4.丁。（X会同有关部门负责）\n5.戊。（区市场监管局等按职责分工负责）",
    want: {
      "1.1": { lead: ["生态环境部"], sup: ["国家发展改革委", "工业和信息化部"] },
      "1.2": { lead: ["区资源生态局"], resp: ["有关部门"] },
      "1.3": { guide: ["工业和信息化部"] },
      "1.4": { resp: ["X", "有关部门"] },
      "1.5": { resp: ["区市场监管局"] },
    },
  },
  {
    rule: "brackets that are not clauses: alias, date, cited 文号, 村（居）",
    text: HEAD + "一、任务\n1.推进村（居）务公开，整治原超市（原卜蜂莲花），落实《通知》（国办发〔2022〕8号），总结（2021年8月）经验。",
    want: { "1.1": {} },
  },
  {
    rule: "names: never split inside brackets; shared-suffix place names stay whole; notes dropped and not carried on",
    text: HEAD + "一、任务\n1.甲。（牵头单位：市委改革办（市政务办）、各市（县）、区人民政府，各区县政府〔含新区管委会，下同〕，以下责任单位均包含各区县政府）\n2.乙。（牵头单位：区法院、检察院）",
    want: { "1.1": { lead: ["市委改革办（市政务办）", "各市（县）、区人民政府", "各区县政府"] }, "1.2": { lead: ["区法院", "检察院"] } },
  },
  {
    rule: "names and words split across a line or page break are joined",
    text: HEAD + "一、任务\n1.推进重\n\n大项目公开，2022年9\n— 3 —\n月底前完成。〔责任单位：各市（县）、区人民\n\n政府〕",
    want: { "1.1": { resp: ["各市（县）、区人民政府"], dl: ["2022-09-30"] } },
  },
  {
    rule: "deadlines: every form in the text, in order, deduplicated; plan year fills in",
    text: HEAD + "一、任务\n1.甲在年内完成，乙7月底前完成，丙9月15日前完成，丁到2023年底前完成，戊至2025年底完成，己十二月底前完成，庚年内再次完成。",
    want: { "1.1": { dl: ["2022-12-31", "2022-07-31", "2022-09-15", "2023-12-31", "2025-12-31"] } },
  },
  {
    rule: "not deadlines: recurring, durations, target years, half-years without 前, cut-offs",
    text: HEAD + "一、任务\n1.每年年底前报告，每月月底前汇总，5个工作日内答复，到2025年，覆盖率达到90%，2019年上半年启动，截至2022年底已公开。",
    want: { "1.1": {} },
  },
  {
    rule: "dates in the preamble and closing paragraphs belong to no task",
    text: HEAD + "2022年底前要全面完成。\n一、任务\n（一）甲工作。（责任单位：A局）\n（二）乙工作。（责任单位：B局）\n（三）丙工作。（责任单位：C局）\n请各单位于2022年12月10日前报送落实情况。",
    want: { "1.1": { resp: ["A局"] }, "1.2": { resp: ["B局"] }, "1.3": { resp: ["C局"] } },
  },
  {
    rule: "attachment tables: A<n>.<序号> ids, 序号 gaps, repeated header rows, empty cells, extra columns, deadline column forms",
    text: HEAD + "一、任务\n（一）做好工作。\n附件：1. 重点任务清单\n2. 推广清单\n某市人民政府办公室\n2022年3月1日\n附件1\n重点任务清单\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t甲任务。\t市财政局\t市税务局\t全年\n3\t乙任务。\t市民政局\t\t12 月底前\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n4\t丙任务。\t\t\t2022年8月\n附件2\n推广清单\n序号\t改革举措\t主要内容\t指导部门\t推广范围\n一、第一方面\n1\t丁举措\t内容。\t科技部、财政部\t全国",
    want: {
      "1.1": {},
      "A1.1": { lead: ["市财政局"], sup: ["市税务局"], dl: ["2022-12-31"] },
      "A1.3": { lead: ["市民政局"], dl: ["2022-12-31"] },
      "A1.4": { dl: ["2022-08-31"] },
      "A2.1": { guide: ["科技部", "财政部"] },
    },
  },
  {
    rule: "a single unnumbered 附件 counts as attachment 1; a 区县 column is responsible",
    text: HEAD + "一、任务\n（一）做好工作。\n附件\n项目清单\n序号\t区县\t项目名称\t完成时限\n1\t吴兴区\t标准化建设\t12月底前",
    want: { "1.1": {}, "A1.1": { resp: ["吴兴区"], dl: ["2022-12-31"] } },
  },
  {
    rule: "table 序号 in Chinese numerals; a category column is not the title",
    text: HEAD + "一、任务\n（一）做好工作。\n附件\n任务清单\n序号\t领域\t工作任务\t责任单位\t完成时限\n一\t营商环境\t推行告知承诺制。\t县司法局\t2022年9月\n二\t营商环境\t规范涉企收费。\t县发展改革局\t长期",
    want: { "1.1": {}, "A1.1": { resp: ["县司法局"], dl: ["2022-09-30"] }, "A1.2": { resp: ["县发展改革局"] } },
  },
  {
    rule: "an in-body table whose first cell carries the markers joins the numbered tree",
    text: HEAD + "一、任务\n序号\t任务\t责任单位\t完成时限\n（一）\t建设平台。\t区民政局\t2022年6月\n（二）\t培育企业。\t区商务局、区财政局\t全年",
    want: { "1.1": { resp: ["区民政局"], dl: ["2022-06-30"] }, "1.2": { resp: ["区商务局", "区财政局"], dl: ["2022-12-31"] } },
  },
  {
    rule: "the plan printed as an attachment after the signature is the numbered body",
    text: "某区人民政府办公室关于印发实施方案的通知\n各镇人民政府：\n现将《实施方案》印发给你们。\n附件：实施方案\n某区人民政府办公室\n2022年3月1日\n附件\n实施方案\n一、总体要求\n做好工作。\n二、重点任务\n（一）建设平台。（责任单位：区民政局）",
    want: { "1": {}, "2.1": { resp: ["区民政局"] } },
  },
  {
    rule: "—— sub-paragraphs stay inside their item (and split it when each carries a clause)",
    text: HEAD + "一、重点任务\n（一）实施垃圾治理\n——加快治理。推行分类。（责任单位：区交建局）\n——加快利用。减少污染。（责任单位：区农发局）\n（二）实施厕所革命\n——完善布局。\n——提升品质。\n（责任单位：区交建局）",
    want: { "1.1-1": { resp: ["区交建局"] }, "1.1-2": { resp: ["区农发局"] }, "1.2": { resp: ["区交建局"] } },
  },
  {
    rule: "Markdown heading levels do not decide levels: markers do",
    format: "markdown",
    text: "# 某市人民政府办公室文件\n\n## 关于印发要点的通知\n\n各区人民政府：\n\n### 一、以公开促发展\n\n（一）甲工作。\n\n## **二、以公开促服务**\n\n（二）乙工作。\n",
    want: { "1.1": {}, "2.2": {} },
  },
];

describe("GOLD.md rules", () => {
  it.each(rules)("$rule", ({ text, want, format }) => expect(tasksOf(text, format)).toEqual(want));
});
