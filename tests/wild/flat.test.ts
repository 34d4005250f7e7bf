/**
 * Pool notices whose task tables reached the text one cell per line, kept unchanged in
 * fixtures/wild/. Each test asserts the structure that was missing before the fix.
 */
import { describe, expect, it } from "vitest";
import { parseWild as parse, taskOf as task } from "../helpers/wild.js";

describe("094: a table without 序号 under a bare 附件： (类别/项目/主要任务/牵头单位/配合单位, merged cells; was no table task)", async () => {
  const r = await parse("094_yangpu-2022-jiceng-xiaofang-zhili.md");
  const rows = r.tasks.filter((t) => t.origin === "table");
  it("one task per row, ids from the item cells, -k under a merged item cell", () => {
    expect(rows.map((t) => t.id)).toEqual([
      "A1.1", "A1.2-1", "A1.2-2", "A1.3", "A1.4-1", "A1.4-2", "A1.5", "A1.6", "A1.7-1", "A1.7-2", "A1.7-3",
      "A1.8", "A1.9", "A1.10", "A1.11-1", "A1.11-2", "A1.12-1", "A1.12-2", "A1.12-3",
    ]);
    expect(r.tasks.filter((t) => t.origin === "body")).toHaveLength(43);
  });
  it("reads the role columns; cells broken over lines stay one cell", () => {
    expect(task(r, "A1.1")).toMatchObject({ title: "做好规划配套", leadUnits: ["区消防救援支队"], supportUnits: ["区应急局", "区公安分局", "区规划资源局", "各街道"] });
    expect(task(r, "A1.2-2")).toMatchObject({ leadUnits: ["区消防救援支队"], supportUnits: ["各街道"] });
    expect(task(r, "A1.5")).toMatchObject({ title: "实化运行消防安全委员会", leadUnits: ["区委编办", "各街道"], supportUnits: ["区消防救援支队"] });
    expect(task(r, "A1.4-1").supportUnits).toEqual(["各街道", "相关委、办、局"]);
    expect(task(r, "A1.7-1")).toMatchObject({ leadUnits: ["各支队"], supportUnits: ["防火监督处"] });
  });
  it("rows below a lost merged unit cell have no units", () => {
    expect(task(r, "A1.12-3")).toMatchObject({ leadUnits: [], supportUnits: [] });
    expect(task(r, "A1.12-3").text).toMatch(/^指导街道充分发挥/u);
  });
  it("the header is untouched", () => {
    expect(r.document.issueDate).toBe("2022-11-22");
    expect(r.warnings.map((w) => w.code)).not.toContain("W_LOW_COVERAGE");
  });
});

describe("072: a time table without 序号 whose 任务目标 cells are merged over the task rows", async () => {
  const r = await parse("072_pingtan-2018-cesuo-geming.txt");
  const rows = r.tasks.filter((t) => t.origin === "table");
  it("one task per 具体任务 row; the 任务目标 sentence is the first row's leading cell", () => {
    expect(rows.map((t) => t.id)).toEqual(Array.from({ length: 15 }, (_, i) => `A1.${i + 1}`));
    expect(task(r, "A1.1").text).toMatch(/^一季度前，集中消除.*2月底前编制完成具体实施方案/u);
    expect(task(r, "A1.1").responsibleUnits).toEqual(["区交建局"]);
    expect(task(r, "A1.3").responsibleUnits).toEqual(["区旅发委", "各乡镇", "区环卫所"]);
  });
});

describe("136: a 序号 table whose unit cell runs over two lines after 、", async () => {
  const r = await parse("136_baoshan-2019-laji-fenlei-fangan.md");
  it("the continued cell is one lead cell", () => {
    expect(task(r, "A1.21")).toMatchObject({ leadUnits: ["区政府办公室", "区绿化市容局", "区规划资源局", "区重大办"], supportUnits: [] });
    expect(task(r, "A1.9")).toMatchObject({ leadUnits: ["各街镇（园区）"], supportUnits: ["区绿化市容局", "区农业农村委"] });
  });
  it("the two numeric tables of 附件2 and 附件3 are no tasks", () => {
    expect(r.tasks.filter((t) => t.origin === "table").map((t) => t.id.split(".")[0])).toEqual(Array.from({ length: 39 }, () => "A1"));
  });
});
