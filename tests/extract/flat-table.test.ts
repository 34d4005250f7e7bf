/**
 * Tables flattened one cell per line (GOLD.md "What is a task": a web page copied as text). The
 * rule: a run of column names under 序号 is the header; each row starts at its 序号 line; category
 * rows stand between rows; merged cells lost leave columns empty; a wrapped cell is one cell.
 */
import { describe, expect, it } from "vitest";
import { cellType, looksLikeUnits, unflattenTables } from "../../src/extract/flat-table.js";
import { parseNotice } from "../../src/index.js";
import { lineBlocks } from "../../src/text/blocks.js";

/** The rebuilt lines: rows as cells joined by " | ", other lines as they are. */
function rebuild(lines: readonly string[]): string[] {
  const source = lines.join("\n");
  return unflattenTables(lineBlocks(source)).map((b) => (b.kind === "row" ? b.text.split("\t").join(" | ") : b.text));
}

const HEADER = ["序号", "工作任务", "牵头单位", "完成时限"];

describe("unflattenTables", () => {
  it.each([
    {
      name: "complete rows",
      lines: [...HEADER, "1", "建立工作台账，逐项销号", "区甲局", "6月底前", "2", "开展专项检查", "区乙局、区丙局", "12月底前"],
      want: ["序号 | 工作任务 | 牵头单位 | 完成时限", "1 | 建立工作台账，逐项销号 | 区甲局 | 6月底前", "2 | 开展专项检查 | 区乙局、区丙局 | 12月底前"],
    },
    {
      name: "a marked category row before and between rows",
      lines: [...HEADER, "一、制度建设方面", "1", "建立台账", "区甲局", "6月底前", "二、监督检查方面", "2", "开展检查", "区乙局", "9月底前"],
      want: ["序号 | 工作任务 | 牵头单位 | 完成时限", "一、制度建设方面", "1 | 建立台账 | 区甲局 | 6月底前", "二、监督检查方面", "2 | 开展检查 | 区乙局 | 9月底前"],
    },
    {
      name: "an unmarked category row, known from the one above row 1",
      lines: [
        ...HEADER, "推进制度建设", "1", "建立工作台账，逐项销号", "区甲局", "6月底前", "2", "完善管理办法，明确职责",
        "加强监督检查", "3", "开展专项检查，督促整改", "区乙局", "9月底前",
      ],
      want: [
        "序号 | 工作任务 | 牵头单位 | 完成时限", "推进制度建设", "1 | 建立工作台账，逐项销号 | 区甲局 | 6月底前",
        "2 | 完善管理办法，明确职责 |  | ", "加强监督检查", "3 | 开展专项检查，督促整改 | 区乙局 | 9月底前",
      ],
    },
    {
      name: "merged cells lost: the cells left find their columns by what they hold",
      lines: [
        "序号", "事项", "工作措施", "责任单位",
        "1", "示范工程", "充分利用既有车站屋顶建设光伏设施", "区甲集团",
        "2", "新建车站同步配建光伏设施，覆盖率达到一半",
        "3", "既有场站开展改造试点，拓宽应用场景", "区乙局、各街镇",
        "4", "示范场景", "结合声屏障建设推广光伏应用", "区丙公司",
      ],
      want: [
        "序号 | 事项 | 工作措施 | 责任单位", "1 | 示范工程 | 充分利用既有车站屋顶建设光伏设施 | 区甲集团",
        "2 |  | 新建车站同步配建光伏设施，覆盖率达到一半 | ", "3 |  | 既有场站开展改造试点，拓宽应用场景 | 区乙局、各街镇",
        "4 | 示范场景 | 结合声屏障建设推广光伏应用 | 区丙公司",
      ],
    },
    {
      name: "a cell wrapped onto a second line is one cell",
      lines: [
        "序号", "行业", "建设区域", "规模", "责任单位",
        "1", "地铁", "车站、停车场", "35-36", "某某地铁", "集团",
        "2", "港口", "仓库、码头", "9-15", "某港集团、区水务局",
      ],
      want: ["序号 | 行业 | 建设区域 | 规模 | 责任单位", "1 | 地铁 | 车站、停车场 | 35-36 | 某某地铁集团", "2 | 港口 | 仓库、码头 | 9-15 | 某港集团、区水务局"],
    },
    {
      name: "a line ending in 、 continues its cell; a lone unit cell is the lead's",
      lines: [
        "序号", "工作任务", "牵头单位", "配合单位", "完成时限",
        "1", "建立工作台账，逐项销号", "区甲局", "区乙局", "6月底前",
        "2", "开展专项检查，督促整改", "区甲局、区乙局、", "区丙局、区丁局", "9月底前",
      ],
      want: [
        "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限", "1 | 建立工作台账，逐项销号 | 区甲局 | 区乙局 | 6月底前",
        "2 | 开展专项检查，督促整改 | 区甲局、区乙局、区丙局、区丁局 |  | 9月底前",
      ],
    },
    {
      name: "a header repeated mid-table",
      lines: [...HEADER, "1", "建立台账", "区甲局", "6月底前", ...HEADER, "2", "开展检查", "区乙局", "9月底前"],
      want: ["序号 | 工作任务 | 牵头单位 | 完成时限", "1 | 建立台账 | 区甲局 | 6月底前", "序号 | 工作任务 | 牵头单位 | 完成时限", "2 | 开展检查 | 区乙局 | 9月底前"],
    },
    {
      name: "the last row ends where the text after the table starts",
      lines: [...HEADER, "1", "建立台账", "区甲局", "6月底前", "2", "开展检查", "区乙局", "9月底前", "三、保障措施", "各单位要高度重视。"],
      want: ["序号 | 工作任务 | 牵头单位 | 完成时限", "1 | 建立台账 | 区甲局 | 6月底前", "2 | 开展检查 | 区乙局 | 9月底前", "三、保障措施", "各单位要高度重视。"],
    },
    {
      name: "a total row closes the table",
      lines: ["序号", "区域", "面积（公顷）", "1", "甲镇", "12", "2", "乙镇", "8", "合计", "20"],
      want: ["序号 | 区域 | 面积（公顷）", "1 | 甲镇 | 12", "2 | 乙镇 | 8", "合计", "20"],
    },
  ])("$name", ({ lines, want }) => expect(rebuild(lines)).toEqual(want));

  it.each([
    { name: "序号 with one column name", lines: ["序号", "名称", "1", "甲", "2", "乙"] },
    { name: "序号 followed by sentences", lines: ["序号", "各单位要高度重视，认真落实。", "1", "甲"] },
    { name: "no row 1 under the header", lines: ["序号", "工作任务", "牵头单位", "甲", "乙", "丙", "丁"] },
    { name: "序号 in a sentence", lines: ["按序号排列", "工作任务", "牵头单位", "1", "甲", "乙"] },
  ])("leaves the lines alone: $name", ({ lines }) => expect(rebuild(lines)).toEqual(lines));

  it("a soft line break inside blank-line-separated cells continues the cell", () => {
    const source = ["序号", "工作任务", "牵头单位", "配合单位", "1", "建立工作台账，逐项销号", "区甲局", "区乙局", "2", "开展专项检查", "区甲局\n区乙局", "区丙局"].join("\n\n");
    const rows = unflattenTables(lineBlocks(source)).map((b) => b.text.split("\t").join(" | "));
    expect(rows).toEqual(["序号 | 工作任务 | 牵头单位 | 配合单位", "1 | 建立工作台账，逐项销号 | 区甲局 | 区乙局", "2 | 开展专项检查 | 区甲局、区乙局 | 区丙局"]);
  });

  it("keeps the source offset of every cell character", () => {
    const source = [...HEADER, "1", "建立台账", "区甲局", "6月底前"].join("\n");
    for (const b of unflattenTables(lineBlocks(source))) {
      [...b.text].forEach((ch, i) => {
        if (ch !== "\t") expect(source[b.offsets[i]!]).toBe(ch);
      });
    }
  });

  it("returns the very blocks when no line is a 序号 of its own", () => {
    const blocks = lineBlocks("一、甲\n二、乙");
    expect(unflattenTables(blocks)).toBe(blocks);
  });
});

