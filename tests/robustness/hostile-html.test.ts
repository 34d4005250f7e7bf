/**
 * HTML nesting (issue 13): tables in tables cost work per level, so past the table cap a blanked
 * table's own parts (rows, cells) are blanked with it — the parser would otherwise hang them on
 * the table around it, one row per blanked level. Page metadata reads small boxes whole and big
 * elements by their own text only, so a page nested deep costs linear work.
 */
import { describe, expect, it } from "vitest";
import { capHtmlDepth, HTML_MAX_TABLE_DEPTH } from "../../src/input/html-depth.js";
import { readHtml } from "../../src/input/html.js";

const nestedTables = (n: number, inner = "一、做好工作。（牵头单位：市司法局）"): string =>
  `<html><body>${"<table><tr><td>".repeat(n)}${inner}${"</td></tr></table>".repeat(n)}</body></html>`;
const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;

describe("tables nested past the cap", () => {
  it.each([1, 5, HTML_MAX_TABLE_DEPTH, HTML_MAX_TABLE_DEPTH + 1, 40, 3000])("%i levels keep at most the cap's rows and cells, and the text", (n) => {
    const page = nestedTables(n);
    const { html, tables } = capHtmlDepth(page);
    const kept = Math.min(n, HTML_MAX_TABLE_DEPTH);
    expect(tables).toBe(Math.min(n, HTML_MAX_TABLE_DEPTH + 1)); // counted up to one past the cap
    expect(html.length).toBe(page.length);
    expect(count(html, /<table>/gu)).toBe(kept);
    expect(count(html, /<tr>/gu)).toBe(kept);
    expect(count(html, /<\/td>/gu)).toBe(kept);
    expect(html).toContain("一、做好工作。");
  });

  it("a kept table's rows after a blanked inner table stay", () => {
    const deep = "<table><tr><td>".repeat(HTML_MAX_TABLE_DEPTH + 3) + "甲" + "</td></tr></table>".repeat(HTML_MAX_TABLE_DEPTH + 3);
    const page = `<table><tr><td>${deep}</td></tr><tr><td>乙</td><td>丙</td></tr></table>`;
    const { html } = capHtmlDepth(page);
    expect(html).toContain("<tr><td>乙</td><td>丙</td></tr>");
  });

  it.each([50, 2000])("a page of %i nested tables reads its text once", (n) => {
    const d = readHtml(nestedTables(n), "utf-8");
    const text = d.blocks.map((b) => b.text).join("\n");
    expect(count(text, /做好工作/gu)).toBe(1);
    expect(d.warnings?.map((w) => w.code)).toContain("W_HTML_TOO_DEEP");
  });
});

describe("page metadata on deep pages", () => {
  it("the 文号 of a small box inside a big layout cell is found", () => {
    const body = "<p>（一）做好工作，加强统筹协调。（牵头单位：市司法局）</p>".repeat(200);
    const page = `<html><body><table><tr><td><div><table><tr><td>发文字号：</td><td>某政办发〔2024〕7号</td></tr></table></div><div class="content">${body}</div></td></tr></table></body></html>`;
    expect(readHtml(page, "utf-8").meta).toMatchObject({ 文号: "某政办发〔2024〕7号" });
  });

  it("a 文号 in the own text of a big element is found", () => {
    const body = "<p>（一）做好工作，加强统筹协调。（牵头单位：市司法局）</p>".repeat(200);
    const page = `<html><body><div>文号：某政办发〔2024〕8号<div class="content">${body}</div></div><div>页脚</div></body></html>`;
    expect(readHtml(page, "utf-8").meta["文号"]).toBe("某政办发〔2024〕8号");
  });
});
