/**
 * Spreadsheets: the shared table-to-rows rules, cell display values, sheets → document, the .xlsx
 * and .xls readers (their caps and error codes) and the seed-derived workbooks against the gold.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseBuffer, ResultSchema, type Result } from "../../src/index.js";
import { readInput, sniffFormat } from "../../src/input/index.js";
import { readBiff, readXlsInProcess } from "../../src/input/xls.js";
import { readXlsxInProcess } from "../../src/input/xlsx.js";
import { type SheetData, workbookInput } from "../../src/input/sheet.js";
import { displayNumber } from "../../src/input/sheet-values.js";
import { gridRows, tableBlocks } from "../../src/input/table-rows.js";
import type { Gold } from "../helpers/gold.js";
import { diffGold } from "../helpers/gold.js";
import * as B from "./biff.js";
import { fixture } from "./helpers.js";

const cells = (rows: (string | null)[][]): { row: number; col: number; text: string }[] =>
  rows.flatMap((r, row) => r.flatMap((text, col) => (text === null ? [] : [{ row, col, text }])));

describe("table-to-rows", () => {
  const cases: { name: string; rows: (string | null)[][]; merges?: { top: number; left: number; bottom: number; right: number }[]; want: string[][] }[] = [
    { name: "a plain grid", rows: [["序号", "任务"], ["1", "甲"]], want: [["序号", "任务"], ["1", "甲"]] },
    {
      name: "a cell merged down is repeated in each row it spans",
      rows: [["1", "甲", "区财政局"], ["2", "乙", null], ["3", "丙", null], ["4", "丁", "区民政局"]],
      merges: [{ top: 0, left: 2, bottom: 2, right: 2 }],
      want: [["1", "甲", "区财政局"], ["2", "乙", "区财政局"], ["3", "丙", "区财政局"], ["4", "丁", "区民政局"]],
    },
    {
      name: "the columns a cell is merged across stay empty (each keeps its header)",
      rows: [["序号", "任务", null, "单位"], ["1", "甲", "乙", "丙"]],
      merges: [{ top: 0, left: 1, bottom: 0, right: 2 }],
      want: [["序号", "任务", "", "单位"], ["1", "甲", "乙", "丙"]],
    },
    { name: "empty rows and columns are dropped", rows: [[null, null, null], [null, "a", "b"], [null, null, null], [null, "c", "d"]], want: [["a", "b"], ["c", "d"]] },
    {
      name: "a merge never makes a row out of nothing",
      rows: [["1", "区财政局"], [null, null], [null, null]],
      merges: [{ top: 0, left: 1, bottom: 2, right: 1 }],
      want: [["1", "区财政局"]],
    },
    { name: "line breaks and TABs inside a cell become spaces", rows: [["a\tb", "c\nd"]], want: [["a b", "c d"]] },
    { name: "a merge whose top cell is empty fills nothing", rows: [["1", null], ["2", "x"]], merges: [{ top: 0, left: 1, bottom: 1, right: 1 }], want: [["1", ""], ["2", "x"]] },
  ];
  it.each(cases)("$name", ({ rows, merges, want }) => expect(gridRows(cells(rows), merges)).toEqual(want));

  it("prints title lines as headings and rows as TAB-separated row blocks whose offsets point into the source", () => {
    const { source, blocks } = tableBlocks([{ lines: ["清单"], headings: new Set([0]), rows: [["序号", "任务"], ["1", "甲"]] }]);
    expect(source).toBe("清单\n序号\t任务\n1\t甲\n");
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "row", "row"]);
    for (const b of blocks) expect([...b.offsets].map((o) => source[o]).join("")).toBe(b.text);
  });
});

describe("cell display values", () => {
  const cases: [number, string | undefined, string][] = [
    [2.1, undefined, "2.1"],
    [0.1 + 0.2, "General", "0.3"],
    [2.0999999999999996, undefined, "2.1"],
    [12, "0", "12"],
    [3, "0.00", "3.00"],
    [0.25, "0%", "25%"],
    [0.125, "0.0%", "12.5%"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [44742, 'yyyy"年"m"月"d"日"', "2022年6月30日"],
    [44742, "yyyy/m/d", "2022年6月30日"],
    [44742, "m/d/yyyy", "2022年6月30日"],
    [44742, 'yyyy"年"m"月"', "2022年6月"],
    [44742, '[DBNum1][$-804]yyyy"年"m"月"d"日"', "2022年6月30日"],
    [44742, 'm"月"d"日"', "6月30日"],
    [0.5, "h:mm", "12:00"],
    [43281, "yyyy-mm-dd", "2018年6月30日"],
  ];
  it.each(cases)("%s with format %s shows %s", (n, code, want) => expect(displayNumber(n, code)).toBe(want));
  it("reads a 1904 workbook's serial dates", () => expect(displayNumber(43280, "yyyy/m/d", true)).toBe("2022年6月30日"));
});

const sheet = (name: string, rows: (string | null)[][], more: Partial<SheetData> = {}): SheetData => ({ name, hidden: false, cells: cells(rows), merges: [], ...more });
const TASKS: (string | null)[][] = [["序号", "工作任务", "牵头单位", "完成时限"], ["1", "完善制度", "区财政局", "6月底前"]];

describe("sheets → document", () => {
  it("one-cell rows above the table are its title (headings); one task sheet carries no 附件 line", () => {
    const input = workbookInput("xlsx", [sheet("Sheet1", [["2023年重点任务清单", null, null, null], ...TASKS])]);
    expect(input.source).toBe("2023年重点任务清单\n序号\t工作任务\t牵头单位\t完成时限\n1\t完善制度\t区财政局\t6月底前\n");
    expect(input.blocks[0]!.kind).toBe("heading");
  });
  it("several task sheets are 附件1, 附件2 … in order, or the N a sheet's name gives", () => {
    const a = workbookInput("xls", [sheet("甲", [["清单一"], ...TASKS]), sheet("乙", [["清单二"], ...TASKS])]);
    expect(a.source.split("\n").filter((l) => l.startsWith("附件"))).toEqual(["附件1", "附件2"]);
    const b = workbookInput("xls", [sheet("附件 3", TASKS), sheet("附件4", TASKS)]);
    expect(b.source.split("\n").filter((l) => l.startsWith("附件"))).toEqual(["附件3", "附件4"]);
  });
  it("a sheet that titles itself 附件N keeps its own line", () => {
    const input = workbookInput("xls", [sheet("S1", [["附件2"], ["清单"], ...TASKS]), sheet("S2", [["附件3"], ...TASKS])]);
    expect(input.source.match(/附件\d/gu)).toEqual(["附件2", "附件3"]);
  });
  it("sheets that are not task tables come first; empty sheets are skipped; hidden ones are read with a warning", () => {
    const input = workbookInput("xlsx", [
      sheet("任务", TASKS),
      sheet("空", []),
      sheet("说明", [["填表说明：本表由区政府办汇总。"], ["联系人", "张三"]], { hidden: true }),
    ]);
    expect(input.source.indexOf("填表说明")).toBeLessThan(input.source.indexOf("序号"));
    expect(input.warnings).toEqual([{ code: "W_SHEET_HIDDEN", message: expect.stringContaining("说明") }]);
  });
  it("a one-column sheet is text: paragraphs, not rows", () => {
    const input = workbookInput("xlsx", [sheet("S", [["一、总体要求"], ["（一）加强领导。"]])]);
    expect(input.blocks.map((b) => b.kind)).toEqual([undefined, undefined]);
  });
  it("outside a task table a one-cell row is a line of text; rows before the header are lines too", () => {
    const input = workbookInput("xlsx", [sheet("S", [["标题"], ["填报单位：区政府办", null, "日期：2023年1月"], ...TASKS])]);
    expect(input.source.split("\n").slice(0, 3)).toEqual(["标题", "填报单位：区政府办 日期：2023年1月", "序号\t工作任务\t牵头单位\t完成时限"]);
  });
});

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe(".xlsx reader", () => {
  it("reads merged cells, formulas (cached result), rich text, dates and numbers as shown", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("任务");
      ws.addRow(["2023年任务清单"]);
      ws.mergeCells("A1:D1");
      ws.addRow(["序号", "工作任务", "牵头单位", "完成时限"]);
      ws.addRow([1, { richText: [{ text: "完善" }, { text: "制度" }] }, "区财政局", new Date(Date.UTC(2023, 5, 30))]);
      ws.addRow([{ formula: "A3+1", result: 2 }, "推进建设", null, 2.1]);
      ws.mergeCells("C3:C4");
      ws.getCell("D3").numFmt = 'yyyy"年"m"月"d"日"';
    });
    const input = await readXlsxInProcess(bytes, {});
    expect(input.format).toBe("xlsx");
    expect(input.source).toBe("2023年任务清单\n序号\t工作任务\t牵头单位\t完成时限\n1\t完善制度\t区财政局\t2023年6月30日\n2\t推进建设\t区财政局\t2.1\n");
  });
  it("a workbook without text is E_EMPTY", async () => {
    const bytes = await xlsxBytes((wb) => void wb.addWorksheet("S"));
    await expect(readXlsxInProcess(bytes, {})).rejects.toMatchObject({ code: "E_EMPTY" });
  });
  it.each([
    ["truncated.xlsx", "E_XLS_CORRUPT", /corrupt/u],
    ["hostile_zip_bomb.xlsx", "E_XLS_CORRUPT", /too large: its XML unpacks to more than 40 MB/u],
    ["hostile_million_cells.xlsx", "E_XLS_CORRUPT", /too large: more than 200000 cells/u],
    ["encrypted.xlsx", "E_ENCRYPTED", /password/u],
  ])("%s → %s in seconds", async (file, code, message) => {
    const t = Date.now();
    await expect(readInput(new Uint8Array(readFileSync(fixture(`sheet/${file}`))), { path: file })).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(Date.now() - t).toBeLessThan(20_000);
  }, 30_000);
});

describe(".xls reader (BIFF8 records by hand)", () => {
  const read = (records: Buffer[], globals: Buffer[] = [], opts: { biff5?: boolean; codepage?: number } = {}): string =>
    workbookInput("xls", readBiff(B.workbook(globals, [{ name: "S", records }], opts))).source;

  it("reads LABELSST, LABEL, NUMBER, RK, MULRK and FORMULA + STRING cells", () => {
    const src = read(
      [B.labelSst(0, 0, 0), B.labelSst(0, 1, 1), B.rkInt(1, 0, 7), B.label(1, 1, "区财政局"), B.mulrkInts(2, 0, [8, 9]), B.number(3, 0, 2.0999999999999996), ...B.formulaString(3, 1, "区民政局")],
      B.sst(2, [Buffer.concat([B.xstr("序号"), B.xstr("牵头单位")])]),
    );
    expect(src).toBe("序号\t牵头单位\n7\t区财政局\n8\t9\n2.1\t区民政局\n");
  });
  it("reads a shared string whose characters run on over a CONTINUE record that switches 8/16-bit", () => {
    // "abc" + "区财政局": cch 7, 8-bit start; the CONTINUE opens with flags 1 (16-bit)
    const first = Buffer.concat([B.u16(7), Buffer.from([0]), Buffer.from("abc", "latin1")]);
    const rest = Buffer.concat([Buffer.from([1]), Buffer.from("区财政局", "utf16le")]);
    expect(read([B.labelSst(0, 0, 0), B.labelSst(0, 1, 1)], B.sst(2, [first, Buffer.concat([rest, B.xstr("x")])]))).toBe("abc区财政局\tx\n");
  });
  it("a CONTINUE that falls between two strings has no flags byte", () => {
    expect(read([B.labelSst(0, 0, 0), B.labelSst(0, 1, 1)], B.sst(2, [B.xstr("甲"), B.xstr("乙")]))).toBe("甲\t乙\n");
  });
  it("repeats a merged cell down (MERGEDCELLS)", () => {
    expect(read([B.label(0, 0, "1"), B.label(0, 1, "区财政局"), B.label(1, 0, "2"), B.merged([0, 1, 1, 1])])).toBe("1\t区财政局\n2\t区财政局\n");
  });
  it("shows dates by the cell's format (XF → FORMAT)", () => {
    const globals = [B.format(200, 'yyyy"年"m"月"d"日"'), ...Array.from({ length: 15 }, () => B.xf(0)), B.xf(200), B.xf(14)];
    expect(read([B.number(0, 0, 44742, 15), B.number(0, 1, 44742, 16)], globals)).toBe("2022年6月30日\t2022年6月30日\n");
  });
  it("reads 8-bit strings in the workbook's code page (BIFF5, GBK = 936)", () => {
    expect(read([B.label5(0, 0, "牵头单位"), B.label5(0, 1, "区财政局")], [], { biff5: true, codepage: 936 })).toBe("牵头单位\t区财政局\n");
  });
  it("FILEPASS (an encrypted workbook) is E_ENCRYPTED", () => {
    expect(() => read([B.label(0, 0, "x")], [B.rec(0x002f, Buffer.alloc(54))])).toThrow(expect.objectContaining({ code: "E_ENCRYPTED" }));
  });
  it("more cells than the cap is E_XLS_CORRUPT 'too large', fast", () => {
    const records = Array.from({ length: 200_001 }, (_, i) => B.rkInt(i >> 8, i & 255, 1));
    const t = Date.now();
    expect(() => read(records)).toThrow(expect.objectContaining({ code: "E_XLS_CORRUPT", message: expect.stringContaining("too large: more than 200000 cells") }));
    expect(Date.now() - t).toBeLessThan(10_000);
  });
  it("an SST that claims more strings than it holds reads the ones it holds", () => {
    const lying = [B.rec(0x00fc, Buffer.concat([B.u32(0xffffffff, 0xffffffff), B.xstr("a"), B.xstr("b")]))];
    expect(read([B.labelSst(0, 0, 0), B.labelSst(0, 1, 1), B.labelSst(1, 0, 9)], lying)).toBe("a\tb\n");
  });
  it("a stream that is no BIFF is E_XLS_CORRUPT", async () => {
    await expect(readXlsInProcess(B.ole(Buffer.from("not a workbook")), {})).rejects.toMatchObject({ code: "E_XLS_CORRUPT" });
    await expect(readXlsInProcess(B.ole(Buffer.from("x"), "Other"), {})).rejects.toMatchObject({ code: "E_XLS_CORRUPT" });
  });
  it.each([
    ["truncated.xls", "E_XLS_CORRUPT"],
    ["encrypted.xls", "E_ENCRYPTED"],
  ])("%s → %s", async (file, code) => {
    await expect(readInput(new Uint8Array(readFileSync(fixture(`sheet/${file}`))), { path: file })).rejects.toMatchObject({ code });
  });
  it.each([
    ["hostile_sst_count.xls", "ab\tcd\n"],
    ["hostile_continue.xls", "x\n"],
  ])("%s ends quickly with what it holds", async (file, source) => {
    const t = Date.now();
    expect((await readXlsInProcess(new Uint8Array(readFileSync(fixture(`sheet/${file}`))), {})).source).toBe(source);
    expect(Date.now() - t).toBeLessThan(10_000);
  });
  it("hostile_sheet_loop.xls (a sheet offset pointing at the globals) ends: E_EMPTY", async () => {
    await expect(readXlsInProcess(new Uint8Array(readFileSync(fixture("sheet/hostile_sheet_loop.xls"))), {})).rejects.toMatchObject({ code: "E_EMPTY" });
  });
});

describe("dispatch", () => {
  const xlsBytes = B.ole(B.workbook([], [{ name: "S", records: [B.label(0, 0, "序号"), B.label(0, 1, "任务")] }]));
  it("sniffs by content: an xls named .et or .bin is xls, a text named .xlsx is text", () => {
    expect(sniffFormat(xlsBytes, "a.et")).toBe("xls");
    expect(sniffFormat(xlsBytes, "a.bin")).toBe("xls");
    expect(sniffFormat(new TextEncoder().encode("一、总体要求"), "a.xlsx")).toBe("text");
    expect(sniffFormat(new TextEncoder().encode("<html><body>x</body></html>"), "a.xls")).toBe("html");
  });
  it("an .et that is not Excel-compatible is E_UNSUPPORTED with save-as-.xlsx advice", async () => {
    await expect(readInput(new TextEncoder().encode("\u0001\u0002KSO binary"), { path: "a.et" })).rejects.toMatchObject({ code: "E_UNSUPPORTED", hint: expect.stringContaining(".xlsx") });
  });
});

describe("seed-derived workbooks give the gold's table tasks", () => {
  const gold = JSON.parse(readFileSync(fixture("gold/003_ddd698d8236a8cbd.gold.json"), "utf8")) as Gold;
  const parse = async (file: string): Promise<Result> => {
    const r = await parseBuffer(new Uint8Array(readFileSync(fixture(`sheet/${file}`))), { path: file });
    expect(ResultSchema.safeParse(r).success).toBe(true);
    return r;
  };
  const only = (prefix: string): Gold => ({ ...gold, document: { ...gold.document, issuer: null, docNumber: null, recipients: null, issueDate: null, printDate: null }, tasks: gold.tasks.filter((t) => t.id.startsWith(prefix)) });
  it.each([
    ["003_tasks.xlsx", "A", "2022年度全市政务公开工作重点任务清单"],
    ["003_tasks.xls", "A", "2022年度全市政务公开工作重点任务清单"],
    ["003_附件1.xlsx", "A1.", "2022年度全市政务公开工作重点任务清单"],
    ["003_附件1.xls", "A1.", "2022年度全市政务公开工作重点任务清单"],
  ])("%s: tasks %s* equal the gold (ids, units, deadlines)", async (file, prefix, title) => {
    const r = await parse(file);
    expect(diffGold(r, { ...only(prefix), document: { ...only(prefix).document, title } })).toEqual([]);
  }, 60_000);
  it("values.xls and values.xlsx read alike (LibreOffice's .xls of the exceljs .xlsx), hidden sheet warned", async () => {
    const [a, b] = await Promise.all([parse("values.xlsx"), parse("values.xls")]);
    expect(a.tasks.map((t) => [t.id, t.responsibleUnits, t.deadlines.map((d) => d.date)])).toEqual([
      ["A1.1", ["区财政局"], ["2023-06-30"]], ["A1.2", ["区教育局"], ["2023-12-31"]], ["A1.3", ["区应急局"], []],
    ]);
    expect(b.tasks.map((t) => t.id)).toEqual(a.tasks.map((t) => t.id));
    for (const r of [a, b]) expect(r.warnings.map((w) => w.code)).toContain("W_SHEET_HIDDEN");
  }, 60_000);
  it("gbk_excel95.xls (BIFF5, code page 936) reads its task table", async () => {
    const r = await parse("gbk_excel95.xls");
    expect(r.tasks.map((t) => [t.id, t.leadUnits, t.deadlines.map((d) => d.date)])).toEqual([["A1.1", ["区财政局"], ["2023-06-30"]], ["A1.2", ["区数据局"], ["2023-12-31"]]]);
  }, 60_000);
});
