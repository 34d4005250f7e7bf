import { describe, expect, it } from "vitest";
import {
  buildRows, buildTimeline, embedJson, escapeHtml, groupUnits, isIsoDate, renderReport, unitKey,
} from "../../src/report/index.js";
import { hostile, result, task, wuxi } from "./fixtures.js";

/** The JSON block of a rendered page, parsed back. */
function embedded(html: string): unknown {
  const m = /<script type="application\/json" id="gongkai-data">([\s\S]*?)<\/script>/u.exec(html);
  if (!m?.[1]) throw new Error("no data block");
  return JSON.parse(m[1]);
}

describe("escaping", () => {
  it.each([
    ["</script>", "&lt;/script&gt;"],
    [`<img src=x onerror="a()">`, "&lt;img src=x onerror=&quot;a()&quot;&gt;"],
    ["A&B's", "A&amp;B&#39;s"],
  ])("escapeHtml(%s)", (raw, want) => expect(escapeHtml(raw)).toBe(want));

  it("embedJson leaves no <, >, & or line separators and round-trips", () => {
    const value = { t: "</script><!-- & \u2028\u2029 <img>" };
    const s = embedJson(value);
    expect(s).not.toMatch(/[<>&\u2028\u2029]/u);
    expect(s).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(s)).toEqual(value);
  });

  it("renders hostile titles, units, task text and warnings only as text", () => {
    const html = renderReport([hostile], { today: "2022-09-20" });
    // Exactly our two script elements: the data block and the client script.
    expect(html.match(/<script\b/gu)).toHaveLength(2);
    expect(html).not.toMatch(/<img\b/u);
    expect(html).not.toMatch(/<b onmouseover/u);
    expect(html).not.toMatch(/<svg\/onload/u);
    expect(html).toContain("&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;测试任务");
    expect(html).toContain("关于&lt;/script&gt;&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;的通知");
    // The data block holds exactly the input documents.
    expect(embedded(html)).toEqual([hostile]);
  });

  it("keeps its own inline script and styles free of closing-tag sequences", async () => {
    const { CLIENT_SCRIPT } = await import("../../src/report/client.js");
    const { STYLES } = await import("../../src/report/styles.js");
    expect(CLIENT_SCRIPT).not.toMatch(/<\/|<!--/u);
    expect(STYLES).not.toMatch(/<\/|<!--/u);
  });

  it("allows only its own script by hash (CSP)", () => {
    const html = renderReport([wuxi], { today: "2022-09-20" });
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/u);
    expect(html).not.toMatch(/\son[a-z]+="/u); // no inline handlers: they would be blocked
  });
});

