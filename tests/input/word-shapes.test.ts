/**
 * Word shapes that offices write and LibreOffice's exports do not: each is read as the text Word shows.
 * Small files written in the test (tests/helpers/make-docx.ts), read in-process.
 */
import { describe, expect, it } from "vitest";
import { readDocxInProcess } from "../../src/input/docx.js";
import { unwrapSimpleFields } from "../../src/input/docx-numbering.js";
import { parseDecoded } from "../../src/pipeline.js";
import { makeDocx, p, para, run, table } from "../helpers/make-docx.js";

/** 一、/（一） as a heading style's multilevel list; a list style (numStyleLink) whose levels another definition owns (styleLink). */
const NUMBERING =
  `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>` +
  `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="TaskList"/></w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="TaskList"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
  `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
const STYLES =
  `<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
  `<w:style w:type="numbering" w:styleId="TaskList"><w:name w:val="TaskList"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>`;
const listItem = (text: string) => p(text, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>');

describe("Word shapes read as Word shows them", async () => {
  const body = [
    p("某市人民政府办公室关于印发甲乙方案的通知"), p("各区人民政府："), p("现印发给你们。"), p("某市人民政府办公室"), p("2024年3月1日"),
    p("主要任务", '<w:pStyle w:val="1"/>'),
    p("清理甲项。（责任单位：市住建委）", '<w:pStyle w:val="2"/>'),
    para(run("整治乙项。（责任单位：") + `<w:del w:id="1" w:author="a"><w:r><w:delText>市删除局、</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>市插入局</w:t></w:r></w:ins>` + run("）"), '<w:pStyle w:val="2"/>'),
    para(run("\u3000\u3000") + run("（三）缩进项。（责任单位：市财政局）")),
    p("保障措施", '<w:pStyle w:val="1"/>'),
    listItem("列表甲。（责任单位：市商务委）"),
    listItem("列表乙。（责任单位：市商务委）"),
    para(`<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>` + run("符号项")),
    para(`<w:fldSimple w:instr=" DATE "><w:r><w:t>2024年3月1日</w:t></w:r></w:fldSimple>` + run("简单域")),
    para(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` + run("复杂域")),
    para(`<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框内文字</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>`),
    table([["序号", "任务", "牵头单位"], ["1", "任务甲", { xml: p("市发改委"), tcPr: '<w:vMerge w:val="restart"/>' }], ["2", "任务乙", { xml: "<w:p/>", tcPr: "<w:vMerge/>" }], [{ xml: p("备注"), tcPr: '<w:gridSpan w:val="3"/>' }]]),
  ].join("");
  const decoded = await readDocxInProcess(await makeDocx(body, { numbering: NUMBERING, styles: STYLES }), {});
  const lines = decoded.blocks.map((b) => b.text);
  const tasks = parseDecoded(decoded).tasks.map((t) => [t.id, t.marker, [...t.leadUnits, ...t.responsibleUnits].join("、")]);

  it.each([
    ["a heading style's automatic number", "一、主要任务"],
    ["a level-2 heading style's number", "（一）清理甲项。（责任单位：市住建委）"],
    ["tracked changes: inserted text read, deleted text not", "（二）整治乙项。（责任单位：市插入局）"],
    ["a list style's number (numStyleLink → styleLink)", "1.列表甲。（责任单位：市商务委）"],
    ["w:sym as its Unicode character", "✓符号项"],
    ["a simple field's result", "2024年3月1日简单域"],
    ["a complex field's result, not its instruction", "7复杂域"],
    ["a text box's text", "文本框内文字"],
    ["a vertically merged cell carried into the rows it spans", "2\t任务乙\t市发改委"],
  ])("%s", (_, line) => expect(lines.map((l) => l.replace(/ /gu, ""))).toContain(line.replace(/ /gu, "")));

  it("the tasks of those numbers", () => {
    expect(tasks).toEqual([
      ["1.1", "（一）", "市住建委"], ["1.2", "（二）", "市插入局"], ["1.3", "（三）", "市财政局"],
      ["2.1", "1.", "市商务委"], ["2.2", "2.", "市商务委"],
    ]);
  });
});

describe("unwrapSimpleFields", () => {
  it.each([
    ['<w:p><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>', "<w:p><w:r><w:t>3</w:t></w:r></w:p>"],
    ['<w:p><w:fldSimple w:instr="PAGE"/><w:r/></w:p>', "<w:p><w:r/></w:p>"],
    ["<w:p><w:r/></w:p>", "<w:p><w:r/></w:p>"],
  ])("%s", (xml, want) => expect(unwrapSimpleFields(xml)).toBe(want));
});
