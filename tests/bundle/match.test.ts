import { describe, expect, it } from "vitest";
import { attachmentNumber, matchAttachments, titleKey } from "../../src/bundle/match.js";

const list = [
  { number: 1, title: "2023年度重点工作任务清单" },
  { number: 2, title: "责任分工方案" },
  { number: 3, title: "项目推进计划表" },
];
const file = (name: string, firstLines: string[] = [], label?: string) => ({ name, firstLines, ...(label ? { label } : {}) });

describe("attachmentNumber", () => {
  const cases: [string, number | null][] = [
    ["附件2：任务分解表.xls", 2], ["附件 3-项目清单.docx", 3], ["附件二 分工方案", 2], ["附表1", 1], ["附件12.pdf", 12],
    ["【附件1】清单", 1], ["附件：清单", null], ["P020230101.xls", null], ["关于附件2的说明", null],
  ];
  it.each(cases)("%s → %s", (s, n) => expect(attachmentNumber(s)).toBe(n));
});

describe("titleKey", () => {
  it("drops white space, punctuation and a 附件N label", () => {
    expect(titleKey("附件1：2023 年度 重点工作任务清单")).toBe("2023年度重点工作任务清单");
    expect(titleKey("《责任分工方案》")).toBe("责任分工方案");
  });
});

describe("matchAttachments", () => {
  const cases: { name: string; files: ReturnType<typeof file>[]; want: [number, string][] }[] = [
    { name: "by the title in the first line", files: [file("b.docx", ["责任分工方案"]), file("a.xlsx", ["2023 年度重点工作任务清单", "序号 重点任务"])], want: [[2, "title"], [1, "title"]] },
    { name: "by the title in the file name", files: [file("附件3：项目推进计划表.xls")], want: [[3, "title"]] },
    { name: "by the link text of a saved page", files: [file("P0201.xls", [], "附件1.2023年度重点工作任务清单.xls")], want: [[1, "title"]] },
    { name: "by the 附件N in the name", files: [file("附件2.doc", ["各单位分工如下"])], want: [[2, "number"]] },
    { name: "by the 附件N in the first line", files: [file("x.doc", ["附件3", "推进安排"])], want: [[3, "number"]] },
    { name: "by order for the entries still open", files: [file("x.doc", ["甲"]), file("附件1.xls"), file("y.doc", ["乙"])], want: [[2, "order"], [1, "number"], [3, "order"]] },
    { name: "a file beyond the list is numbered after it", files: [file("a.doc", ["2023年度重点工作任务清单"]), file("b.doc", ["责任分工方案"]), file("c.doc", ["项目推进计划表"]), file("d.txt", ["政策解读"])], want: [[1, "title"], [2, "title"], [3, "title"], [4, "unlisted"]] },
    { name: "a file printing a number the list lacks keeps it", files: [file("附件5.pdf", ["另一份材料"])], want: [[5, "unlisted"]] },
  ];
  it.each(cases)("$name", ({ files, want }) => {
    expect(matchAttachments(list, files).map((m) => [m.number, m.by])).toEqual(want);
  });
  it("without a list every file is unlisted, numbered from 1", () => {
    expect(matchAttachments([], [file("a.xls", ["任务表"]), file("b.xls", ["清单"])]).map((m) => [m.number, m.by, m.title])).toEqual([[1, "unlisted", "任务表"], [2, "unlisted", "清单"]]);
  });
});