describe("cellType", () => {
  it.each([
    ["35-36", "num"], ["0.8", "num"], ["/", "num"],
    ["2024年6月", "date"], ["6月底前", "date"], ["全年", "date"], ["长期", "date"],
    ["区甲局", "units"], ["区甲局、各街镇（园区）", "units"], ["各项目实施主体", "units"], ["办公室牵头，各科室配合", "units"],
    ["建立台账", "short"], ["新建车站同步配建光伏设施，覆盖率达到一半", "long"], ["召开全区动员大会", "short"],
  ])("%s → %s", (cell, want) => expect(cellType(cell)).toBe(want));

  it.each(["加强组织领导", "建立健全工作机制", "区级", "甲乙丙丁"])("not units: %s", (cell) => expect(looksLikeUnits(cell)).toBe(false));
});

describe("a notice with a flattened task table", () => {
  const notice = [
    "某区人民政府办公室关于印发某方案的通知",
    "各街镇：",
    "现将方案印发给你们，请认真执行。",
    "某区人民政府办公室",
    "2024年3月1日",
    "附件",
    "重点任务清单",
    "序号", "工作任务", "牵头单位", "配合单位", "完成时限",
    "一、制度建设方面",
    "1", "建立工作台账，逐项销号", "区甲局", "各街镇", "2024年6月",
    "2", "完善管理办法，明确职责", "办公室牵头，各科室配合落实", "2024年9月",
    "二、监督检查方面",
    "3", "开展专项检查，督促整改到位", "2024年12月",
  ].join("\n");
  const r = parseNotice(notice);

  it("reads one task per row, ids from the 序号 cells", () => {
    expect(r.tasks.map((t) => t.id)).toEqual(["A1.1", "A1.2", "A1.3"]);
  });
  it("reads the role columns and a verb-clause cell", () => {
    expect(r.tasks[0]).toMatchObject({ leadUnits: ["区甲局"], supportUnits: ["各街镇"] });
    expect(r.tasks[1]).toMatchObject({ leadUnits: ["办公室"], supportUnits: ["各科室"] });
  });
  it("leaves a row whose merged unit cells were lost without units", () => {
    expect(r.tasks[2]).toMatchObject({ leadUnits: [], supportUnits: [], title: "开展专项检查，督促整改到位" });
    expect(r.tasks[2]!.deadlines.map((d) => d.date)).toEqual(["2024-12-31"]);
  });
  it("the date closes the notice, the table does not touch the header", () => {
    expect(r.document.issueDate).toBe("2024-03-01");
  });
});

