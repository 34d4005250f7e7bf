import { describe, expect, it } from "vitest";
import { readTextString } from "../../src/input/index.js";
import { lineBlocks, type Block } from "../../src/text/blocks.js";
import { toParagraphs } from "../../src/text/paragraphs.js";
import { cutLine, isUnderBroken, relineBlocks } from "../../src/text/reline.js";

/** Paragraphs of one line cut by the reliner (no trigger: the cutting rules alone). */
function cut(line: string): string[] {
  const [b] = lineBlocks(line);
  const blocks: Block[] = cutLine(line).map(([s, e]) => ({ text: line.slice(s, e), offsets: b!.offsets.subarray(s, e), end: e }));
  return toParagraphs(blocks).map((p) => p.text);
}

// Invented notices of the crawled shape: whole notice on one line, markers and labels inline.
const valid: [string, string, string[]][] = [
  [
    "markers in family order, heading running into its first sub-marker, label runs without separators",
    "为推进工作，制定本方案。一、总体要求坚持统筹推进。二、主要任务（一）强化市场监管1.建立台账。对辖区企业逐一登记。牵头单位：县市场监管局责任单位：各乡镇配合单位：县财政局2.开展检查。每季度抽查一次。牵头单位：县应急局（二）加强宣传引导。广泛宣传。",
    [
      "为推进工作，制定本方案。", "一、总体要求坚持统筹推进。", "二、主要任务", "（一）强化市场监管", "1.建立台账。对辖区企业逐一登记。",
      "牵头单位：县市场监管局", "责任单位：各乡镇", "配合单位：县财政局", "2.开展检查。每季度抽查一次。", "牵头单位：县应急局", "（二）加强宣传引导。广泛宣传。",
    ],
  ],
  [
    "a label's content ends at its sentence end: the text after 。 began a line of its own",
    "1.道路专题：一是路网建设。宣传要点：新建道路。责任单位：县交通局。时间要求：8月15日。二是公交优化。宣传要点：线路调整。责任单位：县交通局、县公交公司。",
    [
      "1.道路专题：一是路网建设。宣传要点：新建道路。", "责任单位：县交通局。", "时间要求：8月15日。", "二是公交优化。宣传要点：线路调整。",
      "责任单位：县交通局、县公交公司。",
    ],
  ],
  [
    "numbers that are not markers: a decimal, a cited item, an enumeration word, an out-of-order ordinal",
    "全年完成投资1.5亿元，其中2016年1.2亿元。按照第（一）项执行，统一、规范管理，三、四月份集中检查，2.3万户受益。",
    ["全年完成投资1.5亿元，其中2016年1.2亿元。按照第（一）项执行，统一、规范管理，三、四月份集中检查，2.3万户受益。"],
  ],
  [
    "the head run together: 文号, title, 主送 line, then the signature and its date",
    "县财政局〔2020〕8号县财政局关于印发资金管理办法的通知各乡镇人民政府，县直各单位：现将办法印发给你们，请遵照执行。县财政局2020年3月5日",
    ["县财政局〔2020〕8号", "县财政局关于印发资金管理办法的通知", "各乡镇人民政府，县直各单位：", "现将办法印发给你们，请遵照执行。", "县财政局", "2020年3月5日"],
  ],
  [
    "a title without 主送 runs into its preamble: it ends before the first comma",
    "县政府〔2019〕3号县政府关于加快项目建设的实施意见为加快项目建设，提出如下意见。一、目标任务全年开工十个项目。",
    ["县政府〔2019〕3号", "县政府关于加快项目建设的实施意见", "为加快项目建设，提出如下意见。", "一、目标任务全年开工十个项目。"],
  ],
  [
    "a cited 文号 in the preamble is not the notice's",
    "根据《省政府关于做好工作的通知》（省政〔2018〕5号）要求，现将有关事项通知如下：一、提高认识。",
    ["根据《省政府关于做好工作的通知》（省政〔2018〕5号）要求，现将有关事项通知如下：", "一、提高认识。"],
  ],
  [
    "a signature after a contact line starts at its first Han character",
    "请各单位抓好落实。联系电话：13800000000某县人民政府办公室2015年6月19日",
    ["请各单位抓好落实。联系电话：13800000000", "某县人民政府办公室", "2015年6月19日"],
  ],
  [
    "a flattened table: the first marker follows the header cells, its second marker comes later",
    "附件重点任务分解表工作任务牵头单位责任单位一、优化营商环境1.精简审批事项。县审批局各乡镇2.压缩办理时限。县审批局二、强化要素保障3.保障用地需求。县自然资源局",
    // the unit cells stay with their row: telling cells apart is the table reader's work
    ["附件重点任务分解表工作任务牵头单位责任单位", "一、优化营商环境", "1.精简审批事项。县审批局各乡镇", "2.压缩办理时限。县审批局", "二、强化要素保障", "3.保障用地需求。县自然资源局"],
  ],
  [
    "a lone ordinal 1 with no second marker is text",
    "要坚持唯一、统一的标准，确保数据唯一1.0版本稳定。",
    ["要坚持唯一、统一的标准，确保数据唯一1.0版本稳定。"],
  ],
  [
    "a date inside a sentence is not a closing date",
    "各单位于2021年6月30日前报送材料，县政府办公室2021年7月1日起开始督查。",
    ["各单位于2021年6月30日前报送材料，县政府办公室2021年7月1日起开始督查。"],
  ],
  [
    "labels inside a bracket stay in the bracket",
    "一、加强监管。严格执法。（牵头单位：县公安局；配合单位：各乡镇）二、强化宣传。",
    ["一、加强监管。严格执法。（牵头单位：县公安局；配合单位：各乡镇）", "二、强化宣传。"],
  ],
];

