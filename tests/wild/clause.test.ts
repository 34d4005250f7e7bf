/**
 * Regression tests for pool notices whose header or units the clause work fixed (issue 16,
 * families 6 and 7). Files are copied unchanged from the wild pool into fixtures/wild/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBuffer } from "../../src/index.js";

const root = join(import.meta.dirname, "../../fixtures/wild");
const parse = async (file: string) => parseBuffer(new Uint8Array(readFileSync(join(root, file))), { path: file });

describe("wild notices: header variants and unit names", () => {
  it("001 (gov.cn page): 各省、自治区、直辖市人民政府 is one recipient", async () => {
    const r = await parse("001_guofa-2019-shuangsuiji-jianguan.html");
    expect(r.document.recipients).toEqual(["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]);
    expect(r.document.docNumber?.raw).toBe("国发〔2019〕5号");
    expect(r.document.issuer).toBe("国务院");
  });
  it("017 (two offices, signature printed without a separator): issuer joined with 、", async () => {
    const r = await parse("017_guobanfa-1996-huaqin-huaxue-wuqi.html");
    expect(r.document.issuer).toBe("国务院办公厅、中央军委办公厅");
    expect(r.document.issueDate).toBe("1996-06-29");
    expect(r.document.docNumber?.raw).toBe("国办发〔1996〕25号");
  });
  it("030 (title over two <p>, its first line ends in 文件): the whole title, not a 红头", async () => {
    const r = await parse("030_guobanfa-2018-guifanxing-wenjian-shenhe.html");
    expect(r.document.title).toBe("国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见");
    expect(r.document.issuer).toBe("国务院办公厅");
    expect(r.document.docNumber?.raw).toBe("国办发〔2018〕115号");
  });
  it.each([
    ["028_guoling-2018-geshui-shishi-tiaoli.html", "中华人民共和国国务院令第707号", 707, "中华人民共和国个人所得税法实施条例", "2018-12-18"],
    ["050_guoling-2018-zhuanli-daili-tiaoli.html", "中华人民共和国国务院令第706号", 706, "专利代理条例", "2018-11-06"],
  ])("%s (国务院令 page): 令 number, title, issuer", async (file, raw, serial, title, date) => {
    const r = await parse(file);
    expect(r.document.docNumber).toMatchObject({ raw, serial, year: Number(date.slice(0, 4)) });
    expect(r.document.title).toBe(title);
    expect(r.document.issuer).toBe("中华人民共和国国务院");
    expect(r.document.issueDate).toBe(date);
  });
  it("057 (database export of a city 令: title above it, number in brackets)", async () => {
    const r = await parse("057_zhongshan-2020-zhengwu-shuju-banfa.txt");
    expect(r.document.docNumber).toMatchObject({ raw: "中山市人民政府令第16号", serial: 16, year: 2020 });
    expect(r.document.title).toBe("中山市政务数据管理办法");
    expect(r.document.issuer).toBe("中山市人民政府");
    expect(r.document.issueDate).toBe("2020-05-15");
  });
  it("098 (Markdown, thirteen offices sign): every office, 委、办、局 one recipient", async () => {
    const r = await parse("098_huangpu-2025-kezaisheng-nengyuan-fangan.md");
    const issuers = r.document.issuer?.split("、") ?? [];
    expect(issuers).toHaveLength(13);
    expect(issuers[0]).toBe("黄浦区发展和改革委员会");
    expect(issuers.at(-1)).toBe("黄浦区投资促进办公室");
    expect(r.document.recipients.slice(0, 2)).toEqual(["区政府各委、办、局", "区属企业集团"]);
    const t = r.tasks.find((x) => x.id === "1.2");
    expect(t?.responsibleUnits).toEqual(["区建管委", "区发展改革委"]);
  });
});

describe("wild notices: a label's names end where another key starts", () => {
  it("126 (stages run on after the names: …各乡镇第二阶段：…): the stage is not a unit", async () => {
    const r = await parse("126_pingtan-2016-binzang-zhuanxiang-zhengzhi.txt");
    const t = r.tasks.find((x) => x.id === "3-1");
    expect(t?.responsibleUnits).toEqual(["区党工委宣传部", "综合执法局", "社会事业局", "各乡镇"]);
    for (const x of r.tasks) for (const u of [...x.leadUnits, ...x.responsibleUnits, ...x.supportUnits]) expect(u).not.toMatch(/[：:]|阶段/u);
  });
  it("148 (责任单位：…，所属片区：…): the district key and its value are not a responsible unit", async () => {
    const r = await parse("148_pingtan-2016-baozhangxing-anju-renwu.txt");
    const units = r.tasks.flatMap((x) => x.responsibleUnits);
    expect(units).toContain("平潭综合实验区国有资产投资发展有限公司");
    for (const u of units) expect(u).not.toMatch(/所属片区|[：:]/u);
  });
});
