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
  // bare places share the body of the last piece (one name)
  ["各省、自治区、直辖市人民政府，国务院各部委、各直属机构", ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]],
  ["东城区、西城区、南山区政府", ["东城区、西城区、南山区政府"]],
  ["市园林局，甲新区、乙县政府，丙集团", ["市园林局", "甲新区、乙县政府", "丙集团"]],
  ["各市、县（市、区）人民政府", ["各市、县（市、区）人民政府"]],
  ["各乡镇、街道党委", ["各乡镇、街道党委"]],
  // complete names stay apart; bare places with no shared body stay apart
  ["市公安局、区人民政府", ["市公安局", "区人民政府"]],
  ["甲区、乙区、市交通局", ["甲区", "乙区", "市交通局"]],
  ["区检察院、区法院", ["区检察院", "区法院"]],
  // 等 ends a group; 和 / 及 after it join the next group
  ["甲部、乙委等和各省级人民政府", ["甲部", "乙委", "各省级人民政府"]],
  ["甲部等及各有关省级人民政府", ["甲部", "各有关省级人民政府"]],
  ["高等学校、中等职业学校", ["高等学校", "中等职业学校"]],
  // a lone organisation type continues the name before it
  ["区政府各委、办、局，各街道办事处", ["区政府各委、办、局", "各街道办事处"]],
  ["市各委、办，区属企业", ["市各委、办", "区属企业"]],
];

describe("splitNames", () => {
  it.each(cases)("%s", (text, want) => expect(splitNames(text)).toEqual(want));
  it("splits 会同 and 等 before a generic group in verb clauses", () => {
    expect(splitNames("X会同有关部门", { verbClause: true })).toEqual(["X", "有关部门"]);
    expect(splitNames("X等有关部门和单位", { verbClause: true })).toEqual(["X", "有关部门和单位"]);
    expect(splitNames("高等学校", { verbClause: true })).toEqual(["高等学校"]);
    expect(splitNames("甲部、乙委等和各省级人民政府", { verbClause: true })).toEqual(["甲部", "乙委", "各省级人民政府"]);
  });
});
