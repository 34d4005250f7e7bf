import { describe, expect, it } from "vitest";
import { matchMarker } from "../../src/extract/section-marker.js";
import { fold } from "../../src/text/chars.js";

const valid: [string, string, number, string][] = [
  ["一、工作目标", "zh", 1, "一、"],
  ["十三、保障措施", "zh", 13, "十三、"],
  ["二十一、附则", "zh", 21, "二十一、"],
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
];
const invalid = ["1.3万户", "2022年底前", "12345政务服务", "一是加强", "十三五规划", "（此件公开发布）", "1.", "（一）", "(2021年8月)", "2.5亿元"];

describe("matchMarker", () => {
  it.each(valid)("%s", (text, family, ordinal, marker) => {
    const m = matchMarker(fold(text));
    expect(m).toMatchObject({ family, ordinal });
    expect(text.slice(0, m!.markerLength)).toBe(marker);
  });
  it.each(invalid)("not a marker: %s", (text) => expect(matchMarker(fold(text))).toBeNull());
});
