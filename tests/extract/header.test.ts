import { describe, expect, it } from "vitest";
import { docNumber, parseDocNumber } from "../../src/extract/doc-number.js";
import { title } from "../../src/extract/header.js";
import { parseChineseDate } from "../../src/extract/dates.js";
import { parseNotice } from "../../src/index.js";
import { runExtractor } from "../helpers/run-extractor.js";

describe("parseDocNumber", () => {
  it.each([
    ["锡政办函〔2022〕13号", { raw: "锡政办函〔2022〕13号", agency: "锡政办函", year: 2022, serial: 13 }],
    ["湖政办发[2022]8号", { raw: "湖政办发[2022]8号", agency: "湖政办发", year: 2022, serial: 8 }],
    ["栖政办发〔2022〕10 号", { raw: "栖政办发〔2022〕10号", agency: "栖政办发", year: 2022, serial: 10 }],
    ["国办发(2018)126号", { raw: "国办发(2018)126号", agency: "国办发", year: 2018, serial: 126 }],
    ["锡政办便函〔2022〕 3号", { raw: "锡政办便函〔2022〕3号", agency: "锡政办便函", year: 2022, serial: 3 }],
    ["岚综管办【2016】183号", { raw: "岚综管办【2016】183号", agency: "岚综管办", year: 2016, serial: 183 }],
  ])("%s", (text, want) => expect(parseDocNumber(text)).toMatchObject(want));
  it.each(["2022年13号", "〔2022〕", "第13号", "锡政办函2022年13号"])("not a 文号: %s", (t) => expect(parseDocNumber(t)).toBeNull());
});

describe("parseChineseDate", () => {
  it.each([
    ["2022年 5月 31日", "2022-05-31"],
    ["二〇一二年九月六日", "2012-09-06"],
    ["二〇二二年十二月三十一日", "2022-12-31"],
    ["2022年2月30日", null],
  ])("%s", (t, want) => expect(parseChineseDate(t)).toBe(want));
});

describe("header extractors (spans checked)", () => {
  it("joins a title over several lines", () => {
    const f = runExtractor(title, "栖霞市人民政府办公室文件\n栖政办发〔2022〕10 号\n栖霞市人民政府办公室\n关于印发《2022 年栖霞市政务公开工作要点》\n的 通 知\n各镇人民政府、街道办事处：\n正文。");
    expect(f.map((x) => x.title)).toEqual(["栖霞市人民政府办公室关于印发《2022年栖霞市政务公开工作要点》的通知"]);
  });
  it("finds the 文号 under the title", () => {
    const f = runExtractor(docNumber, "国务院办公厅关于推广第二批\n支持创新相关改革举措的通知\n国办发〔2018〕126号\n\n各省、自治区、直辖市人民政府：\n正文。");
    expect(f.map((x) => x.raw)).toEqual(["国办发〔2018〕126号"]);
  });
  it("does not take a cited 文号 from the body", () => {
    expect(runExtractor(docNumber, "关于X的通知\n各单位：\n根据《通知》（国办发〔2022〕8号）要求，现通知如下：\n一、做好工作。")).toEqual([]);
  });
});

const doc = (text: string) => parseNotice(text).document;

