import { describe, expect, it } from "vitest";
import { matchMarker } from "../../src/extract/section-marker.js";
import { fold } from "../../src/text/chars.js";

const valid: [string, string, number, string][] = [
  ["一、工作目标", "zh", 1, "一、"],
  ["十三、保障措施", "zh", 13, "十三、"],
  ["二十一、附则", "zh", 21, "二十一、"],
  // a heading whose text starts with a number (a year, a count) is still a heading
  ["一、2022年工作目标", "zh", 1, "一、"],
  ["三、12345热线", "zh", 3, "三、"],
  ["二.重点任务", "zh", 2, "二."],
  ["（一）助力优化政策环境", "zhParen", 1, "（一）"],
  ["(十四)常态化", "zhParen", 14, "(十四)"],
  ["（二十一）本工作要点", "zhParen", 21, "（二十一）"],
  ["1.主动公开", "num", 1, "1."],
  ["19. 组织举办", "num", 19, "19."],
  ["2．加大", "num", 2, "2．"],
  ["3、完善", "num", 3, "3、"],
  ["（1）建立", "numParen", 1, "（1）"],
  ["(2)推进", "numParen", 2, "(2)"],
  ["⑴完善", "numParen", 1, "⑴"],
  ["3）落实", "numParen", 3, "3）"],
  ["①加强", "circled", 1, "①"],
  ["⑳收尾", "circled", 20, "⑳"],
  // regulations and measures: 第X章 › 第X节 › 第X条, with or without a space before the text
  ["第一章 总则", "chapter", 1, "第一章"],
  ["第十二章附则", "chapter", 12, "第十二章"],
  ["第三节 监督检查", "section", 3, "第三节"],
  ["第五条 本办法所称公共数据，是指…", "article", 5, "第五条"],
  ["第二十一条各级部门应当…", "article", 21, "第二十一条"],
  ["第一百零二条 本条例自公布之日起施行。", "article", 102, "第一百零二条"],
  ["第三条中央和地方按照职责分工负责。", "article", 3, "第三条"],
  ["第 8 条 适用范围", "article", 8, "第 8 条"],
];
const invalid = [
  // a citation that happens to start a line is not an article marker
  "第十二条规定的情形",
  "第五条的规定",
  "第三条、第四条所列事项",
  "第八条第二款",
  "第六条和第七条",
  "第一条",
  "第一章",
  "第一期工程",
  "1.3万户", "2022年底前", "12345政务服务", "一是加强", "十三五规划", "（此件公开发布）", "1.", "（一）", "(2021年8月)", "2.5亿元", "一.5倍", "二..."];

describe("matchMarker", () => {
  it.each(valid)("%s", (text, family, ordinal, marker) => {
    const m = matchMarker(fold(text));
    expect(m).toMatchObject({ family, ordinal });
    expect(text.slice(0, m!.markerLength)).toBe(marker);
  });
  it.each(invalid)("not a marker: %s", (text) => expect(matchMarker(fold(text))).toBeNull());
});
