/** 粘连表格: task tables glued into running text, rebuilt as TAB rows (table-driven, invented examples). */
import { describe, expect, it } from "vitest";
import { type GluedNote, findHeader, unglueTables } from "../../src/extract/glued-table.js";
import { parseNotice } from "../../src/index.js";
import { gluedTextStart } from "../../src/extract/patterns.js";
import { lineBlocks } from "../../src/text/blocks.js";

/** Each input line is a block (a line the reliner cut); a line break stands for white space the crawl kept. */
const rebuild = (text: string): { rows: string[]; notes: GluedNote[] } => {
  const notes: GluedNote[] = [];
  const blocks = unglueTables(lineBlocks(text), notes);
  // every character maps back to itself, except the TABs and the 、 put between glued names of one cell
  for (const b of blocks) for (let i = 0; i < b.text.length; i++) if (b.text[i] !== "\t" && b.text[i] !== "、") expect(text[b.offsets[i]!]).toBe(b.text[i]);
  return { rows: blocks.map((b) => b.text), notes };
};

const headers = [
  { text: "工作任务牵头单位配合单位", names: ["工作任务", "牵头单位", "配合单位"] },
  { text: "存在问题整改目标和措施责任单位", names: ["存在问题", "整改目标和措施", "责任单位"] },
  { text: "序号主要任务完成时限牵头责任单位", names: ["序号", "主要任务", "完成时限", "牵头责任单位"] },
  { text: "任务分解表工作任务工作要求牵头单位配合/责任单位", names: ["工作任务", "工作要求", "牵头单位", "配合/责任单位"] },
];
const notHeaders = ["请各单位明确牵头单位、责任单位，认真落实。", "牵头单位权数考核指标", "工作任务", "责任单位：市甲局"];

const tables = [
  {
    name: "marker rows; lead and support cells glued; a line end before the units is an empty lead cell",
    text: "工作任务牵头单位配合单位\n一、加强管理\n1.建立台账。市甲局市乙局、市丙局\n2.开展检查。\n市乙局、市丙局\n3.做好总结。市丁局",
    rows: ["工作任务\t牵头单位\t配合单位", "一、加强管理", "1.建立台账。\t市甲局\t市乙局、市丙局", "2.开展检查。\t\t市乙局、市丙局", "3.做好总结。\t市丁局\t"],
  },
  {
    name: "more glued names than role columns: the first ones are several leads",
    text: "工作任务牵头单位配合单位\n1.建立台账。市甲局市乙局市丙局、市丁局\n2.开展检查。市乙局",
    rows: ["工作任务\t牵头单位\t配合单位", "1.建立台账。\t市甲局、市乙局\t市丙局、市丁局", "2.开展检查。\t市乙局\t"],
  },
  {
    name: "verb-clause cells end the rows; the header follows the table title",
    text: "整改任务分解表存在问题整改措施责任单位道路破损严重修复破损路面。市甲局牵头，市乙局、市丙局配合清理积存垃圾。区丁局牵头，各街道落实",
    rows: ["整改任务分解表", "存在问题\t整改措施\t责任单位", "道路破损严重修复破损路面。\t\t市甲局牵头，市乙局、市丙局配合", "清理积存垃圾。\t\t区丁局牵头，各街道落实"],
  },
  {
    name: "a verb clause found back from 牵头 when no sentence end precedes it",
    text: "存在问题整改措施责任单位\n河道污染6月底前完成清淤报市甲局牵头，市乙局配合垃圾堆放清运垃圾市丙局牵头，市丁局配合",
    rows: ["存在问题\t整改措施\t责任单位", "河道污染6月底前完成清淤报\t\t市甲局牵头，市乙局配合", "垃圾堆放清运垃圾\t\t市丙局牵头，市丁局配合"],
  },
  {
    name: "a unit that starts a sentence is prose; the units at the row's end are the cell",
    text: "工作任务责任单位\n1.建立台账。市甲局要加强指导。市乙局\n2.开展检查。市丙局",
    rows: ["工作任务\t责任单位", "1.建立台账。市甲局要加强指导。\t市乙局", "2.开展检查。\t市丙局"],
  },
  {
    name: "a 序号 column: the number glued before the row's text",
    text: "序号存在问题整改责任单位\n1 仓库消防通道堵塞。\n市甲局、市乙局2 配电房无人值守。市丙局",
    rows: ["序号\t存在问题\t整改责任单位", "1\t仓库消防通道堵塞。\t市甲局、市乙局", "2\t配电房无人值守。\t市丙局"],
  },
];

