import { describe, expect, it } from "vitest";
import { splitNames } from "../../src/normalize/units.js";

const cases: [string, string[]][] = [
  ["市政府各部门，各市（县）、区人民政府", ["市政府各部门", "各市（县）、区人民政府"]],
  ["各相关市（县）、区人民政府", ["各相关市（县）、区人民政府"]],
  ["各镇、街道（场）政府（办事处）", ["各镇、街道（场）政府（办事处）"]],
  ["市发展改革委、市建设局、市委改革办（市政务办）", ["市发展改革委", "市建设局", "市委改革办（市政务办）"]],
  ["市委改革办(市政务办)、市大数据局", ["市委改革办(市政务办)", "市大数据局"]],
  ["市发展改革委，各区县政府〔含南太湖新区管委会，下同〕，以下责任单位均包含各区县政府", ["市发展改革委", "各区县政府"]],
  ["区法院、检察院", ["区法院", "检察院"]],
  ["吴兴区、南浔区", ["吴兴区", "南浔区"]],
  ["各乡镇，区交建局、整治办", ["各乡镇", "区交建局", "整治办"]],
  ["区市场监管局等", ["区市场监管局"]],
  ["  市 司法局 ", ["市司法局"]],
  ["", []],
];

describe("splitNames", () => {
  it.each(cases)("%s", (text, want) => expect(splitNames(text)).toEqual(want));
  it("splits 会同 and 等 before a generic group in verb clauses", () => {
    expect(splitNames("X会同有关部门", { verbClause: true })).toEqual(["X", "有关部门"]);
    expect(splitNames("X等有关部门和单位", { verbClause: true })).toEqual(["X", "有关部门和单位"]);
    expect(splitNames("高等学校", { verbClause: true })).toEqual(["高等学校"]);
  });
});
