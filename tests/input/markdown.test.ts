/**
 * Markdown reader: every source line of a paragraph is a line (soft line breaks are line starts),
 * every character keeps its source offset, and the note quoted above the notice is not the notice.
 */
import { describe, expect, it } from "vitest";
import { alignValue, readMarkdown } from "../../src/input/markdown.js";
import { parseNotice } from "../../src/index.js";

const lines = (md: string): string[] => readMarkdown(md, "utf-8").blocks.map((b) => b.text);

describe("readMarkdown: one block per source line", () => {
  it.each([
    { md: "一、总体要求\n（一）基本原则。\n1.甲事项。", want: ["一、总体要求", "（一）基本原则。", "1.甲事项。"] },
    { md: "一、甲\n\n二、乙\n丙", want: ["一、甲", "二、乙", "丙"] },
    { md: "1.做好**重点**工作\n2.完成`代码`任务", want: ["1.做好重点工作", "2.完成代码任务"] },
    { md: "一、甲\n   （一）缩进的续行", want: ["一、甲", "（一）缩进的续行"] },
    { md: "甲\\*乙&amp;丙\n丁", want: ["甲*乙&丙", "丁"] },
    { md: "# 标题\n正文第一行\n正文第二行", want: ["标题", "正文第一行", "正文第二行"] },
  ])("$md", ({ md, want }) => expect(lines(md)).toEqual(want));

  it("every character of every block maps back to the same character in the source", () => {
    const md = "---\n标题: 某通知\n---\n\n# 某通知\n\n一、甲**乙**丙\n   （一）丁\\*戊&amp;己\n1.庚";
    for (const b of readMarkdown(md, "utf-8").blocks) {
      [...b.text].forEach((ch, i) => expect(md[b.offsets[i]!]).toBe(ch));
    }
  });
});

describe("readMarkdown: what is not the notice", () => {
  it.each([
    { md: "> 本文由脚本提取，仅供参考。\n> 以原文为准。\n\n# 某某通知\n\n正文。", want: ["某某通知", "正文。"] },
    { md: "---\n文号: 某发〔2020〕1号\n---\n\n> 转载说明。\n\n# 某某通知\n", want: ["某某通知"] },
  ])("a quote before everything else is dropped: $md", ({ md, want }) => expect(lines(md)).toEqual(want));

  it("a quote inside the notice is kept", () => {
    expect(lines("# 某某通知\n\n> 引文一行。\n\n正文。")).toEqual(["某某通知", "引文一行。", "正文。"]);
  });

  it("front matter keys are metadata, never blocks", () => {
    const r = readMarkdown("---\n文号: 某发〔2020〕1号\n标题: 某某通知\n---\n\n正文。", "utf-8");
    expect(r.meta).toMatchObject({ 文号: "某发〔2020〕1号" });
    expect(r.blocks.map((b) => b.text)).toEqual(["正文。"]);
  });
});

describe("alignValue", () => {
  it.each([
    { value: "甲乙", source: "甲乙", want: [0, 1] },
    { value: "甲\n乙", source: "甲\n   乙", want: [0, 1, 5] },
    { value: "*甲", source: "\\*甲", want: [1, 2] },
    { value: "&甲", source: "&amp;甲", want: [0, 5] },
  ])("$source", ({ value, source, want }) => expect([...alignValue(value, source, 0, source.length)]).toEqual(want));

  it("stays linear when the value and the source disagree everywhere", () => {
    const value = "甲".repeat(200_000);
    const source = "乙".repeat(200_000);
    const t = performance.now();
    alignValue(value, source, 0, source.length);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe("Markdown notice whose lines are not separated by blank lines", () => {
  const md = [
    "---",
    "标题: 某区关于印发某方案的通知",
    "---",
    "",
    "> 本文正文由脚本提取，仅供检索。",
    "",
    "# 某区关于印发某方案的通知",
    "",
    "各街镇：",
    "现将方案印发给你们。",
    "某区人民政府",
    "2024年3月1日",
    "",
    "某方案",
    "一、主要任务",
    "（一）完善制度。建立工作台账。（牵头单位：区甲局；配合单位：区乙局）",
    "（二）加强监管。开展专项检查。（区丙局牵头，各街镇配合）",
    "二、保障措施",
    "（一）加强领导。各单位要高度重视。",
  ].join("\n");
  const r = parseNotice(md, { format: "markdown" });

  it("reads the items at line starts and their clauses", () => {
    expect(r.tasks.map((t) => t.id)).toEqual(["1.1", "1.2", "2.1"]);
    expect(r.tasks[0]).toMatchObject({ leadUnits: ["区甲局"], supportUnits: ["区乙局"] });
    expect(r.tasks[1]).toMatchObject({ leadUnits: ["区丙局"], supportUnits: ["各街镇"] });
  });

  it("reads the signature and the date on their own lines", () => {
    expect(r.document.issueDate).toBe("2024-03-01");
    expect(r.document.title).toBe("某区关于印发某方案的通知");
  });

  it("task spans point at the marker in the source", () => {
    const t = r.tasks[0]!;
    expect(md.slice(t.source.start, t.source.start + 3)).toBe("（一）");
  });
});
