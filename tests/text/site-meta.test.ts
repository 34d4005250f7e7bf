import { describe, expect, it } from "vitest";
import { parseNotice } from "../../src/index.js";
import { lineBlocks } from "../../src/text/blocks.js";
import { stripSiteMeta } from "../../src/text/site-meta.js";

const kept = (src: string): string[] => stripSiteMeta(lineBlocks(src)).blocks.map((b) => b.text.trim());
const meta = (src: string): Record<string, string> => stripSiteMeta(lineBlocks(src)).meta;

// Invented notices with the metadata shapes of crawlers, legal databases and web pages.
const cases: [string, string, string[], Record<string, string>][] = [
  [
    "a crawler header closed by a separator: site fields are not the notice's",
    "标题: 某县关于开展检查的通知\n发布时间: 2021-05-06 09:30\n文号: 某政〔2021〕3号\n发布机构: 某县门户网站\n栏目: 通知公告\n原文链接: https://example.org/a.htm\n==== 正文 ====\n某县关于开展检查的通知\n各乡镇：",
    ["某县关于开展检查的通知", "各乡镇："],
    { 标题: "某县关于开展检查的通知", 文号: "某政〔2021〕3号" },
  ],
  [
    "database citation lines and the title printed twice",
    "    【数据库引证码】 ABC.12.345\n原文链接：https://example.org/x.html\n某市关于印发管理办法的通知\n某市关于印发管理办法的通知\n某政发〔2020〕1号\n各区政府：",
    ["某市关于印发管理办法的通知", "某政发〔2020〕1号", "各区政府："],
    {},
  ],
  [
    "a page's metadata table, key and value on one line or on two",
    "索 引 号：000/2019-1\n主题分类：综合政务\n发文机关：\n某省人民政府\n成文日期：2019年01月27日\n标　　题：某省关于加强管理的意见\n发文字号：某政发〔2019〕5号\n发布日期：2019年02月15日\n某省关于加强管理的意见\n各市人民政府：",
    ["某省关于加强管理的意见", "各市人民政府："],
    { 发文机关: "某省人民政府", 成文日期: "2019年01月27日", 标题: "某省关于加强管理的意见", 文号: "某政发〔2019〕5号" },
  ],
  [
    "breadcrumb, page title and page time above the notice; widgets, 来源, 附件下载 and file links below",
    "当前位置：首页 > 政务公开 > 通知\n某县关于开展检查的通知\n时间：2021-05-06 09:30\n微信 微博 QQ空间\n某县关于开展检查的通知\n各乡镇：\n请认真落实。\n某县人民政府\n2021年5月6日\n来源：某县人民政府\n附件下载\n检查表.docx\n【打印本页】 【关闭窗口】",
    ["某县关于开展检查的通知", "各乡镇：", "请认真落实。", "某县人民政府", "2021年5月6日"],
    { 标题: "某县关于开展检查的通知" },
  ],
];

describe("stripSiteMeta", () => {
  it.each(cases)("%s", (_name, src, lines, fields) => {
    expect(kept(src)).toEqual(lines);
    expect(meta(src)).toEqual(fields);
  });

  it.each([
    ["one key-like line in a notice is text", "某县关于开展检查的通知\n标题：要简明\n一、检查范围。"],
    ["a 时间 line that is a sentence", "某县关于开展检查的通知\n时间：2021年5月起，持续三个月。"],
    ["a 来源 sentence in the body", "一、资金保障。\n来源：县财政预算安排，专款专用，不得挪作他用。"],
  ])("keeps %s", (_name, src) => expect(kept(src)).toEqual(src.split("\n")));
});

describe("metadata as a fallback for header fields", () => {
  it("uses what a crawler header states only when the notice does not print it", () => {
    const src = "标题: 某县人民政府关于开展检查的通知\n发布时间: 2021-05-07 09:30\n文号: 某政〔2021〕3号\n发布机构: 某县门户网站\n==== 正文 ====\n各乡镇：\n一、检查范围全县。\n二、检查内容（牵头单位：县应急局）。\n";
    const doc = parseNotice(src).document;
    expect(doc.title).toBe("某县人民政府关于开展检查的通知");
    expect(doc.docNumber?.raw).toBe("某政〔2021〕3号");
    expect(doc.issueDate).toBeNull(); // 发布时间 is the site's, not the 成文日期
    expect(doc.issuer).toBe("某县人民政府"); // from the title, never the site's 发布机构
  });

  it("prefers the notice's own fields", () => {
    const src = "标题: 网页上的标题\n文号: 某政〔2021〕9号\n==== 正文 ====\n某政〔2021〕3号\n某县人民政府关于开展检查的通知\n各乡镇：\n一、检查范围全县。\n某县人民政府\n2021年5月6日\n";
    const doc = parseNotice(src).document;
    expect(doc.title).toBe("某县人民政府关于开展检查的通知");
    expect(doc.docNumber?.raw).toBe("某政〔2021〕3号");
    expect(doc.issueDate).toBe("2021-05-06");
  });

  it("takes 成文日期 and 发文机关 from a metadata table when the text shows none", () => {
    const src = "发文机关：某省人民政府\n成文日期：2019年01月27日\n发文字号：某政发〔2019〕5号\n关于加强管理的意见\n各市人民政府：\n一、总体要求。\n";
    const doc = parseNotice(src).document;
    expect(doc.issuer).toBe("某省人民政府");
    expect(doc.issueDate).toBe("2019-01-27");
    expect(doc.docNumber?.raw).toBe("某政发〔2019〕5号");
  });
});
