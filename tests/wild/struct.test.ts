/**
 * Regression tests for pool notices of families 5 and 8 of issue 16 (copied unchanged into
 * fixtures/wild/): regulations structured by 第X章 / 第X条, several documents in one notice (P2.),
 * and top-level headings printed without markers. None of them may produce duplicate-marker ids (~2).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBuffer, type Result } from "../../src/index.js";

const dir = join(import.meta.dirname, "../../fixtures/wild");
const parse = async (name: string): Promise<Result> => {
  const path = join(dir, name);
  return parseBuffer(readFileSync(path), { path });
};
const task = (r: Result, id: string) => r.tasks.find((t) => t.id === id);
const ids = (r: Result): string[] => r.tasks.map((t) => t.id);

describe("family 8: regulations (第X章 › 第X条 › （一） › 1.)", () => {
  const regs: { file: string; tasks: number; chapters: number; some: [string, string][] }[] = [
    // 国务院令 page: articles without chapters, lists restarting in every article
    { file: "028_guoling-2018-geshui-shishi-tiaoli.html", tasks: 60, chapters: 0, some: [["1", "第一条"], ["3.5", "（五）"], ["6.5.1", "1."], ["14.4", "（四）"], ["36", "第三十六条"]] },
    // 国务院令 page with chapters; article 1 of each chapter on its own line
    { file: "050_guoling-2018-zhuanli-daili-tiaoli.html", tasks: 43, chapters: 5, some: [["1.1", "第一条"], ["2.7", "第七条"], ["2.8.4", "（四）"], ["4.26.5", "（五）"], ["5.32", "第三十二条"]] },
    // legal-database exports: 第一章　总则　　第一条 … on one line
    { file: "055_aba-2021-zhengwu-shuju-guanli.txt", tasks: 64, chapters: 9, some: [["1.1", "第一条"], ["2.8", "第八条"], ["3.17.4", "（四）"], ["9.49", "第四十九条"]] },
    { file: "057_zhongshan-2020-zhengwu-shuju-banfa.txt", tasks: 60, chapters: 7, some: [["1.5.5", "（五）"], ["2.8", "第八条"], ["4.19.3", "（三）"], ["7.42", "第四十二条"]] },
    { file: "058_guangdong-2021-gonggong-shuju-banfa.txt", tasks: 96, chapters: 12, some: [["1.3.4", "（四）"], ["1.7.6", "（六）"], ["3.18.11", "（十一）"], ["12.56", "第五十六条"], ["12.57", "第五十七条"]] },
  ];
  it.each(regs)("$file", async ({ file, tasks, chapters, some }) => {
    const r = await parse(file);
    expect(ids(r).filter((id) => id.includes("~"))).toEqual([]);
    expect(r.tasks).toHaveLength(tasks);
    expect(r.sections.filter((s) => s.marker.endsWith("章"))).toHaveLength(chapters);
    for (const [id, marker] of some) expect(task(r, id)?.marker, id).toBe(marker);
    expect(r.warnings.map((w) => w.code)).not.toContain("W_MARKER_ORDER");
  });

  it("055: the chapter heading printed with the first article is the chapter's title, not a task", async () => {
    const r = await parse("055_aba-2021-zhengwu-shuju-guanli.txt");
    expect(r.sections.slice(0, 2).map((s) => [s.id, s.title])).toEqual([["1", "总则"], ["2", "规划建设"]]);
    expect(task(r, "1.1")?.path).toEqual(["总则"]);
  });
});

describe("family 5: several documents in one notice (P2.)", () => {
  it("016: two 规定 printed after one notice; the second restarts at 一、 under its own title", async () => {
    const r = await parse("016_guobanfa-2018-wenhua-tizhi-zhuanzhi.html");
    expect(ids(r).filter((id) => id.includes("~"))).toEqual([]);
    expect(r.tasks).toHaveLength(51);
    expect(ids(r).filter((id) => id.startsWith("P2."))).toHaveLength(20);
    expect(task(r, "9.31")?.marker).toBe("（三十一）");
    // the closing paragraph and the next document's title are not part of the last item
    expect(task(r, "9.31")?.text.endsWith("党员先锋模范作用。")).toBe(true);
    expect(task(r, "P2.1.1")?.path).toEqual(["关于财政税收"]);
    expect(task(r, "P2.4.20")?.text.endsWith("按国家法律规定执行。")).toBe(true);
    expect(r.warnings.map((w) => w.code)).not.toContain("W_MARKER_ORDER");
  });

  it("115: a notice with items of its own and an attached plan (附件2 + title + 一、) → P2.", async () => {
    const r = await parse("115_fengxian-2021-nongcun-gonglu-fangan.md");
    expect(ids(r).filter((id) => id.includes("~"))).toEqual([]);
    expect(ids(r).filter((id) => id.startsWith("P2."))).toHaveLength(40);
    expect(task(r, "5.3.3")?.responsibleUnits).toEqual(["区交通委", "各街镇", "开发区", "头桥集团"]);
    expect(task(r, "6.3")?.marker).toBe("(三)");
    expect(task(r, "P2.1")?.marker).toBe("一、");
    expect(task(r, "P2.7.5")?.path).toEqual(["工作保障"]);
  });
});

describe("family 8: top-level headings without markers", () => {
  it("114: 总体要求 / 重点整治内容 / 工作安排 / 工作要求 are the top level, so the lists under them do not collide", async () => {
    const r = await parse("114_fengxian-2023-yanglao-ranqi-zhengzhi.md");
    expect(ids(r)).toEqual(["1", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4"]);
    expect(task(r, "1")?.title).toBe("总体要求");
    expect(task(r, "3.1")?.path).toEqual(["工作安排"]);
    expect(task(r, "2.4")?.text).not.toContain("工作安排");
  });
});

describe("a lead-in list before 一、 and headings that start with a year", () => {
  it("148: the preamble's 1./2. targets are not tasks; the sections' ids do not collide with them", async () => {
    const r = await parse("148_pingtan-2016-baozhangxing-anju-renwu.txt");
    expect(ids(r)).toEqual(["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3"]);
    expect(task(r, "2.1")!.responsibleUnits).toEqual(["平潭综合实验区流水小城镇建设有限公司"]);
  });
  it("150: 一、2016年… is a heading (its text starts with a year), so the one-line body is read", async () => {
    const r = await parse("150_pingtan-2016-cujin-jiuye-mubiao.txt");
    expect(ids(r)).toEqual(["1", "2", "3", "4", "5"]);
    expect(task(r, "1")!.text).toMatch(/^2016年全区促进就业目标责任制主要指标/u);
  });
});
