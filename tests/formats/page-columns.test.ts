/** 分栏: a page set in two text columns reads column by column; other pages keep their one band. */
import { describe, expect, it } from "vitest";
import { columnBands, type PositionedItem } from "../../src/input/page-columns.js";

const H = 10; // glyph height; one CJK glyph is H wide
/** A line of `n` glyphs starting at x on baseline y (one item, as a PDF producer often paints it). */
const line = (x: number, y: number, n: number, ch = "字"): PositionedItem => ({ str: ch.repeat(n), x, y, w: n * H, h: H });
/** A column of running text: full lines of `n` glyphs, every third line a paragraph's shorter last line. */
const column = (x: number, n: number, lines: number, ch: string, top = 100): PositionedItem[] =>
  Array.from({ length: lines }, (_, i) => line(x, top + i * 16, i % 3 === 2 ? Math.ceil(n / 3) : n, ch));
const strs = (band: readonly PositionedItem[]): string => band.map((it) => it.str[0]).join("");

describe(columnBands.name, () => {
  it("splits two columns of running text, with the running header above and the page number below", () => {
    const header = line(250, 60, 6, "刊");
    const pageNo = { str: "· 3 ·", x: 290, y: 800, w: 20, h: H };
    const left = column(50, 23, 30, "左");
    const right = column(300, 23, 30, "右");
    const bands = columnBands([header, ...left.flatMap((l, i) => [l, right[i]!]), pageNo]);
    expect(bands.map(strs)).toEqual(["刊", "左".repeat(30), "右".repeat(30), "·"]);
  });

  it("keeps a short heading that ends the left column in it, one line below the columns' last running line", () => {
    const left = column(50, 23, 30, "左");
    const right = column(300, 23, 30, "右");
    const heading = line(60, 100 + 30 * 16, 5, "标"); // too short to count as running text
    const pageNo = { str: "· 3 ·", x: 290, y: 100 + 30 * 16 + 50, w: 20, h: H };
    const bands = columnBands([...left, ...right, heading, pageNo]);
    expect(bands.map(strs)).toEqual(["", "左".repeat(30) + "标", "右".repeat(30), "·"]);
  });

  it("splits a last page whose right column holds only a few lines", () => {
    const bands = columnBands([...column(50, 23, 20, "左"), ...column(300, 23, 2, "右")]);
    expect(bands.map((b) => b.length)).toEqual([0, 20, 2, 0]);
  });

  it.each<[string, PositionedItem[]]>([
    ["one column of running text", column(50, 48, 30, "正")],
    ["one column beside a short signature and date on the right", [...column(50, 48, 20, "正"), line(350, 500, 12, "署"), line(380, 516, 9, "日")]],
    // a borderless table: white gutters between its columns, but its cells do not fill them
    ["a borderless table of short cells", Array.from({ length: 12 }, (_, i) => [line(50, 100 + 16 * i, 2, "号"), line(120, 100 + 16 * i, 8, "任"), line(330, 100 + 16 * i, 5, "局")]).flat()],
    ["too few lines to tell", [...column(50, 23, 3, "左"), ...column(300, 23, 3, "右")]],
  ])("keeps %s as one band", (_name, items) => {
    expect(columnBands(items)).toEqual([items]);
  });

  it("is linear: a page of many items is split in one pass", () => {
    const left = column(50, 23, 5000, "左");
    const right = column(300, 23, 5000, "右");
    const t = performance.now();
    expect(columnBands([...left, ...right]).map((b) => b.length)).toEqual([0, 5000, 5000, 0]);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});
