/**
 * The section tree's ids, written from the rules of GOLD.md (v3) with invented notices:
 * regulations (第X章 › 第X节 › 第X条), tables of contents, several documents in one notice (P2.),
 * and top-level headings printed without markers.
 */
import { describe, expect, it } from "vitest";
import { parseNotice } from "../../src/index.js";

const HEAD = "某市人民政府办公室关于印发某某管理办法的通知\n各区人民政府，市各委办局：\n现将《某某管理办法》印发给你们，请认真贯彻执行。\n某市人民政府办公室\n2023年4月1日\n";

function parse(text: string, format?: "markdown"): { ids: string[]; warnings: string[]; titles: Record<string, string> } {
  const r = parseNotice(text, format ? { format } : {});
  return {
    ids: r.tasks.map((t) => t.id),
    warnings: r.warnings.map((w) => w.code),
    titles: Object.fromEntries(r.tasks.map((t) => [t.id, t.title])),
  };
}

const cases: { rule: string; text: string; ids: string[]; format?: "markdown" }[] = [
  {
    rule: "chapters › articles › items: 第二章 › 第五条 › （一） → 2.5.1; articles run on across chapters",
    text: HEAD + "某某管理办法\n第一章 总则\n第一条 为规范管理，制定本办法。\n第二条 本办法适用于本市。\n第二章 管理职责\n第三条 市主管部门履行下列职责：\n（一）制定规划；\n（二）组织实施。\n第四条 各区负责本区工作。",
    ids: ["1.1", "1.2", "2.3.1", "2.3.2", "2.4"],
  },
  {
    rule: "sections between chapters and articles: 第一章 › 第一节 › 第一条",
    text: HEAD + "第一章 总则\n第一节 一般规定\n第一条 为规范管理，制定本办法。\n第二节 特别规定\n第二条 特别事项另行规定。\n第二章 附则\n第三条 本办法自发布之日起施行。",
    ids: ["1.1.1", "1.2.2", "2.3"],
  },
  {
    rule: "articles without chapters are the top level; lists restart under every article without colliding",
    text: HEAD + "第一条 下列事项由市级办理：\n（一）审批；\n（二）备案。\n第二条 下列事项由区级办理：\n（一）登记；\n（二）检查。",
    ids: ["1.1", "1.2", "2.1", "2.2"],
  },
  {
    rule: "article text on the same line without a space; 1. lists under （一） under an article",
    text: HEAD + "第一条本办法所称数据，是指：\n（一）政务数据，包括：\n1.业务数据；\n2.统计数据。\n（二）公共数据。\n第二条本办法自发布之日起施行。",
    ids: ["1.1.1", "1.1.2", "1.2", "2"],
  },
  {
    rule: "a chapter heading with its first article on the same line is split",
    text: HEAD + "第一章 总则 第一条 为规范管理，制定本办法。\n第二条 本办法适用于本市。\n第二章 附则 第三条 本办法自发布之日起施行。",
    ids: ["1.1", "1.2", "2.3"],
  },
  {
    rule: "第X条 inside a sentence is a citation, not a marker",
    text: HEAD + "第一条 依照本条例第十二条规定，制定本办法。\n第二条 违反本办法第一条规定的，依法处理。",
    ids: ["1", "2"],
  },
  {
    rule: "a table of contents does not yield its headings twice",
    text: HEAD + "目录\n第一章 总则\n第二章 职责分工\n第三章 附则\n第一章 总则\n第一条 为规范管理，制定本办法。\n第二章 职责分工\n第二条 市主管部门负责统筹。\n第三章 附则\n第三条 本办法自发布之日起施行。",
    ids: ["1.1", "2.2", "3.3"],
  },
  {
    rule: "two documents in one notice: the second restarts at 一、 under its own title → P2.",
    text:
      "某市人民政府办公室关于印发《某市甲项工作实施方案》《某市乙项工作推进方案》的通知\n各区人民政府：\n现将两个方案印发给你们。\n某市人民政府办公室\n2023年4月1日\n" +
      "某市甲项工作实施方案\n一、总体要求\n做好甲工作。\n二、主要任务\n（一）推进甲一。\n（二）推进甲二。\n" +
      "某市乙项工作推进方案\n一、工作目标\n做好乙工作。\n二、工作措施\n（一）推进乙一。",
    ids: ["1", "2.1", "2.2", "P2.1", "P2.2.1"],
  },
  {
    rule: "a notice with items of its own and a numbered plan printed after the signature under a 附件 header → P2.",
    text:
      "某市人民政府办公室关于做好某项工作的通知\n各区人民政府：\n一、提高认识\n各区要高度重视。\n二、抓好落实\n各区要按方案推进。\n某市人民政府办公室\n2023年4月1日\n" +
      "附件\n某项工作实施方案\n一、工作目标\n完成某项工作。\n二、工作任务\n（一）开展排查。\n（二）组织整改。",
    ids: ["1", "2", "P2.1", "P2.2.1", "P2.2.2"],
  },
  {
    rule: "a restart at 一、 without a document title is a numbering slip: warned, ids keep ~2",
    text: HEAD + "一、工作目标\n做好工作。\n二、工作任务\n推进落实。\n一、保障措施\n加强领导。",
    ids: ["1", "2", "1~2"],
  },
  {
    rule: "unmarked top-level headings do not swallow the items under them",
    text:
      HEAD + "某项整治工作方案\n总体要求\n全面排查整治隐患。\n重点内容\n1.排查燃气设施。\n2.整治违规使用。\n工作安排\n整治分两个阶段进行。\n（一）排查阶段。6月底前完成排查。\n（二）整治阶段。年底前完成整治。\n工作要求\n（一）加强领导。\n（二）压实责任。",
    ids: ["1", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2"],
  },
  {
    rule: "a lead-in list before the first higher marker is preamble: its ids do not collide with the sections'",
    text:
      HEAD + "今年的目标任务为：\n1.新建小区两个；\n2.改造小区三个。\n为完成上述任务，提出如下要求：\n一、新建任务\n1.甲小区。\n2.乙小区。\n二、改造任务\n（一）丙小区。",
    ids: ["1.1", "1.2", "2.1"],
  },
  {
    rule: "headings whose text starts with a year are headings: 一、2023年工作目标",
    text: HEAD + "一、2023年工作目标\n完成任务。\n二、2023年重点任务\n1.做好甲。\n2.做好乙。",
    ids: ["1", "2.1", "2.2"],
  },
];

describe("section tree ids", () => {
  it.each(cases)("$rule", ({ text, ids, format }) => {
    expect(parse(text, format).ids).toEqual(ids);
  });

  it("a numbering slip is reported", () => {
    expect(parse(cases.find((c) => c.rule.includes("slip"))!.text).warnings).toContain("W_MARKER_ORDER");
  });

  it("several documents: no warning for the restart", () => {
    expect(parse(cases.find((c) => c.rule.startsWith("two documents"))!.text).warnings).not.toContain("W_MARKER_ORDER");
  });

  it("an unmarked heading titles its item; the closing text of one document is not the next one's title", () => {
    const r = parse(cases.find((c) => c.rule.startsWith("unmarked"))!.text);
    expect(r.titles["1"]).toBe("总体要求");
  });

  it("a task table printed as an attachment stays A<n> rows, not a document", () => {
    const text =
      "某市人民政府办公室关于做好某项工作的通知\n各区人民政府：\n一、提高认识\n各区要高度重视。\n某市人民政府办公室\n2023年4月1日\n" +
      "附件\n某项工作任务清单\n序号\t工作任务\t牵头单位\t完成时限\n1\t开展排查\t市应急局\t2023年6月底前\n2\t组织整改\t市住建局\t2023年12月底前";
    expect(parse(text).ids).toEqual(["1", "A1.1", "A1.2"]);
  });
});
