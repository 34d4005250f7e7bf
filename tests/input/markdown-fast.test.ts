/**
 * The one-pass Markdown reader gives exactly the blocks of the remark reader (text, every offset,
 * block ends and kinds) whenever it accepts a source, and declines anything outside its shape.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emphasisMask, readMarkdownFast } from "../../src/input/markdown-fast.js";
import { looksLikeMarkdown } from "../../src/input/markdown.js";
import { readMarkdownTree } from "../../src/input/markdown-tree.js";

const shape = (blocks: readonly { text: string; offsets: Int32Array; end: number; kind?: string }[]): unknown[] =>
  blocks.map((b) => [b.text, [...b.offsets], b.end, b.kind ?? null]);

/** Fast blocks when the fast reader accepts the source (and then they must equal the tree's), else null. */
function agree(md: string): unknown[] | null {
  const fast = readMarkdownFast(md);
  if (!fast) return null;
  expect(shape(fast.blocks)).toEqual(shape(readMarkdownTree(md, "utf-8").blocks));
  return shape(fast.blocks);
}

describe("readMarkdownFast: accepted shapes read exactly as remark reads them", () => {
  it.each([
    "# 某某关于印发工作方案的通知\n\n各区人民政府：\n\n一、总体要求\n（一）基本原则。\n",
    "---\n标题: 某通知\n文号: 某发〔2024〕1号\n---\n\n> 本文由脚本提取，仅供检索。\n> 以官方发布版本为准。\n\n# 某通知\n\n正文。",
    "某某人民政府办公室  \n2024年1月2日\n\n附件",
    "第一行 \n第二行   \n\n末行  ",
    "## **二、强化保障\n\n## 一、以公开促规范**\n\n一、甲**乙**丙\n**（一）**丁\n***三***四**五*六",
    "a**b*c*d**e ***f* g** h*（i）*，**“j”**k",
    "前文\n\n---\n\n***\n\n后文",
    "| 序号 | 任务 | 牵头单位 |\n| --- | :---: | ---: |\n| 1 | 甲 | 乙局 |\n|2|丙||\n\n后文",
    "# 标题\n| a | b |\n|-|-|\n| c | d |",
    "# 甲\n正文#\n",
    "　　全角空格开头的一段。\n　　第二行。\n",
  ])("%j", (md) => expect(agree(md)).not.toBeNull());

  it("keeps the offsets of the characters that are text", () => {
    const md = "甲**乙**丙";
    expect(agree(md)).toEqual([["甲乙丙", [0, 3, 6], 7, null]]);
  });
});

describe("readMarkdownFast: declines what it does not model", () => {
  it.each([
    "- 列表项\n- 列表项",
    "1. 有序列表",
    "甲\n===",
    "甲\n---",
    "甲\n--",
    "见[链接](http://example.com)",
    "甲\\*乙",
    "甲&amp;乙",
    "`代码`",
    "```\n代码\n```",
    "<div>甲</div>",
    "    缩进代码",
    "  缩进的段落",
    "甲\n> 引文打断段落",
    "正文\n\n> 正文之后的引文",
    "> 引文\n懒续行",
    "| a | b |\n| --- | --- |\n| c | d | e |",
    "| a | b |\n| --- |",
    "| **a** | b |\n| --- | --- |",
    "| a | b |\n| --- | --- |\n续行",
    "甲\n| a | b |\n| --- | --- |",
    "~~删除~~",
    "甲\t乙",
    "甲\r\n乙",
    "**http://example.com/*x***",
    "---\n未闭合的前言",
    "#标题",
    "# 标题 #",
  ])("%j", (md) => expect(readMarkdownFast(md)).toBeNull());
});

describe("emphasisMask: CommonMark's delimiter runs with CJK punctuation", () => {
  const kept = (s: string): string => [...s].filter((_, i) => !emphasisMask(s)?.[i]).join("");
  it.each([
    { md: "甲**乙**丙", want: "甲乙丙" },
    { md: "甲**（一）**丙", want: "甲**（一）**丙" }, // punctuation inside, letters outside: not flanking
    { md: "**（一）**丙", want: "**（一）**丙" }, // the closer is punctuation before a letter: not right-flanking
    { md: "**（一）** 丙", want: "（一） 丙" },
    { md: "***甲**", want: "*甲" },
    { md: "**甲***", want: "甲*" },
    { md: "*甲**乙*", want: "甲**乙" },
    { md: "** 甲**", want: "** 甲**" },
  ])("$md → $want", ({ md, want }) => {
    expect(kept(md)).toBe(want);
    expect((agree(md)?.[0] as unknown[])[0]).toBe(want);
  });
});

describe("readMarkdownFast stays linear", () => {
  it("declines runs that would cost more than a few steps per character to pair", () => {
    const hostile = " **a".repeat(20_000) + "a*a".repeat(20_000);
    const t = performance.now();
    expect(emphasisMask(hostile)).toBeNull();
    expect(performance.now() - t).toBeLessThan(2_000);
  });
});

describe("readMarkdownFast agrees with remark on every Markdown fixture", () => {
  const files = ["fixtures", "seeds"].flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(md|txt)$/u.test(e.name))
      .map((e) => join(e.parentPath, e.name)),
  );
  const docs = files
    .map((f) => ({ f, md: readFileSync(f, "utf8").replace(/^\uFEFF/u, "") }))
    .filter(({ f, md }) => f.endsWith(".md") || looksLikeMarkdown(md));
  it("finds Markdown fixtures to compare", () => expect(docs.length).toBeGreaterThan(3));
  it.each(docs)("$f", ({ md }) => void agree(md));
});

describe("readMarkdownFast agrees with remark on generated documents", () => {
  const piece = fc.constantFrom(
    "甲", "乙丙", "一、", "（一）", "1.", "，", "。", "“", "”", "《", "》", "a", "b", " ", "  ", "　", "*", "**", "***",
    "\n", "\n", "\n\n", "\n# ", "\n## ", "\n---\n", "\n***\n", "\n> ", "\n| a | b |\n| --- | --- |\n| c | d |\n", "#", "|", "-", "_", "2024年",
  );
  it("on runs of markdown-ish pieces", () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => void agree(parts.join(""))), { numRuns: Number(process.env.MD_FAST_RUNS ?? 500) });
  });
});
