/** Every warning code, each with the line it points at (documents that parse but look wrong). */
import { describe, expect, it } from "vitest";
import { parseNotice } from "../../src/index.js";

const HEAD = "某局关于印发工作要点的通知\n各单位：\n现印发给你们。\n某局\n2022年3月1日\n";
const headLines = HEAD.split("\n").length - 1;

const cases: { code: string; text: string; line: number | null }[] = [
  { code: "W_NO_ITEMS", text: HEAD + "请认真贯彻落实。", line: null },
  { code: "W_NO_UNITS", text: HEAD + "一、做好甲工作。\n二、做好乙工作。", line: null },
  { code: "W_UNCLOSED_BRACKET", text: HEAD + "一、任务\n（一）做好工作。（责任单位：市司法局", line: headLines + 2 },
  { code: "W_UNREAD_CLAUSE", text: HEAD + "一、任务\n（一）做好工作。（由各部门根据职能自行确定）", line: headLines + 2 },
  { code: "W_NUMBERING_GAP", text: HEAD + "一、任务\n（一）甲。\n（二）乙。\n（三）丙。\n（五）丁。", line: headLines + 5 },
  { code: "W_NUMBERING_DUPLICATE", text: HEAD + "一、任务\n（一）甲。\n（二）乙。\n（二）丙。", line: headLines + 4 },
  { code: "W_MARKER_ORDER", text: HEAD + "一、任务\n（一）甲。\n（三）乙。\n（二）丙。", line: headLines + 4 },
  { code: "W_TABLE_COLUMNS", text: HEAD + "一、任务\n（一）甲。\n附件1\n清单\n1\t做好甲工作\t市财政局", line: headLines + 5 },
  { code: "W_LOW_COVERAGE", text: HEAD + "甲：做好甲。（牵头单位：A局）\n乙：做好乙。（牵头单位：B局）\n丙：做好丙。（牵头单位：C局）", line: headLines + 1 },
  { code: "W_DEADLINE_BEFORE_ISSUE", text: HEAD + "一、任务\n（一）2022年1月底前完成甲。", line: headLines + 2 },
];

describe("warnings", () => {
  it.each(cases)("$code", ({ code, text, line }) => {
    const w = parseNotice(text).warnings.filter((x) => x.code === code);
    expect(w.length, JSON.stringify(parseNotice(text).warnings)).toBeGreaterThan(0);
    expect(w[0]!.line).toBe(line);
    expect(w[0]!.message.length).toBeGreaterThan(5);
  });
  it("a clean notice has none", () => {
    expect(parseNotice(HEAD + "一、任务\n（一）甲工作。（责任单位：A局）\n（二）乙工作。（责任单位：B局）").warnings).toEqual([]);
  });
});
