/**
 * A metadata block printed in the text (GOLD.md "Header fields"): label/value cells of a table row,
 * or a label and its value on one line (spaces, a full-width space, a colon). Whatever the layout,
 * the block states the 文号 (and, when the notice prints none, the title, 发文机关, 成文日期), and
 * its lines are never the title.
 */
import { describe, expect, it } from "vitest";
import { parseDocNumber } from "../../src/extract/doc-number.js";
import { printedMeta } from "../../src/extract/header-meta.js";
import { readTextString } from "../../src/input/index.js";
import { parseNotice } from "../../src/index.js";
import { SourceText } from "../../src/text/source-text.js";

const BODY = "某市人民政府办公室关于印发甲乙工作方案的通知\n各区人民政府：\n现印发给你们。\n某市人民政府办公室\n2024年2月4日\n一、做好甲项工作。（责任单位：市发展改革委）";
const doc = (head: string) => parseNotice(`${head}\n${BODY}`, { format: "text" }).document;

describe("metadata block printed as cells or aligned lines → 文号, title untouched", () => {
  it.each([
    ["two-cell rows", "标题\t某市人民政府办公室关于印发甲乙工作方案的通知\n文号\t某府办发〔2024〕3号\n发布日期\t2024-02-05"],
    ["four-cell row", "索引号\t000123/2024-00045\t发文字号\t某府办发〔2024〕3号\n主题分类\t城乡建设\t发布日期\t2024-02-05"],
    ["label and spaces", "标题    某市人民政府办公室关于印发甲乙工作方案的通知\n文号    某府办发〔2024〕3号\n发布日期    2024-02-05"],
    ["full-width space, spaced label", "文\u3000\u3000号\u3000某府办发〔2024〕3号\n索引号\u3000000123/2024-00045"],
    ["colon inside a cell", "索引号：000123/2024-00045\t文号：某府办发〔2024〕3号"],
    ["one 文号 line alone", "文号  某府办发〔2024〕3 号"],
    ["label glued to the value", "文号某府办发〔2024〕3号"],
  ])("%s", (_, head) => {
    const d = doc(head);
    expect(d.docNumber).toMatchObject({ raw: "某府办发〔2024〕3号", agency: "某府办发", year: 2024, serial: 3 });
    expect(d.title).toBe("某市人民政府办公室关于印发甲乙工作方案的通知");
  });
});

describe("fields the notice does not print come from the block", () => {
  it("发文机关 and 成文日期 of a page's metadata table, when no signature or date closes the notice", () => {
    const d = parseNotice("索引号\t000123/2024-00045\t发文机关\t某市人民政府\n成文日期\t2024年2月4日\t发文字号\t某政发〔2024〕7号\n各区人民政府：\n一、做好甲项工作。", { format: "text" }).document;
    expect(d).toMatchObject({ issuer: "某市人民政府", issueDate: "2024-02-04", docNumber: { raw: "某政发〔2024〕7号" } });
  });
});

describe("not a metadata block", () => {
  const lines = (s: string) => [...printedMeta(new SourceText(readTextString(s, "text", "utf-8"))).lines];
  it.each([
    ["a task table whose header has a label word", "序号\t名称\t责任单位\n1\t甲项目\t市发展改革委\n2\t乙项目\t市财政局"],
    ["one label line of the text (a sentence)", "来源 于基层的做法要总结推广。\n一、做好甲项工作。"],
    ["a label without a value", "标题\n关于X的通知"],
  ])("%s", (_, text) => expect(lines(text)).toEqual([]));
});

describe("parseDocNumber drops a label glued to the number", () => {
  it.each([
    ["文号某府办发〔2024〕3号", "某府办发"],
    ["发文字号某政发[2023]12号", "某政发"],
    ["某文号办〔2023〕1号", "某文号办"], // a label inside an agency name is not one
  ])("%s", (s, agency) => expect(parseDocNumber(s)?.agency).toBe(agency));
});