describe("unit grouping", () => {
  it.each([
    ["各市（县）、区人民政府", "各市(县)、区人民政府"],
    ["市 司法局", "市司法局"],
    ["\u3000市司法局 ", "市司法局"],
    ["ＡＢＣ局", "ABC局"],
  ])("unitKey(%s) = %s", (raw, key) => expect(unitKey(raw)).toBe(key));

  it("merges width and white-space variants, keeps raw forms, counts distinct tasks per role", () => {
    const units = groupUnits([wuxi]);
    const justice = units.find((u) => u.key === "市司法局");
    expect(justice).toMatchObject({ name: "市司法局", rawForms: ["市司法局", "市 司法局"], counts: { lead: 2, responsible: 0 }, total: 2 });
    const counties = units.find((u) => u.key === "各市(县)、区人民政府");
    expect(counties?.rawForms).toEqual(["各市（县）、区人民政府", "各市(县)、区人民政府"]);
    expect(counties?.counts.responsible).toBe(2);
    expect(units.map((u) => u.key)).toContain("市市场监管局");
    // Sorted by lead + responsible, most first.
    const weights = units.map((u) => u.counts.lead + u.counts.responsible);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it("counts a unit named twice in one task once", () => {
    const r = result({ tasks: [task({ id: "1", title: "x", leadUnits: ["市司法局"], responsibleUnits: ["市司法局", "市 司法局"] })] });
    expect(groupUnits([r])[0]).toMatchObject({ total: 1, counts: { lead: 1, responsible: 1 } });
  });
});

describe("months and past-due", () => {
  const rows = buildRows([wuxi, hostile], "2022-09-20");

  it("marks a task past due when any deadline is before today (not on today)", () => {
    expect(rows.map((r) => [r.task.id, r.pastDue])).toEqual([["2.1.1", true], ["2.1.2", false], ["2.1.3", true], ["2.2", false], ["1", false]]);
    const onToday = buildRows([result({ tasks: [task({ id: "1", title: "x", deadlines: [{ raw: "9月20日", date: "2022-09-20" }] })] })], "2022-09-20");
    expect(onToday[0]?.pastDue).toBe(false);
  });

  it("groups deadlines by month, fills empty months, counts a task once per month", () => {
    const tl = buildTimeline(rows, "2022-09-20");
    expect(tl.months.map((m) => [m.month, m.total, m.past])).toEqual([
      ["2022-06", 1, 1], ["2022-07", 0, 0], ["2022-08", 0, 0], ["2022-09", 2, 1], ["2022-10", 0, 0], ["2022-11", 1, 0], ["2022-12", 1, 0],
    ]);
    expect(tl.undated).toBe(1);
    const twice = buildRows([result({ tasks: [task({ id: "1", title: "x", deadlines: [{ raw: "a", date: "2023-01-05" }, { raw: "b", date: "2023-01-25" }] })] })], "2023-01-10");
    // The latest deadline in the month decides: not past yet.
    expect(buildTimeline(twice, "2023-01-10").months).toEqual([{ month: "2023-01", total: 1, past: 0 }]);
  });

  it("draws only months with tasks when the span is very long", () => {
    const r = result({ tasks: [
      task({ id: "1", title: "a", deadlines: [{ raw: "a", date: "2022-06-30" }] }),
      task({ id: "2", title: "b", deadlines: [{ raw: "b", date: "2035-12-31" }] }),
    ] });
    expect(buildTimeline(buildRows([r], "2022-01-01"), "2022-01-01").months.map((m) => m.month)).toEqual(["2022-06", "2035-12"]);
  });

  it("renders one SVG bar per month and marks past deadlines in the table", () => {
    const html = renderReport([wuxi], { today: "2022-09-20" });
    expect([...html.matchAll(/<g class="bar" data-month="(\d{4}-\d{2})"/gu)].map((m) => m[1])).toEqual([
      "2022-06", "2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12",
    ]);
    expect(html.match(/<tr id="task-/gu)).toHaveLength(4);
    expect(html.match(/class="due past"/gu)).toHaveLength(2);
    expect(html).toContain(`data-units="[&quot;市司法局&quot;,&quot;市政府各部门&quot;,&quot;各市(县)、区人民政府&quot;]"`);
  });
});

describe("data quality", () => {
  it("lists tasks without units or deadlines and counts warnings", async () => {
    const { summariseQuality } = await import("../../src/report/quality.js");
    const q = summariseQuality([wuxi, hostile], buildRows([wuxi, hostile], "2022-09-20"));
    expect(q.withoutUnits.map((r) => r.ref)).toEqual(["d0t3"]);
    expect(q.withoutDeadlines.map((r) => r.ref)).toEqual(["d0t3"]);
    expect(q.warnings).toBe(2);
    const html = renderReport([wuxi, hostile], { today: "2022-09-20" });
    expect(html).toContain(`<a href="#task-d0t3" data-goto="d0t3">`);
    expect(html).toMatch(/<td>无法确定“年底前”所指年份<\/td><td class="num">320<\/td>/u);
  });
});

describe("解析覆盖率", () => {
  const partly = {
    ...result({ tasks: [], docNumber: "某政办〔2024〕1号", warnings: [{ code: "W_LOW_COVERAGE", message: "only part of the notice was read", line: 12 }] }),
    coverage: {
      phrases: { found: 20, read: 5, ratio: 0.25, firstUnreadLine: 12 },
      markers: { found: 30, read: 6, ratio: 0.2, firstUnreadLine: 14 },
    },
  };

  it("shows the figures of one notice and says in words where to check", () => {
    const html = renderReport([partly], { today: "2022-09-20" });
    expect(html).toMatch(/<h3>解析覆盖率 <span class="badge warn">1<\/span><\/h3>/u);
    expect(html).toContain(`<td class="num bad">5/20（25%）</td>`);
    expect(html).toContain(`<td class="num bad">6/30（20%）</td>`);
    expect(html).toContain("解析覆盖率偏低，只有部分内容读入了任务（责任短语 5/20，编号 6/30），请从第 12 行起人工核对。");
  });

  it("puts both figures in the summary of several notices, and stays quiet when all is read", () => {
    const html = renderReport([wuxi, partly], { today: "2022-09-20" });
    expect(html).toContain("<th scope=\"col\" class=\"num\">责任短语已读</th>");
    expect(html).toContain("某政办〔2024〕1号：解析覆盖率偏低");
    expect(html.match(/class="alarm"/gu)).toHaveLength(1);
    const quiet = renderReport([wuxi], { today: "2022-09-20" });
    expect(quiet).toContain("覆盖率未见异常。");
    expect(quiet).toContain(`<td class="num">未发现</td>`);
  });
});

describe("renderReport", () => {
  it("is deterministic and needs a real date", () => {
    expect(renderReport([wuxi], { today: "2022-09-20" })).toBe(renderReport([wuxi], { today: "2022-09-20" }));
    expect(() => renderReport([wuxi], { today: "2022-02-30" })).toThrow(RangeError);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
  });

  it("references nothing outside the file", () => {
    const html = renderReport([wuxi, hostile], { today: "2022-09-20" });
    expect(html).not.toMatch(/\b(src|href)="(?!#)/u);
    expect(html).not.toMatch(/url\(/u);
    expect(html).not.toMatch(/@import/u);
  });

  it("renders an empty report and extra sections", () => {
    const html = renderReport([], {
      today: "2022-09-20", title: "<空>",
      comparisons: [{ id: "compare-1", title: "对比 <A>", html: "<div class=\"cmp\">ok</div>" }],
    });
    expect(html).toContain("<title>&lt;空&gt;</title>");
    expect(html).toContain(`<section class="block" id="compare-1"`);
    expect(html).toContain("对比 &lt;A&gt;");
    expect(html).toContain(`<div class="cmp">ok</div>`);
  });
});
