/**
 * Word 97–2003 (.doc, Word-compatible .wps): Word's marks become paragraphs and TAB rows, fields keep
 * only their results, hidden text / soft hyphens / note anchors never reach the text, only the main
 * story is read, and every damaged, encrypted or hostile file ends quickly in a typed error.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fieldResults, wordBlocks } from "../../src/input/doc.js";
import { fixture, offsetErrors, read } from "./helpers.js";

const rows = (story: string): { text: string; kind?: string }[] =>
  wordBlocks(story).blocks.map((b) => (b.kind ? { text: b.text, kind: b.kind } : { text: b.text }));

describe("wordBlocks: Word's marks as paragraphs and table rows", () => {
  it.each<{ name: string; story: string; want: { text: string; kind?: string }[] }>([
    { name: "paragraph ends", story: "第一段\r第二段\r", want: [{ text: "第一段" }, { text: "第二段" }] },
    { name: "empty paragraphs are not blocks", story: "甲\r\r  \r乙", want: [{ text: "甲" }, { text: "乙" }] },
    { name: "line and page breaks end a line", story: "标题\x0b副题\x0c正文\r", want: [{ text: "标题" }, { text: "副题" }, { text: "正文" }] },
    {
      name: "a data table between paragraphs",
      story: "表前\r序号\x07工作任务\x07牵头单位\x07\n1\x07任务一\x07县财政局\x07\n表后\r",
      want: [{ text: "表前" }, { text: "序号\t工作任务\t牵头单位", kind: "row" }, { text: "1\t任务一\t县财政局", kind: "row" }, { text: "表后" }],
    },
    {
      name: "a cell's paragraphs stay in the cell (joined like a wrapped line)",
      story: "序号\x07任务\x07\n1\x07前半段\x10后半段\x07\n",
      want: [{ text: "序号\t任务", kind: "row" }, { text: "1\t前半段后半段", kind: "row" }],
    },
    {
      name: "an empty cell is still a cell",
      story: "序号\x07任务\x07单位\x07\n2\x07\x07县教育局\x07\n",
      want: [{ text: "序号\t任务\t单位", kind: "row" }, { text: "2\t\t县教育局", kind: "row" }],
    },
    { name: "a TAB inside a cell is not a cell separator", story: "甲\x07乙\t丙\x07\n丁\x07戊\x07\n", want: [{ text: "甲\t乙 丙", kind: "row" }, { text: "丁\t戊", kind: "row" }] },
    { name: "a TAB in a paragraph is kept", story: "名称\t内容\r", want: [{ text: "名称\t内容" }] },
    { name: "a layout box (one cell a row) is ordinary text", story: "框内第一段\x07\n框内第二段\x07\n正文\r", want: [{ text: "框内第一段" }, { text: "框内第二段" }, { text: "正文" }] },
    { name: "soft hyphens go, a non-breaking hyphen is a hyphen", story: "信息公\x1f开\u00ad工作\x1eA\r", want: [{ text: "信息公开工作-A" }] },
    { name: "pictures, drawn objects, note and comment anchors, deleted text are not text", story: "正\x01文\x08内\x02容\x05。\x00\x00\r", want: [{ text: "正文内容。" }] },
  ])("$name", ({ story, want }) => expect(rows(story)).toEqual(want));

  it("a cell merged over rows is repeated in each row it spans", () => {
    const story = "序号\x07任务\x07牵头单位\x07\n1\x07任务一\x07县财政局\x07\n2\x07任务二\x07\x07\n3\x07任务三\x07\x07\n";
    const merges = [[false, false, false], [false, false, false], [false, false, true], [false, false, false]];
    expect(rows(story).length).toBe(4);
    expect(wordBlocks(story, merges).blocks.map((b) => b.text)).toEqual(["序号\t任务\t牵头单位", "1\t任务一\t县财政局", "2\t任务二\t县财政局", "3\t任务三\t"]);
    // properties that do not match the rows are ignored rather than misapplied
    expect(wordBlocks(story, merges.slice(1)).blocks[2]!.text).toBe("2\t任务二\t");
  });

  it("offsets point into the source, one line per block", () => {
    const { source, blocks } = wordBlocks("表前\r序号\x07任务\x07\n1\x07前\x10后\x07\n表后\r");
    expect(source).toBe("表前\n序号\t任务\n1\t前后\n表后\n");
    for (const b of blocks) expect(source.slice(b.offsets[0], b.end)).toBe(b.text);
  });

  it("is linear on a long story of marks", () => {
    const story = "字\x07".repeat(50_000) + "\n" + "\x13".repeat(50_000) + "甲\r";
    const t = performance.now();
    wordBlocks(story);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

describe("fieldResults: a field shows its result, never its code", () => {
  it.each([
    ["a field with a result", "第\x13 PAGE \x143\x15页", "第3页"],
    ["a hyperlink", "见\x13 HYPERLINK \"http://x\" \x14网站\x15。", "见网站。"],
    ["a field inside a field's code", "\x13 IF \x13 PAGE \x141\x15 = 1 \x14是\x15", "是"],
    ["a field inside a field's result", "\x13 QUOTE \x14甲\x13 PAGE \x142\x15乙\x15", "甲2乙"],
    ["a field without a result", "目录\x13 TC \"一\" \x15项", "目录项"],
    ["an unclosed field hides the rest of its code only", "甲\x13 PAGE ", "甲"],
    ["a stray end mark", "甲\x15乙", "甲乙"],
  ])("%s", (_name, story, want) => expect(fieldResults(story)).toBe(want));
});

describe("a .doc with every kind of mark (LibreOffice, fixtures/_tools/doc-marks.fodt)", () => {
  it("reads the main story only, without field codes, hidden text or soft hyphens", async () => {
    const d = await read("doc/doc-marks.doc");
    expect(d.format).toBe("doc");
    const texts = d.blocks.map((b) => b.text);
    expect(texts[0]).toBe("第一段：示范县人民政府办公室关于印发工作要点的通知");
    expect(texts[1]).toBe("第二段有隐藏文字和软连字符：信息公开工作。");
    expect(texts[2]).toMatch(/^第三段有域：第1页，日期.+。批注之后。$/u);
    expect(d.blocks.filter((b) => b.kind === "row").map((b) => b.text)).toEqual(["序号\t工作任务\t牵头单位", "1\t第一项任务的前半段第一项任务的后半段\t县财政局", "2\t\t县教育局"]);
    expect(texts.at(-1)).toBe("表后一段。");
    // header, footer, footnote, comment, hidden text and field codes are not body text
    for (const not of ["页眉", "页脚", "脚注", "批注内容", "不应出现", "PAGE", "DATE", "\u00ad", "\x1f"]) expect(d.source).not.toContain(not);
    expect(offsetErrors(d)).toEqual([]);
  });
});

describe("a .doc table with a cell merged over two rows (fixtures/_tools/doc-merged.fodt)", () => {
  it("repeats the merged 牵头单位 in both rows, as the .docx and HTML readers do", async () => {
    const d = await read("doc/doc-merged.doc");
    expect(d.blocks.filter((b) => b.kind === "row").map((b) => b.text)).toEqual(["序号\t工作任务\t牵头单位", "1\t任务一\t县财政局", "2\t任务二\t县财政局", "3\t任务三\t县教育局"]);
  });
});

describe("damaged, encrypted and hostile files end quickly in a typed error", () => {
  it.each([
    ["doc/hostile_cyclic_fat.doc", "E_DOC_CORRUPT"],
    ["doc/hostile_ccptext.doc", "E_DOC_CORRUPT"],
    ["doc/broken_fat.doc", "E_DOC_CORRUPT"],
    ["doc/garbage_after_header.doc", "E_DOC_CORRUPT"],
    ["doc/truncated.doc", "E_DOC_CORRUPT"],
    ["doc/encrypted_fib.doc", "E_ENCRYPTED"],
  ])("%s → %s within seconds", async (file, code) => {
    const t = performance.now();
    await expect(read(file)).rejects.toMatchObject({ code });
    expect(performance.now() - t).toBeLessThan(10_000);
  });

  it("the encrypted error says how to remove the password", async () => {
    await expect(read("doc/encrypted_fib.doc")).rejects.toMatchObject({ code: "E_ENCRYPTED", hint: expect.stringMatching(/另存为/u) });
  });

  it("a .doc with its fEncrypted flag is refused even when forced with --from doc", async () => {
    const bytes = new Uint8Array(readFileSync(fixture("doc/encrypted_fib.doc")));
    const { readInput } = await import("../../src/input/index.js");
    await expect(readInput(bytes, { format: "doc" })).rejects.toMatchObject({ code: "E_ENCRYPTED" });
  });
});