const leftAlone = [
  { name: "no units after the rows", text: "工作任务责任单位\n加强管理，做好服务，提高效率。\n开展培训，提升能力。", note: true },
  { name: "a column after the role columns cannot be cut", text: "工作任务责任单位任务来源\n1.建立台账。市甲局工作要点\n2.开展检查。市乙局工作要点", note: true },
  { name: "prose naming role columns", text: "一、明确分工\n请各单位明确牵头单位、责任单位，认真落实。", note: false },
];

describe("glued tables", () => {
  it.each(headers)("header $text", ({ text, names }) => expect(findHeader(text)?.names).toEqual(names));
  it.each(notHeaders)("not a header: %s", (text) => expect(findHeader(text)).toBeNull());
  it.each(tables)("$name", ({ text, rows }) => {
    const got = rebuild(text);
    expect(got.rows).toEqual(rows);
    expect(got.notes).toEqual([]);
  });
  it.each(leftAlone)("left alone: $name", ({ text, note }) => {
    const got = rebuild(text);
    expect(got.rows).toEqual(text.split("\n"));
    expect(got.notes.map((n) => n.code)).toEqual(note ? ["W_GLUED_TABLE"] : []);
  });
  it("a glued 分解表 after the notice reads as attachment rows with their roles", () => {
    const head = "某局关于印发整改任务分解表的通知\n各单位：\n现印发给你们。\n某局\n2022年3月1日\n";
    const r = parseNotice(head + "整改任务分解表\n存在问题整改措施责任单位道路破损严重修复破损路面。市甲局牵头，市乙局、市丙局配合清理积存垃圾，6月底前完成。区丁局牵头，各街道、区戊局");
    expect(r.tasks.map((t) => [t.id, t.leadUnits, t.responsibleUnits, t.supportUnits, t.deadlines.map((d) => d.date)])).toEqual([
      ["A1.1", ["市甲局"], [], ["市乙局", "市丙局"], []],
      ["A1.2", ["区丁局"], ["各街道", "区戊局"], [], ["2022-06-30"]],
    ]);
    expect(r.warnings.filter((w) => w.code === "W_GLUED_TABLE")).toEqual([]);
  });
});

describe("a label's content run on into the text after it", () => {
  const cases = [
    { seg: "区甲局、区乙局商务处“互联网+”安全生产", want: "区甲局、区乙局商务处" },
    { seg: "区相关部门广泛宣传推广", want: "区相关部门" },
    { seg: "区甲局经信处", want: "区甲局经信处" },
    { seg: "区甲局牵头，区乙局参与", want: "区甲局牵头，区乙局参与" },
    { seg: "区甲局等有关部门", want: "区甲局等有关部门" },
    { seg: "国家某局海岛研究中心配合", want: "国家某局海岛研究中心配合" },
    { seg: "各乡镇人民政府（街道办事处）", want: "各乡镇人民政府（街道办事处）" },
    { seg: "“数字政府”建设领导小组办公室", want: "“数字政府”建设领导小组办公室" },
  ];
  it.each(cases)("$seg", ({ seg, want }) => expect(seg.slice(0, gluedTextStart(seg))).toBe(want));
});

describe("an alias bracket", () => {
  it("is not an unread clause (以下简称 / 以下统称)", () => {
    const head = "某局关于印发工作要点的通知\n各单位：\n现印发给你们。\n某局\n2022年3月1日\n";
    for (const alias of ["（以下简称政务部门）", "（以下统称监管部门）"]) {
      const r = parseNotice(head + `一、任务\n（一）各相关单位${alias}做好工作。（责任单位：A局）\n（二）乙工作。（责任单位：B局）`);
      expect(r.warnings.map((w) => w.code)).not.toContain("W_UNREAD_CLAUSE");
    }
    const r = parseNotice(head + "一、任务\n（一）做好工作。（由各部门根据职能自行确定）");
    expect(r.warnings.map((w) => w.code)).toContain("W_UNREAD_CLAUSE");
  });
});