describe("document header (GOLD.md header fields)", () => {
  it("issuer from the 文件 line, issue date under the signature, print date from 版记", () => {
    const d = doc("湖州市人民政府办公室文件\n湖政办发〔2022〕32号\n湖州市人民政府办公室关于印发2022年工作要点的通知\n各区县人民政府：\n现印发给你们。\n湖州市人民政府办公室\n2022年7月15日\n一、做好工作。\n抄送：市委各部门，市法院。\n湖州市人民政府办公室  2022年7月18日印发");
    expect(d).toMatchObject({ issuer: "湖州市人民政府办公室", issueDate: "2022-07-15", printDate: "2022-07-18", year: 2022, recipients: ["各区县人民政府"], cc: ["市委各部门", "市法院"] });
  });
  it("issuer from the signature; 成文日期 in Chinese numerals", () => {
    const d = doc("平潭县国土资源局关于\n分解2012年纠风三项重点工作任务\n各相关科室：\n现分解如下。\n一、做好工作。（牵头单位：监察大队）\n\n平潭县国土资源局\n二〇一二年九月六日");
    expect(d).toMatchObject({ issuer: "平潭县国土资源局", issueDate: "2012-09-06", title: "平潭县国土资源局关于分解2012年纠风三项重点工作任务", recipients: ["各相关科室"] });
  });
  it("no signature: issuer from the title's leading agency; issueDate null; 印发 date is not a fallback", () => {
    const d = doc("上海市松江区人民政府办公室关于转发区发展改革委2023年工作要点的通知\n各街道办事处：\n一、做好工作。\n上海市松江区人民政府办公室 2023年3月2日印发");
    expect(d).toMatchObject({ issuer: "上海市松江区人民政府办公室", issueDate: null, printDate: "2023-03-02", year: 2023 });
  });
  it("two issuing offices are joined with 、", () => {
    const d = doc("关于印发2021年工作方案的通知\n各单位：\n一、做好工作。\n中共某某区委办公室    某某区人民政府办公室\n2021年4月1日");
    expect(d.issuer).toBe("中共某某区委办公室、某某区人民政府办公室");
  });
  it("文号 from YAML front matter of a saved web page; title from the first heading", () => {
    const r = parseNotice("---\n文号: 岚综管办〔2018〕148号\n---\n# 关于印发三年行动方案的通知\n\n各单位：\n\n一、总体目标\n\n做好工作。\n", { format: "markdown" });
    expect(r.document).toMatchObject({ docNumber: { raw: "岚综管办〔2018〕148号", year: 2018, serial: 148 }, title: "关于印发三年行动方案的通知", year: 2018 });
  });
  it("disclosure and references", () => {
    const d = doc("关于印发要点的通知\n各单位：\n根据《国务院办公厅关于印发2022年政务公开工作要点的通知》（国办发〔2022〕8号），现印发《要点》。\n某某局\n2022年5月31日\n（此件公开发布）\n一、做好工作。");
    expect(d.disclosure).toBe("此件公开发布");
    // 《要点》 is the plan this notice issues, not a cited document
    expect(d.references).toEqual([{ title: "国务院办公厅关于印发2022年政务公开工作要点的通知", docNumber: "国办发〔2022〕8号" }]);
  });
  it("attachments: a numbered list, and a single unnumbered 附件", () => {
    expect(doc("关于X的通知\n各单位：\n一、做好工作。\n附件：1. 2022年度重点任务清单\n2. 2022年度项目清单\n某局\n2022年1月5日").attachments).toEqual([
      { number: 1, title: "2022年度重点任务清单" }, { number: 2, title: "2022年度项目清单" },
    ]);
    expect(doc("关于X的通知\n各单位：\n一、做好工作。\n附件：推广清单\n某局\n2022年1月5日").attachments).toEqual([{ number: 1, title: "推广清单" }]);
  });
});

