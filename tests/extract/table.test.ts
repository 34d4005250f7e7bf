import { describe, expect, it } from "vitest";
import { columnKind, mapColumns } from "../../src/extract/table.js";

const kinds: [string, unknown][] = [
  ["序号", { kind: "index" }],
  ["重点任务", { kind: "text" }],
  ["牵头单位", { kind: "role", role: "lead" }],
  ["牵头部门", { kind: "role", role: "lead" }],
  ["责任单位", { kind: "role", role: "responsible" }],
  ["责任单位（部门）", { kind: "role", role: "responsible" }],
  ["配合单位", { kind: "role", role: "support" }],
  ["协办单位", { kind: "role", role: "support" }],
  ["指导部门", { kind: "role", role: "guide" }],
  ["区县", { kind: "role", role: "responsible", place: true }],
  ["完成时限", { kind: "deadline" }],
  ["完成时间", { kind: "deadline" }],
  ["时间节点", { kind: "deadline" }],
  ["推广范围", { kind: "text" }],
  ["工作要求", { kind: "text" }],
  ["名 称", { kind: "text" }],
  ["备注", { kind: "ignore" }],
  ["类别", { kind: "group" }],
  ["领域", { kind: "group" }],
];

describe("columnKind", () => {
  it.each(kinds)("%s", (h, want) => expect(columnKind(h)).toEqual(want));
});

describe("mapColumns", () => {
  it("maps a task-table header and picks the first text column as title", () => {
    const m = mapColumns(["序号", "区县", "项目名称", "任 务", "完成时限"])!;
    expect(m.title).toBe(2);
    expect(m.kinds.map((k) => k.kind)).toEqual(["index", "role", "text", "text", "deadline"]);
  });
  it("a category column is never the title", () => {
    const m = mapColumns(["序号", "领域", "重点任务", "牵头单位"])!;
    expect(m.title).toBe(2);
  });
  it.each([
    [["1", "高水平推进共同富裕领域信息公开工作,做好“共同富裕班车”信息公开。", "市发展改革委", "全年"]],
    [["1", "市发展改革委", "全年"]],
    [["一、知识产权保护方面（共5项）"]],
    [["3", "办好实事", "办公室牵头，各科室配合落实", "全年"]],
    [["建立台账", "区甲局", "6月底前"]],
    [["12", "示范工程", "区甲局"]],
  ])("a data row is not a header: %j", (cells) => expect(mapColumns(cells)).toBeNull());
});
