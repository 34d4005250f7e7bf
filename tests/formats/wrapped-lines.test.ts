/**
 * 回行: a paragraph the layout wrapped at the right edge of its text is one line again; a line the
 * writer ended (short of the edge, a sentence end, a marker on the next line, a gap) stays a line.
 */
import { describe, expect, it } from "vitest";
import { type Item, layoutPage, layoutPages } from "../../src/input/positioned.js";

const H = 10; // glyph height; one CJK glyph is H wide
const LEFT = 50;
const WIDTH = 20; // glyphs per full line
const PITCH = 16;

/** A line of text at x (glyph units from the left edge) on line number `row` of the page. */
const at = (text: string, row: number, indent = 0, h = H, pitch = PITCH): Item => ({ str: text, x: LEFT + indent * h, y: 100 + row * pitch, w: [...text].length * h, h });

/** Physical lines → the page's blocks (what the text stage reads). */
const blocks = (items: Item[]): string[] => layoutPages([layoutPage(items, [], 800)]).blocks.map((b) => b.text);

/** Filler lines that set the band's text width (full lines of running text). */
const body = (from: number): Item[] => [at("正".repeat(WIDTH - 1) + "。", from), at("正".repeat(WIDTH - 1) + "。", from + 1), at("正".repeat(WIDTH - 1) + "。", from + 2)];

describe("wrapped lines of a PDF page", () => {
  it.each<[string, Item[], string[]]>([
    [
      "a unit name broken at the right edge is joined",
      [at("市甲委、市乙委、市丙委、市丁改革委、市市", 0), at("场监管局", 1)],
      ["市甲委、市乙委、市丙委、市丁改革委、市市场监管局"],
    ],
    ["a line short of the edge ends its item", [at("市甲委", 0), at("市乙局", 1)], ["市甲委", "市乙局"]],
    ["a full line that ends a sentence is left to the text stage", [at("推进甲工作，完善乙机制，做好丙事项。", 0, 2), at("加强丁工作", 1)], ["推进甲工作，完善乙机制，做好丙事项。", "加强丁工作"]],
    ["a numbered item on the next line starts its own line", [at("推进甲工作，完善乙机制，做好丙事项和丁", 0), at("（二）加强戊工作", 1)], ["推进甲工作，完善乙机制，做好丙事项和丁", "（二）加强戊工作"]],
    ["an indented next line is a new paragraph", [at("推进甲工作，完善乙机制，做好丙事项和丁", 0), at("加强戊工作", 1, 2)], ["推进甲工作，完善乙机制，做好丙事项和丁", "加强戊工作"]],
    ["a wider gap is a new paragraph", [at("推进甲工作，完善乙机制，做好丙事项和丁", 0), at("加强戊工作", 2.5)], ["推进甲工作，完善乙机制，做好丙事项和丁", "加强戊工作"]],
    ["a heading in a larger type is not joined", [at("推进甲工作，完善乙机制，做好丙事项和丁", 0), at("加强戊工作", 1, 0, 16)], ["推进甲工作，完善乙机制，做好丙事项和丁", "加强戊工作"]],
    ["three lines of one paragraph become one", [at("推进甲工作，完善乙机制，做好丙事项和丁", 0, 0), at("事项，落实戊措施，健全己制度，强化庚保", 1), at("障。", 2)], ["推进甲工作，完善乙机制，做好丙事项和丁事项，落实戊措施，健全己制度，强化庚保障。"]],
  ])("%s", (_name, lines, expected) => {
    // the filler sits well below (a paragraph gap), so it never joins the lines under test
    const filler = body(10);
    expect(blocks([...lines, ...filler]).slice(0, -3)).toEqual(expected);
  });

  it("leaves a page of short cells alone: no line reaches a text margin", () => {
    const cells = ["序号", "甲区", "1.5-2", "1", "乙区", "0.3-0.4", "丙区"].map((t, i) => at(t, i));
    expect(blocks(cells)).toEqual(["序号", "甲区", "1.5-2", "1", "乙区", "0.3-0.4", "丙区"]);
  });

  it("joins Latin words with a space", () => {
    const lines = [at("推进甲工作，完善乙机制，做好丙Solar", 0), at("Power 项目", 1)];
    expect(blocks([...lines, ...body(10)])[0]).toBe("推进甲工作，完善乙机制，做好丙Solar Power 项目");
  });

  it("drops a line at the top of both pages of a two-page notice (a running header)", () => {
    const page = (first: string): ReturnType<typeof layoutPage> => layoutPage([at("甲乙公报", -3), at(first, 1), ...body(3)], [], 800);
    const { blocks: out } = layoutPages([page("第一页的标题"), page("第二页的正文")]);
    expect(out.map((b) => b.text).filter((t) => t.includes("公报"))).toEqual([]);
  });
});
