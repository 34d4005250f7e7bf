import { describe, expect, it } from "vitest";
import { findDeadlines } from "../../src/extract/deadline.js";

// Plan year Y = 2022 throughout.
const textValid: [string, string[]][] = [
  ["2022年底前完成改版", ["2022-12-31"]],
  ["2021年底以前，司法部门要牵头", ["2021-12-31"]],
  ["到2023年底前，基层政府全流程", ["2023-12-31"]],
  ["2021年底，各地各部门重大政策多元化解读比例不低于80%", ["2021-12-31"]],
  ["至2020年底实现主岛建制村双车道通达率达100%", ["2020-12-31"]],
  ["一期工程2019年年底完工", ["2019-12-31"]],
  ["年底前将发放结果以村为单位公示", ["2022-12-31"]],
  ["全市政府网站年内全面完成IPv6升级改造", ["2022-12-31"]],
  ["各区县6月底前完成矩阵建设", ["2022-06-30"]],
  ["7月底前更新目录，在年底前公开", ["2022-07-31", "2022-12-31"]],
  ["2022年9月底前，升级改造完成", ["2022-09-30"]],
  ["2022年6月30日前报送", ["2022-06-30"]],
  ["9月15日前完成", ["2022-09-15"]],
  ["十二月底前完成", ["2022-12-31"]],
  ["二〇二二年五月三十一日前", ["2022-05-31"]],
  ["上半年前完成清理", ["2022-06-30"]],
  ["2023年第三季度前完成", ["2023-09-30"]],
  ["对要求在2023年底前完成的事项要倒排时序", ["2023-12-31"]],
  // a month or year end is a time point with or without 前
  ["4月底完成摸底排查", ["2022-04-30"]],
  ["11月底建成投用", ["2022-11-30"]],
  ["十月底取得阶段成效", ["2022-10-31"]],
  ["2024年3月底完成验收", ["2024-03-31"]],
  ["2026年底，覆盖率达到95%", ["2026-12-31"]],
  ["力争年底完成", ["2022-12-31"]],
  ["年底建成并投入使用", ["2022-12-31"]],
];
const textInvalid = [
  "每年年底前报送年度报告",
  "每月月底前将汇总工作开展情况",
  "每季度开展一次检查",
  "常态化推进",
  "5个工作日内答复",
  "3年内完成",
  "到2025年，基本掌握重点区域",
  "2020年前基本完成整治",
  "2019年上半年",
  "截至2022年底，共公开信息",
  "2022年7月1日起施行",
  "2018年，推进13个美丽乡村建设",
  "每年年底报送",
  "每月底汇总",
  "去年底已建成",
  "截至5月底，已完成",
  "3月末完成",
  "年初签约、年底考核",
];
const fieldValid: [string, string[]][] = [
  ["全年", ["2022-12-31"]],
  ["12 月底前", ["2022-12-31"]],
  ["2019年8月", ["2019-08-31"]],
  ["2019年8月前", ["2019-08-31"]],
  ["2019年8月底", ["2019-08-31"]],
  ["2020年", ["2020-12-31"]],
  ["2022年6月底前、12月底前", ["2022-06-30", "2022-12-31"]],
];
const fieldInvalid = ["长期", "持续推进", "常态化"];

describe("findDeadlines", () => {
  it.each(textValid)("text: %s", (text, want) => {
    const got = findDeadlines(text, 2022, "text");
    expect(got.map((d) => d.date)).toEqual(want);
    for (const d of got) expect(text.slice(d.index, d.index + d.raw.length)).toBe(d.raw);
  });
  it.each(textInvalid)("text, not a deadline: %s", (text) => expect(findDeadlines(text, 2022, "text")).toEqual([]));
  it.each(fieldValid)("field: %s", (text, want) => expect(findDeadlines(text, 2022, "field").map((d) => d.date)).toEqual(want));
  it.each(fieldInvalid)("field, not a deadline: %s", (text) => expect(findDeadlines(text, 2022, "field")).toEqual([]));
  it("needs a plan year for dates without one", () => expect(findDeadlines("6月底前", null)).toEqual([]));
  it("rejects impossible dates", () => expect(findDeadlines("2022年2月30日前", 2022)).toEqual([]));
});
