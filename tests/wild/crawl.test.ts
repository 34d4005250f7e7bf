/**
 * Regression tests for pool notices of issue 16 families 2 and 3 (crawled text whose line breaks were
 * lost; metadata around the notice). Each fixture is a pool notice copied unchanged into fixtures/wild/.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBuffer, type Result } from "../../src/index.js";

const parse = async (name: string): Promise<Result> => {
  const path = new URL(`../../fixtures/wild/${name}`, import.meta.url);
  return parseBuffer(readFileSync(path), { path: name });
};
const task = (r: Result, id: string) => r.tasks.find((t) => t.id === id);

describe("crawled text with its line breaks lost", () => {
  it("139: a plan after the signature, label lines running into the next marker", async () => {
    const r = await parse("139_pingtan-2016-changtong-chengshi-xingdong.txt");
    expect(r.document.title).toBe("平潭综合实验区管委会关于印发实施畅通城市三年行动计划（2016-2018年）方案的通知");
    expect(r.document.docNumber?.raw).toBe("岚综管综〔2016〕140号");
    expect(r.document.issueDate).toBe("2016-06-20");
    expect(r.document.recipients).toEqual(["区直各单位", "各乡镇人民政府", "各国有公司"]);
    expect(r.tasks).toHaveLength(17);
    expect(task(r, "2.1.1")?.responsibleUnits).toEqual(["区公安局", "区交建局", "区经发局", "区规划局", "各乡镇"]);
    expect(task(r, "2.1.2")?.responsibleUnits).toEqual(["区交建局", "区规划局", "各乡镇"]);
    expect(task(r, "2.3.1.1")?.title).toMatch(/^全面排查交通拥堵路段/u);
    expect(task(r, "3.4")?.responsibleUnits).toContain("妇联");
  });

  it("141: inline 责任单位 / 时间要求 runs after each 一是/二是 piece split the item into one task per clause", async () => {
    const r = await parse("141_pingtan-2016-shisanwu-xuanchuan-fengong.txt");
    expect(r.tasks).toHaveLength(25);
    expect(task(r, "3.1.1")).toBeUndefined();
    expect(task(r, "3.1.1-1")?.responsibleUnits).toEqual(["区交建局"]);
    expect(task(r, "3.1.1-3")?.responsibleUnits).toEqual(["区农发局", "环土局"]);
    expect(task(r, "3.1.1-3")?.title).toMatch(/^三是生态环境日益改善/u);
    expect(task(r, "3.1.2-3")?.responsibleUnits).toEqual(["区卫计局"]);
    expect(task(r, "3.1.1-1")?.deadlines.map((d) => d.date)).toContain("2016-08-15");
  });

  it("096: no 文号, items with bracket clauses", async () => {
    const r = await parse("096_pingtan-2019-dianti-anquan-yijian.txt");
    expect(r.document.title).toBe("平潭综合实验区管委会办公室关于进一步加强电梯质量安全工作的实施意见");
    expect(r.document.docNumber).toBeNull();
    expect(r.document.issueDate).toBe("2019-03-15");
    expect(r.tasks).toHaveLength(19);
    expect(task(r, "2.1")?.responsibleUnits).toEqual(["区交通与建设局", "市场监督管理局"]);
    expect(task(r, "5.2")?.responsibleUnits).toEqual(["区通信管理办公室", "各乡镇人民政府", "区交通与建设局"]);
  });

  it("101: label pairs after each item; a contact line before the signature", async () => {
    const r = await parse("101_pingtan-2015-sanshiliujiaohu-zhengzhi.txt");
    expect(r.document.issuer).toBe("平潭综合实验区管委会办公室");
    expect(r.document.issueDate).toBe("2015-06-19");
    expect(r.tasks).toHaveLength(27);
    expect(task(r, "4.1.1")?.leadUnits).toEqual(["区森林与园林管理局"]);
    expect(task(r, "4.1.1")?.supportUnits).toEqual(["区经济发展局"]);
    expect(task(r, "4.7")?.leadUnits).toEqual(["区经济发展局"]);
  });

  it("063: the head without any white space (文号, title, 主送 run together)", async () => {
    const r = await parse("063_pingtan-2015-pingan-shangxuelu.txt");
    expect(r.document.docNumber?.raw).toBe("岚综管办〔2015〕66号");
    expect(r.document.title).toBe("平潭综合实验区管委会办公室关于印发《平潭综合实验区开展“平安上学路”交通专项整治工作方案》的通知");
    expect(r.document.recipients).toEqual(["区直各相关单位", "各片区开发管理局", "各乡镇人民政府"]);
    expect(r.document.issueDate).toBe("2015-04-15");
    expect(r.tasks.map((t) => t.id).slice(0, 4)).toEqual(["1", "2", "3", "4.1"]);
    expect(r.tasks).toHaveLength(18);
  });

  it("107: a title with no 主送 line runs into its preamble", async () => {
    const r = await parse("107_pingtan-2015-sangeyipi-xiangmu-yijian.txt");
    expect(r.document.title).toBe("平潭综合实验区管委会关于加快推进平潭综合实验区“三个一批”重大项目建设的实施意见");
    expect(r.document.docNumber?.raw).toBe("岚综管综〔2015〕59号");
    expect(r.tasks.map((t) => t.id).slice(0, 3)).toEqual(["1", "2.1", "2.2"]);
  });
});

describe("metadata around the notice", () => {
  it("054: database citation lines and the title printed twice are not the title", async () => {
    const r = await parse("054_beijing-2022-shuju-zhuanqu.txt");
    expect(r.document.title).toBe("北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知");
    expect(r.document.docNumber?.raw).toBe("京经信发〔2022〕87号");
    expect(r.document.issuer).toBe("北京市经济和信息化局");
    expect(r.document.issueDate).toBe("2022-11-21");
  });

  it("057: the database's title line of a 令 stands alone", async () => {
    const r = await parse("057_zhongshan-2020-zhengwu-shuju-banfa.txt");
    expect(r.document.title).toBe("中山市政务数据管理办法");
    expect(r.document.issueDate).toBe("2020-05-15");
  });

  it("001: a page's metadata table gives 发文机关 and 成文日期 only as fallbacks", async () => {
    const r = await parse("001_guofa-2019-shuangsuiji-jianguan.html");
    expect(r.document.title).toBe("国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见");
    expect(r.document.docNumber?.raw).toBe("国发〔2019〕5号");
    expect(r.document.issuer).toBe("国务院");
    expect(r.document.issueDate).toBe("2019-01-27");
  });
});