describe("a task table in the body", () => {
  const notice = (table: string[]): string =>
    ["某区关于印发某方案的通知", "各街镇：", "一、重点任务", ...table, "二、保障措施", "（一）加强领导。各单位要高度重视。", "某区人民政府", "2024年3月1日"].join("\n");
  it.each([
    { name: "TAB rows", table: ["序号\t工作任务\t牵头单位\t责任单位", "1\t建立台账\t区甲局\t各街镇", "2\t开展检查\t区乙局\t"] },
    { name: "one cell per line", table: ["序号", "工作任务", "牵头单位", "责任单位", "1", "建立台账", "区甲局", "各街镇", "2", "开展检查", "区乙局"] },
  ])("rows are items under the heading, role columns read: $name", ({ table }) => {
    const r = parseNotice(notice(table));
    expect(r.tasks.map((t) => t.id)).toEqual(["1.1", "1.2", "2.1"]);
    expect(r.tasks[0]).toMatchObject({ leadUnits: ["区甲局"], responsibleUnits: ["各街镇"], title: "建立台账" });
    expect(r.tasks[1]).toMatchObject({ leadUnits: ["区乙局"], responsibleUnits: [] });
  });
});

describe("flattened tables on hostile input", () => {
  it.each([
    ["2,000 rows", () => ["序号", "工作任务", "牵头单位", "完成时限", ...Array.from({ length: 2_000 }, (_, i) => [String(i + 1), `建立台账${i}，逐项销号`, "区甲局", "6月底前"]).flat()]],
    ["rows far longer than the header", () => ["序号", "工作任务", "牵头单位", ...Array.from({ length: 2_000 }, (_, i) => [String(i + 1), ...Array.from({ length: 12 }, (_, k) => `区${k}局`)]).flat()]],
    ["100,000 序号 lines", () => Array.from({ length: 100_000 }, () => "序号")],
    ["headers without rows", () => Array.from({ length: 30_000 }, () => ["序号", "工作任务", "牵头单位"]).flat()],
  ])("%s: linear", (_name, make) => {
    const source = make().join("\n");
    const t0 = performance.now();
    unflattenTables(lineBlocks(source));
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
