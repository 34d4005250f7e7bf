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

/**
 * Headers without 序号 (类别 / 项目 / 主要任务 / 牵头单位 / 配合单位): the header is found from its role
 * column; a row is found from its shape — marker cells lead (一、 a category, 1. an item), a sentence is
 * its text, unit and date cells close it; merged leading cells are left empty.
 */
describe("unflattenTables: a header without 序号", () => {
  const FREE = ["类别", "项目", "主要任务", "牵头单位", "配合单位"];
  it.each([
    {
      name: "category and item cells merged over the rows below them",
      lines: [
        ...FREE, "一、制度建设", "1.建立台账", "建立工作台账，逐项销号", "区甲局", "区乙局",
        "开展季度核查，通报进展情况", "区乙局", "各街镇",
        "2.完善办法", "修订管理办法，明确职责分工", "区丙局", "区甲局、各街镇",
        "二、监督检查", "3.专项检查", "开展专项检查，督促整改到位", "区丁局", "各街镇",
      ],
      want: [
        "类别 | 项目 | 主要任务 | 牵头单位 | 配合单位", "一、制度建设 | 1.建立台账 | 建立工作台账，逐项销号 | 区甲局 | 区乙局",
        " |  | 开展季度核查，通报进展情况 | 区乙局 | 各街镇", " | 2.完善办法 | 修订管理办法，明确职责分工 | 区丙局 | 区甲局、各街镇",
        "二、监督检查 | 3.专项检查 | 开展专项检查，督促整改到位 | 区丁局 | 各街镇",
      ],
    },
    {
      name: "unit cells lost to merging: the next sentence starts the next row",
      lines: [...FREE, "一、制度建设", "1.建立台账", "建立工作台账，逐项销号", "区甲局", "区乙局", "开展季度核查，通报进展情况", "编制年度报告，按时报送"],
      want: [
        "类别 | 项目 | 主要任务 | 牵头单位 | 配合单位", "一、制度建设 | 1.建立台账 | 建立工作台账，逐项销号 | 区甲局 | 区乙局",
        " |  | 开展季度核查，通报进展情况 |  | ", " |  | 编制年度报告，按时报送 |  | ",
      ],
    },
    {
      name: "a cell over two lines after 、, a lone unit cell is the lead's",
      lines: [...FREE, "一、制度建设", "1.建立台账", "建立工作台账，逐项销号", "区甲局、", "区乙局", "2.完善办法", "修订管理办法，明确职责分工", "区丙局", "区甲局"],
      want: [
        "类别 | 项目 | 主要任务 | 牵头单位 | 配合单位", "一、制度建设 | 1.建立台账 | 建立工作台账，逐项销号 | 区甲局、区乙局 | ",
        " | 2.完善办法 | 修订管理办法，明确职责分工 | 区丙局 | 区甲局",
      ],
    },
    {
      name: "task, role and time columns; an item name without a marker; a category line without a category column",
      lines: [
        "任务名称", "任务内容", "责任单位", "完成时限", "一、制度建设",
        "建立台账", "建立工作台账，逐项销号", "区甲局", "6月底前", "开展季度核查，通报进展情况", "区乙局", "9月底前",
      ],
      want: [
        "任务名称 | 任务内容 | 责任单位 | 完成时限", "一、制度建设", "建立台账 | 建立工作台账，逐项销号 | 区甲局 | 6月底前",
        " | 开展季度核查，通报进展情况 | 区乙局 | 9月底前",
      ],
    },
    {
      name: "a caption above the header is no column; a short cell after the text is a unit cell",
      lines: ["任务分工表", "工作任务", "牵头单位", "配合单位", "建立工作台账，逐项销号", "区甲局", "专班", "开展季度核查，通报进展情况", "区乙局", "各街镇"],
      want: ["任务分工表", "工作任务 | 牵头单位 | 配合单位", "建立工作台账，逐项销号 | 区甲局 | 专班", "开展季度核查，通报进展情况 | 区乙局 | 各街镇"],
    },
  ])("$name", ({ lines, want }) => expect(rebuild(lines)).toEqual(want));

  it.each([
    { name: "a role word in prose", lines: ["各牵头单位要高度重视", "建立工作台账，逐项销号", "区甲局"] },
    { name: "no text column before the roles", lines: ["牵头单位", "配合单位", "完成时限", "区甲局", "区乙局", "6月底前"] },
    { name: "no row with both a text and units", lines: ["工作任务", "牵头单位", "配合单位", "各单位要高度重视，认真落实。", "加强组织领导，明确责任分工。"] },
    { name: "two column names only", lines: ["工作任务", "牵头单位", "建立工作台账，逐项销号", "区甲局"] },
  ])("leaves the lines alone: $name", ({ lines }) => expect(rebuild(lines)).toEqual(lines));
});

/** The head of an invented notice: title, 主送, text, signature, date. */
const NOTICE_HEAD = ["某区人民政府办公室关于印发某方案的通知", "各街镇：", "现将方案印发给你们，请认真执行。", "某区人民政府办公室", "2024年3月1日"];

describe("a notice with a flattened task table without 序号", () => {
  const notice = [
    ...NOTICE_HEAD,
    "附件：",
    "重点任务清单",
    "类别", "项目", "主要任务", "牵头单位", "配合单位",
    "一、制度建设", "1.建立台账", "建立工作台账，逐项销号", "区甲局", "区乙局",
    "开展季度核查，通报进展情况", "区乙局", "各街镇",
    "2.完善办法", "修订管理办法，2024年6月底前印发", "区丙局", "区甲局、各街镇",
    "二、监督检查", "3.专项检查", "开展专项检查，督促整改到位",
  ].join("\n");
  const r = parseNotice(notice);

  it("ids from the item cells; the rows of one merged item cell get -1, -2", () => {
    expect(r.tasks.map((t) => t.id)).toEqual(["A1.1-1", "A1.1-2", "A1.2", "A1.3"]);
  });
  it("reads the role columns of every row; a row that lost its unit cells has none", () => {
    expect(r.tasks[0]).toMatchObject({ leadUnits: ["区甲局"], supportUnits: ["区乙局"], title: "建立台账" });
    expect(r.tasks[1]).toMatchObject({ leadUnits: ["区乙局"], supportUnits: ["各街镇"], title: "开展季度核查，通报进展情况" });
    expect(r.tasks[2]!.deadlines.map((d) => d.date)).toEqual(["2024-06-30"]);
    expect(r.tasks[3]).toMatchObject({ leadUnits: [], supportUnits: [] });
  });
  it("every row keeps its source line", () => {
    expect(r.tasks.map((t) => t.source.line)).toEqual([13, 18, 21, 25]);
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
    ...NOTICE_HEAD,
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
    ["100,000 role column lines", () => Array.from({ length: 100_000 }, () => "牵头单位")],
    ["a header without 序号 repeated over 5,000 rows", () => Array.from({ length: 5_000 }, (_, i) => ["工作任务", "牵头单位", "配合单位", `建立台账${i}，逐项销号`, "区甲局"]).flat()],
    ["a header without 序号 over 5,000 unit lines", () => ["工作任务", "牵头单位", "配合单位", "建立台账，逐项销号", ...Array.from({ length: 5_000 }, (_, i) => `区${i}局`)]],
  ])("%s: linear", (_name, make) => {
    const source = make().join("\n");
    const t0 = performance.now();
    unflattenTables(lineBlocks(source));
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
