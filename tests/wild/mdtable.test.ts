/**
 * Pool notices that the Markdown / table families broke (issue 16, families 1 and 4), kept unchanged
 * in fixtures/wild/. Each test asserts the structure that was missing before the fix.
 */
import { describe, expect, it } from "vitest";
import { parseWild as parse, taskOf as task } from "../helpers/wild.js";

describe("117: Markdown whose lines are not separated by blank lines (was 0 tasks)", async () => {
  const r = await parse("117_shanghai-2023-ranqi-anquan-zhengzhi.md");
  it("reads the items at line starts", () => {
    expect(r.tasks.length).toBeGreaterThanOrEqual(55);
    for (const id of ["1", "2", "3.1.1", "4.1.1", "4.5.26", "5.2.29", "5.8.48", "6.4"]) expect(r.tasks.map((t) => t.id)).toContain(id);
  });
  it("reads the verb clauses of the items", () => {
    expect(task(r, "4.1.1").leadUnits).toEqual(["市住房城乡建设管理委"]);
    expect(task(r, "5.2.29").leadUnits).toEqual(["市发展改革委", "市财政局", "市地方金融监管局"]);
  });
  it("reads the header; the date under the signature is on its own line", () => {
    expect(r.document).toMatchObject({
      title: "上海市安全生产委员会关于印发上海市城镇燃气安全专项整治实施方案的通知",
      issueDate: "2023-08-23",
      issuer: "上海市安全生产委员会",
    });
    expect(r.document.docNumber?.raw).toBe("沪安委会〔2023〕9号");
  });
});

describe("136: an attachment task table flattened one cell per line (was no table tasks)", async () => {
  const r = await parse("136_baoshan-2019-laji-fenlei-fangan.md");
  const rows = r.tasks.filter((t) => t.origin === "table");
  it("one task per row, ids from the 序号 cells", () => {
    expect(rows.map((t) => t.id)).toEqual(Array.from({ length: 39 }, (_, i) => `A1.${i + 1}`));
  });
  it("reads the role and time columns; rows whose 任务名称 cell was merged keep their content", () => {
    expect(task(r, "A1.1")).toMatchObject({ leadUnits: ["区政府办公室"], supportUnits: ["各联席会议成员单位"], title: "加强组织领导" });
    expect(task(r, "A1.1").deadlines.map((d) => d.date)).toEqual(["2019-03-31"]);
    expect(task(r, "A1.2").leadUnits).toEqual(["区委组织部（区公务员局）"]);
    expect(task(r, "A1.2").text).toMatch(/^将生活垃圾管理作为生态文明建设/u);
    expect(task(r, "A1.5").leadUnits).toEqual(["区委组织部", "区民政局", "区住房保障房屋管理局", "区绿化市容局"]);
    expect(task(r, "A1.24")).toMatchObject({ leadUnits: ["区文化旅游局", "区市场监管局"], supportUnits: ["区商务委"] });
  });
  it("every row has a lead unit", () => {
    expect(rows.filter((t) => t.leadUnits.length === 0)).toEqual([]);
  });
});

describe("115: a 权责清单 flattened one cell per line, cells of several paragraphs", async () => {
  const r = await parse("115_fengxian-2021-nongcun-gonglu-fangan.md");
  const rows = r.tasks.filter((t) => t.origin === "table");
  it("one task per row", () => {
    expect(rows.map((t) => t.id)).toEqual(Array.from({ length: 24 }, (_, i) => `A1.${i + 1}`));
  });
  it("a cell that runs over several lines stays in its column", () => {
    const t = task(r, "A1.5");
    expect(t.title).toBe("农村公路废弃");
    expect(t.text).toContain("废弃 《上海市公路管理条例》第二十七条 区级 区交通委对失去使用功能的县道");
    expect(t.text).toContain("国务院交通运输主管部门对公路废弃程序有规定的");
  });
});