describe("header variants (family 7)", () => {
  const doc = (text: string, md = false) => parseNotice(text, md ? { format: "markdown" } : {}).document;
  it.each([
    [
      "文号 in brackets on its own line under the title",
      "某某市人民政府办公室关于印发某项工作方案的通知\n（某政办发〔2021〕12号）\n\n各区人民政府，市各委办局：\n现将方案印发给你们。\n\n某某市人民政府办公室\n2021年3月5日\n",
      { issuer: "某某市人民政府办公室", docNumber: "某政办发〔2021〕12号", issueDate: "2021-03-05" },
    ],
    [
      "two offices on two signature lines",
      "关于开展某项检查的通知\n\n各乡镇人民政府：\n现将有关事项通知如下。\n\n甲县教育局\n甲县财政局\n2023年4月1日\n",
      { issuer: "甲县教育局、甲县财政局", issueDate: "2023-04-01" },
    ],
    [
      "two offices on one line that lost its space",
      "关于开展某项检查的通知\n\n各乡镇人民政府：\n现将有关事项通知如下。\n\n甲县教育局甲县财政局\n2023年4月1日\n",
      { issuer: "甲县教育局、甲县财政局" },
    ],
    [
      "two offices printed without separator, named in the title",
      "甲省人民政府办公厅、甲省军区政治部关于某事项的通知\n\n各市人民政府：\n现将有关事项通知如下。\n\n甲省人民政府办公厅甲省军区政治部\n2023年4月1日\n",
      { issuer: "甲省人民政府办公厅、甲省军区政治部" },
    ],
    [
      "no signature: the date alone closes the notice",
      "乙市交通运输局关于做好某项工作的通知\n\n各区交通运输局：\n现将有关事项通知如下。\n\n2023年4月1日\n",
      { issuer: "乙市交通运输局", issueDate: "2023-04-01" },
    ],
  ])("%s", (_, text, want) => {
    const d = doc(text);
    expect(d.issuer).toBe(want.issuer);
    if ("docNumber" in want) expect(d.docNumber?.raw).toBe(want.docNumber);
    if ("issueDate" in want) expect(d.issueDate).toBe(want.issueDate);
  });
  it("reads the 主送 line after a Markdown title; names that share a suffix stay one", () => {
    const d = doc("# 丙区人民政府关于印发某方案的通知\n\n各街道办事处，区政府各委、办、局：\n\n现将方案印发给你们。\n\n丙区人民政府\n\n2022年5月6日\n", true);
    expect(d.title).toBe("丙区人民政府关于印发某方案的通知");
    expect(d.recipients).toEqual(["各街道办事处", "区政府各委、办、局"]);
  });
  it("keeps 各省、自治区、直辖市人民政府 one recipient", () => {
    const d = doc("国务院关于某事项的意见\n国发〔2020〕3号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n现提出如下意见。\n国务院\n2020年2月1日\n");
    expect(d.recipients).toEqual(["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]);
  });
  it.each([
    ["令 and number on two lines", "中华人民共和国国务院令\n第800号\n《某某管理条例》已经2020年1月1日国务院第1次常务会议通过，现予公布，自2020年3月1日起施行。\n总理　某某\n2020年1月10日\n某某管理条例\n第一条　为了规范某某，制定本条例。\n",
      { issuer: "中华人民共和国国务院", docNumber: "中华人民共和国国务院令第800号", title: "某某管理条例", issueDate: "2020-01-10", year: 2020 }],
    ["令 header run into its text", "某某部令第12号现公布《某某办法》，自2021年1月1日起施行。\n部长　某某\n2020年12月1日\n某某办法\n第一条　为了规范某某，制定本办法。\n",
      { issuer: "某某部", docNumber: "某某部令第12号", title: "某某办法", issueDate: "2020-12-01", year: 2020 }],
    ["title above the 令, number in brackets", "甲市某某管理办法\n甲市人民政府令\n\n（第16号）\n　　《甲市某某管理办法》已经2020年4月29日市人民政府常务会议审议通过，现予公布，自2020年6月15日起施行。\n市长 某某\n\n2020年5月15日\n甲市某某管理办法\n第一章　总　则\n第一条　为了规范某某，制定本办法。\n",
      { issuer: "甲市人民政府", docNumber: "甲市人民政府令第16号", title: "甲市某某管理办法", issueDate: "2020-05-15", year: 2020 }],
  ])("a 令 page: %s", (_, text, want) => {
    const d = doc(text);
    expect({ issuer: d.issuer, docNumber: d.docNumber?.raw, title: d.title, issueDate: d.issueDate, year: d.year }).toEqual(want);
  });
  it("joins a title printed over two paragraphs whose first line ends in 文件", () => {
    const r = doc("甲市人民政府办公室关于进一步规范行政规范性文件\n\n备案审查工作的通知\n\n甲政办发〔2020〕3号\n\n各区人民政府：\n\n现将有关事项通知如下。\n\n甲市人民政府办公室\n\n2020年2月1日\n", true);
    expect(r.title).toBe("甲市人民政府办公室关于进一步规范行政规范性文件备案审查工作的通知");
    expect(r.docNumber?.raw).toBe("甲政办发〔2020〕3号");
  });
  it("a sentence that cites a 令 is not a 令 header", () => {
    const d = doc("关于做好某项工作的通知\n各区人民政府：\n根据国务院令第588号的规定，现通知如下。\n甲市人民政府\n2020年1月1日\n");
    expect(d.docNumber).toBeNull();
    expect(d.title).toBe("关于做好某项工作的通知");
  });
  it("a title ending in 命令 is not a 令 header", () => {
    const d = doc("关于某事项的命令\n各单位：\n现命令如下。\n甲市人民政府\n2020年1月1日\n");
    expect(d.docNumber).toBeNull();
    expect(d.title).toBe("关于某事项的命令");
  });
});
