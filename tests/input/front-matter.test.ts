import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { simpleFrontMatter } from "../../src/input/front-matter.js";

/** What the Markdown reader keeps of a front matter read by the YAML parser: its scalar fields as strings. */
function viaYaml(yaml: string): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    const data: unknown = parseYaml(yaml);
    if (data && typeof data === "object") {
      for (const [k, v] of Object.entries(data as Record<string, unknown>)) if (v !== null && v !== undefined && typeof v !== "object") out[k] = String(v);
    }
  } catch {
    // malformed: nothing
  }
  return out;
}

describe("simpleFrontMatter", () => {
  it.each([
    "标题: 某市关于印发某方案的通知\n文号: 某政办发〔2024〕3号\n发布日期: 2024-05-16",
    "发布日期: 2024-34-16\n官方链接: https://example.gov.cn/a/b?x=1&y=2",
    "title: A notice, with a comma\nurl: http://x.test:8080/p",
    "键:   前后空格   ",
    "a_b: 值（括号）：全角冒号",
    "版本: v2\n编号: 3a\n日期: 2024年5月",
  ])("reads %j as YAML does", (yaml) => {
    const fast = simpleFrontMatter(yaml);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(viaYaml(yaml));
  });

  it.each([
    ["a number", "年份: 2024"],
    ["a float", "比例: 0.5"],
    ["an exponent", "x: 1e3"],
    ["hex", "x: 0x1A"],
    ["a boolean", "有效: true"],
    ["null", "x: ~"],
    ["an empty value", "x: "],
    ["a quoted value", "标题: \"引号\""],
    ["a list item", "- 一"],
    ["a flow map", "x: {a: 1}"],
    ["a comment", "x: 值 # 注释"],
    ["a nested map", "x:\n  y: 1"],
    ["a repeated key", "x: 1a\nx: 2a"],
    ["a key with a space", "a b: 值"],
    ["an anchor", "x: &a 值"],
    ["a block scalar", "x: |\n  多行"],
    ["a colon inside", "x: a: b"],
    ["an empty line", "x: 值\n\ny: 值"],
  ])("leaves %s to the YAML parser", (_, yaml) => {
    expect(simpleFrontMatter(yaml)).toBeNull();
  });
});