describe("cutLine", () => {
  it.each(valid)("%s", (_name, line, want) => expect(cut(line)).toEqual(want));

  it("cuts at white space next to CJK, not between digits", () => {
    const line = "时间：2021-05-06 09:30 微信 微博 区直各单位： 现将方案印发给你们。";
    expect(cutLine(line).map(([s, e]) => line.slice(s, e))).toEqual(["时间：2021-05-06 09:30", "微信", "微博", "区直各单位：", "现将方案印发给你们。"]);
  });

  it("cuts the plan title printed after the signature date from its preamble", () => {
    const line = "请认真组织实施。某县人民政府办公室2021年6月1日某县垃圾分类工作方案为做好垃圾分类，制定本方案。一、工作目标全面推行分类。";
    expect(cutLine(line).map(([s, e]) => line.slice(s, e))).toEqual([
      "请认真组织实施。", "某县人民政府办公室", "2021年6月1日", "某县垃圾分类工作方案", "为做好垃圾分类，制定本方案。", "一、工作目标全面推行分类。",
    ]);
  });

  it("keeps every character of a virtual line at its source offset", () => {
    const src = `标题: 某通知\n${"当前位置： 首页 某县关于开展检查的通知 各乡镇： 现将方案印发给你们。一、目标。牵头单位：县政府".repeat(6)}`;
    const decoded = readTextString(src, "text", "utf-8");
    for (const b of decoded.blocks) [...b.text].forEach((ch, i) => expect(src[b.offsets[i]!]).toBe(ch));
  });
});

const longNotice =
  "当前位置： 首页政务公开 某县关于开展安全检查的通知 时间：2021-05-06 09:30 微信 微博 QQ空间 某政办〔2021〕12号 某县人民政府办公室关于开展安全检查的通知 各乡镇人民政府，县直各单位： 为做好安全生产工作，现将有关事项通知如下：" +
  "一、检查范围全县各类生产经营单位。二、检查内容（一）隐患排查1.排查重点企业。对危化企业逐一检查。牵头单位：县应急局配合单位：县公安局2.排查建筑工地。对在建工地全面检查。牵头单位：县住建局（二）整改落实。对发现的问题限期整改。责任单位：各乡镇三、工作要求各单位要高度重视，确保检查取得实效。" +
  " 某县人民政府办公室 2021年5月6日 来源：某县人民政府办公室 附件下载 检查表.docx";

describe("under-broken text", () => {
  it("reads a crawled notice: chrome set aside, header and items on lines of their own", () => {
    const src = `标题: 某县人民政府办公室关于开展安全检查的通知\n发布时间: 2021-05-06 09:30\n文号: \n发布机构: 某县\n==================== 正文 ====================\n${longNotice}\n`;
    const paras = toParagraphs(readTextString(src, "text", "utf-8").blocks).map((p) => p.text);
    expect(paras.slice(0, 4)).toEqual(["某政办〔2021〕12号", "某县人民政府办公室关于开展安全检查的通知", "各乡镇人民政府，县直各单位：", "为做好安全生产工作，现将有关事项通知如下："]);
    expect(paras).toContain("（一）隐患排查");
    expect(paras).toContain("1.排查重点企业。对危化企业逐一检查。");
    expect(paras).toContain("牵头单位：县应急局");
    expect(paras).toContain("配合单位：县公安局");
    expect(paras.slice(-2)).toEqual(["某县人民政府办公室", "2021年5月6日"]);
    expect(paras.join("")).not.toMatch(/当前位置|微信|来源|附件下载|检查表/u);
  });

  it.each([
    ["normally broken text", "某县关于开展检查的通知\n各乡镇：\n一、检查范围。\n二、检查内容。\n某县人民政府\n2021年5月6日\n"],
    ["a long paragraph with one inline enumeration", `各乡镇：\n${"为做好工作，要求如下：1.提高认识，加强领导，明确责任；2.突出重点，狠抓落实，务求实效；3.严格考核，强化问责，确保完成。".repeat(4)}\n县政府\n`],
  ])("leaves %s alone", (_name, src) => {
    const blocks = lineBlocks(src);
    expect(relineBlocks(blocks)).toEqual(blocks);
  });

  it("triggers on the share of text held by overlong lines", () => {
    expect(isUnderBroken(lineBlocks(longNotice))).toBe(true);
    expect(isUnderBroken(lineBlocks("一、甲。\n二、乙。\n"))).toBe(false);
  });
});
