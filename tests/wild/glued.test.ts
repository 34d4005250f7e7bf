/**
 * Regression tests for crawled one-line pages whose task tables were glued into running text
 * (helper "glued"). Files are copied unchanged from the wild pool into fixtures/wild/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBuffer } from "../../src/index.js";

const root = join(import.meta.dirname, "../../fixtures/wild");
const parse = async (file: string) => parseBuffer(new Uint8Array(readFileSync(join(root, file))), { path: file });
const units = (t: { leadUnits: string[]; responsibleUnits: string[]; supportUnits: string[] }) => [t.leadUnits, t.responsibleUnits, t.supportUnits];

const ALL = ["区直各有关单位", "各区属事业单位", "各片区管理局", "各乡镇人民政府（街道办事处）"];

describe("wild notices: glued task tables", () => {
  it("060 (marker rows, 牵头单位 and 配合/责任单位 cells glued): leads and the other column per row", async () => {
    const r = await parse("060_pingtan-2022-zwgk-renwu-fenjiebiao.txt");
    expect(r.tasks).toHaveLength(18);
    const byId = new Map(r.tasks.map((t) => [t.id, t]));
    expect(units(byId.get("1.1")!)).toEqual([[], [], ALL]);
    expect(units(byId.get("1.3")!)).toEqual([["区经济发展局", "区行政审批局"], [], ALL]);
    expect(units(byId.get("4.9")!)).toEqual([["区社会事业局"], [], ALL]);
    expect(byId.get("5.13")).toBeDefined(); // the repeated category cell is not a second 五、
    expect(units(byId.get("7.16")!)).toEqual([[], [], ["区直各有关单位", "各片区管理局"]]);
    expect(r.warnings.map((w) => w.code)).not.toContain("W_NUMBERING_DUPLICATE");
  });
  it("109 (任务分解表 without 序号, cells `X牵头，Y、Z`): rows in order, lead and responsible", async () => {
    const r = await parse("109_pingtan-2016-lixiang-guapai-fenjiebiao.txt");
    expect(r.tasks.length).toBeGreaterThanOrEqual(45);
    expect(r.tasks[0]!.id).toBe("A1.1");
    expect(units(r.tasks[0]!)).toEqual([["区经发局"], ["区交建局", "环土局", "电信公司", "电力公司", "广电网络分公司"], []]);
    expect(units(r.tasks[1]!)).toEqual([["区财金局", "经发局"], ["区环土局", "交建局", "社会事业局"], []]);
    expect(r.tasks[1]!.title.startsWith("创新应用各种投融资方式")).toBe(true);
  });
  it("124 (整改任务分解表, `X牵头，Y配合` cells found back from 牵头): units and deadlines of the first rows", async () => {
    const r = await parse("124_pingtan-2016-huanjing-zhenggai-fenjiebiao.txt");
    const a1 = r.tasks.find((t) => t.id === "A1.1")!;
    expect(units(a1)).toEqual([["区环土局"], [], ["区农发局"]]);
    expect(a1.deadlines.map((d) => d.date)).toEqual(["2016-06-30"]);
    expect(units(r.tasks.find((t) => t.id === "A1.2")!)).toEqual([["区农发局"], ["相关乡镇"], ["区环土局"]]);
  });
});

describe("wild notices: glued problem list with 序号", () => {
  it("129 (序号 glued after the unit cell, header broken at its spaces): rows by printed 序号", async () => {
    const r = await parse("129_pingtan-2016-xiaoneng-ducha-zhenggai.txt");
    const byId = new Map(r.tasks.map((t) => [t.id, t]));
    expect(units(byId.get("A1.98")!)).toEqual([[], ["岚城片区开发管理局", "区交通投资发展有限公司", "区环境与国土资源局"], []]);
    expect(units(byId.get("A1.99")!)[1]).toContain("区土地开发集团公司");
    expect(units(byId.get("A1.102")!)[1]).toContain("区国有林场");
    expect(units(byId.get("A1.109")!)).toEqual([[], ["流水片区开发管理局"], []]);
  });
});
