/** Word automatic numbering is written in as text, so that its markers give the task ids. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatNumber, labelNumberedParagraphs, zhNumeral } from "../../src/input/docx-numbering.js";
import { parseBuffer } from "../../src/index.js";
import { fixture, read } from "./helpers.js";

describe("number formats", () => {
  it.each<[number, string, string | null]>([
    [1, "chineseCounting", "一"], [10, "chineseCounting", "十"], [12, "chineseCounting", "十二"], [20, "chineseCountingThousand", "二十"],
    [105, "chineseCounting", "一百零五"], [110, "chineseCounting", "一百一十"], [3, "decimal", "3"], [3, "decimalFullWidth", "３"],
    [2, "decimalEnclosedCircle", "②"], [2, "decimalEnclosedParen", "⑵"], [3, "ideographTraditional", "丙"], [28, "upperLetter", "BB"],
    [4, "lowerRoman", "iv"], [1, "bullet", null],
  ])("%i as %s → %s", (n, fmt, want) => expect(formatNumber(n, fmt)).toBe(want));
  it("zhNumeral covers 1–99 without a leading 一十", () => expect([1, 9, 11, 19, 30, 99].map(zhNumeral)).toEqual(["一", "九", "十一", "十九", "三十", "九十九"]));
});

describe("labelNumberedParagraphs", () => {
  const W = 'xmlns:w="x"';
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num></w:numbering>`;
  const para = (lvl: number | null, text: string): string =>
    `<w:p>${lvl === null ? "" : `<w:pPr><w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="7"/></w:numPr></w:pPr>`}<w:r><w:t>${text}</w:t></w:r></w:p>`;
  it("writes legal numbering, restarts deeper levels, leaves bullets and plain paragraphs alone", () => {
    const doc = [para(0, "甲"), para(1, "乙"), para(1, "丙"), para(0, "丁"), para(1, "戊"), para(2, "己"), para(null, "庚")].join("");
    const { xml, labelled } = labelNumberedParagraphs(doc, numbering);
    expect(labelled).toBe(5);
    const texts = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/gu)].map((m) => [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((t) => t[1]).join(""));
    expect(texts).toEqual(["一、甲", "1.1 乙", "1.2 丙", "二、丁", "2.1 戊", "己", "庚"]);
  });
  it("continues a list across numIds of one abstractNum, restarts at a startOverride", () => {
    const nums = numbering.replace("</w:numbering>", `<w:num w:numId="8"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="9"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>`);
    const p = (num: number, text: string): string => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${num}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const { xml } = labelNumberedParagraphs([p(7, "甲"), p(8, "乙"), p(9, "丙"), p(9, "丁")].join(""), nums);
    expect([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t><\/w:r><w:r>/gu)].map((m) => m[1])).toEqual(["一、", "二、", "一、", "二、"]);
  });

  it("returns the XML unchanged without numbering definitions", () => {
    expect(labelNumberedParagraphs(para(0, "甲"), "")).toEqual({ xml: para(0, "甲"), labelled: 0 });
  });
});

describe("a .docx with automatic numbering", () => {
  it("gets its 一、（一）1. markers back, also from a numbered paragraph style and a start override", async () => {
    const d = await read("docx/auto_numbering.docx");
    const texts = d.blocks.map((b) => b.text);
    expect(texts).toEqual(expect.arrayContaining([
      "一、 加强政策发布解读", "（一） 做好政策文件公开。6月底前完成规章清理。（牵头单位：区司法局）", "二、 提升平台管理水平",
      "1. 年底前完成网站改版。（牵头单位：区大数据局）", "2. 9月底前完成无障碍改造。（牵头单位：区大数据局；配合单位：区残联）",
      "三、 强化组织保障", "（一） 各单位要明确责任分工。（责任单位：各街道办事处）",
    ]));
    expect(d.blocks.filter((b) => b.kind === "row").map((b) => b.text)).toEqual(["序号\t重点任务\t牵头单位\t完成时限", "1\t公开财政预决算\t区财政局\t全年"]);
  });
  it("so the tasks have their ids", async () => {
    const path = fixture("docx/auto_numbering.docx");
    const r = await parseBuffer(new Uint8Array(readFileSync(path)), { path });
    expect(r.tasks.map((t) => [t.id, t.leadUnits, t.deadlines.map((x) => x.date)])).toEqual([
      ["1.1", ["区司法局"], ["2024-06-30"]],
      ["1.2", [], []],
      ["2.1.1", ["区大数据局"], ["2024-12-31"]],
      ["2.1.2", ["区大数据局"], ["2024-09-30"]],
      ["3.1", [], []],
    ]);
  });
});
