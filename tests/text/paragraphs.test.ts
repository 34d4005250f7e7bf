import { describe, expect, it } from "vitest";
import { lineBlocks } from "../../src/text/blocks.js";
import { toParagraphs } from "../../src/text/paragraphs.js";

const paras = (s: string): string[] => toParagraphs(lineBlocks(s)).map((p) => p.text);

describe("toParagraphs", () => {
  it.each([
    ["CJK words broken by a wrap and a blank line", "依法依规做好扩大有效投资相关规划、政策文件及重\n\n大建设项目信息公开。", ["依法依规做好扩大有效投资相关规划、政策文件及重大建设项目信息公开。"]],
    ["a name broken inside a bracket", "〔牵头单位：市发展改革委；责任单位：各市（县）、区人民\n\n政府]", ["〔牵头单位：市发展改革委；责任单位：各市（县）、区人民政府]"]],
    ["page furniture between the halves of a sentence", "突出做好就业、教育等领域的信息公开工作。做\n— 8 —\n好重点群体就业", ["突出做好就业、教育等领域的信息公开工作。做好重点群体就业"]],
    ["furniture variants", "甲乙\n- 3 -\n丙\n第 3 页 共 9 页\n丁\n-- 1 of 9 --\n戊", ["甲乙丙丁戊"]],
    ["spaces next to CJK removed, between ASCII kept", "   2022 年 5月 31 日 实现 IPv6 升级\n", ["2022年5月31日实现IPv6升级"]],
    ["numbered items are never merged", "（一）助力优化政策环境\n1.主动公开重要政策文件。紧紧围绕\n贯彻落实\n2.加大政策精准解读力度。", ["（一）助力优化政策环境", "1.主动公开重要政策文件。紧紧围绕贯彻落实", "2.加大政策精准解读力度。"]],
    ["a label line starts its own paragraph", "建设网络平台。\n责任单位：管委会办公室、公安局", ["建设网络平台。", "责任单位：管委会办公室、公安局"]],
    ["header lines are not merged", "无锡市人民政府办公室文件\n锡政办函〔2022〕13号\n市政府办公室关于印发无锡市 2022年\n政务公开工作要点实施方案的通知\n各市（县）、区人民政府：", ["无锡市人民政府办公室文件", "锡政办函〔2022〕13号", "市政府办公室关于印发无锡市2022年政务公开工作要点实施方案的通知", "各市（县）、区人民政府："]],
    ["signature and date", "请认真贯彻落实。\n无锡市人民政府办公室\n2022年 5月 31日", ["请认真贯彻落实。", "无锡市人民政府办公室", "2022年5月31日"]],
    ["table rows stay rows", "序号\t重点任务\t牵头单位\n1\t做好工作。\t市财政局", ["序号\t重点任务\t牵头单位", "1\t做好工作。\t市财政局"]],
  ])("%s", (_name, input, want) => expect(paras(input)).toEqual(want));

  it("maps every character back to its source offset", () => {
    const src = "甲 乙\n\n丙（丁\n戊）";
    for (const p of toParagraphs(lineBlocks(src))) {
      [...p.text].forEach((ch, i) => expect(src[p.offsets[i]!]).toBe(ch));
    }
  });
});
