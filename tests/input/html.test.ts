/** The article body of saved government pages, found by structure; page chrome never reaches the blocks. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readHtml } from "../../src/input/html.js";
import { blockChars, fixture, offsetErrors, read } from "./helpers.js";

const squash = (s: string): string => s.replace(/\s+/gu, "");
const CHROME = ["首页", "当前位置", "分享到", "来源：", "附件下载", "扫一扫", "网站标识码", "请输入", "统计代码", "打印本页", "主办："];

describe("saved article pages", () => {
  it.each(["01_pingtan-2012-jiufeng-fenjie", "11_pingtan-2023-xinwuranwu"])("%s: the visible article text equals the .txt twin", async (name) => {
    const d = await read(`html/${name}.html`);
    expect(d.format).toBe("html");
    expect(d.encoding).toBe("utf-8");
    expect(blockChars(d)).toBe(squash(readFileSync(fixture(`dev/docs/${name}.txt`), "utf8")));
    expect(offsetErrors(d)).toEqual([]);
    for (const w of CHROME) expect(d.blocks.filter((b) => b.text.includes(w))).toEqual([]);
  });

  it("takes the title printed above the body container when the body lacks it", async () => {
    const d = await read("html/11_pingtan-2023-xinwuranwu.html");
    expect(d.blocks[0]?.kind).toBe("heading");
    expect(d.blocks[0]?.text.trim()).toBe("平潭综合实验区管委会办公室关于印发平潭综合实验区新污染物治理工作方案的通知");
  });

  it("does not add the page title when the body starts with it", async () => {
    const d = await read("html/01_pingtan-2012-jiufeng-fenjie.html");
    expect(d.blocks[0]?.text).toBe("平潭县国土资源局关于");
    expect(d.meta).toMatchObject({ ArticleTitle: "关于分解2012年纠风三项重点工作任务" });
  });
});

describe("a GB2312 page of another layout with a task table", () => {
  it("decodes by the declared charset, drops chrome, keeps the 文号 of the metadata table", async () => {
    const d = await read("html/table_page_gb2312.html");
    expect(d.encoding).toBe("gb18030");
    expect(d.meta).toMatchObject({ 文号: "青政办发〔2023〕5号" });
    expect(offsetErrors(d)).toEqual([]);
    for (const w of CHROME) expect(d.blocks.filter((b) => b.text.includes(w))).toEqual([]);
    const texts = d.blocks.map((b) => b.text.trim());
    expect(texts[0]).toBe("青山县人民政府办公室关于印发2023年政务公开工作要点的通知");
    expect(texts).toContain("现将《青山县2023年政务公开工作要点》印发给你们，请认真贯彻落实。"); // &nbsp; is white space, <span>2023</span>年 joins
    expect(texts).toContain("同步审签、同步发布。（责任单位：县政府办公室）"); // <br> ends a block
    expect(d.blocks.filter((b) => b.kind === "row").map((b) => b.text)).toEqual([
      "序号\t重点任务\t牵头单位\t完成时限",
      "1\t发布政府工作报告解读材料\t县政府办公室\t3月底前",
      "2\t公开财政预决算信息\t县财政局、各乡镇人民政府\t全年",
      "3\t更新政务公开专区\t县大数据局\t2023年9月",
    ]);
  });
});

describe("readHtml on small pages", () => {
  const cases: { name: string; html: string; want: string[] }[] = [
    { name: "inline runs concatenate", html: "<body><p><SPAN>2012</SPAN>年<b>10</b>月底前</p></body>", want: ["2012年10月底前"] },
    { name: "entities decode", html: "<p>A&amp;B&nbsp;&#x4E00;&#19968;</p>", want: ["A&B\u00a0一一"] },
    { name: "line breaks in markup are spaces", html: "<p>一、\n总体要求</p>", want: ["一、 总体要求"] },
    { name: "div, li, h2 and br end blocks", html: "<div>甲</div><ul><li>乙</li></ul><h2>丙</h2>丁<br>戊", want: ["甲", "乙", "丙", "丁", "戊"] },
    { name: "layout table: one filled cell a row is text", html: "<table><tr><td><p>一、总体要求</p><p>（一）做好公开。</p></td></tr></table>", want: ["一、总体要求", "（一）做好公开。"] },
    { name: "data table cells join their paragraphs", html: "<table><tr><td>序号</td><td>任务</td></tr><tr><td>1</td><td><p>做好</p><p>公开</p></td></tr></table>", want: ["序号\t任务", "1\t做好公开"] },
    {
      name: "rowspan repeats the merged cell, colspan keeps the columns",
      html: "<table><tr><th>序号</th><th>任务</th><th>牵头单位</th><th>完成时限</th></tr><tr><td>1</td><td>甲</td><td rowspan=2>区财政局</td><td>6月底前</td></tr><tr><td>2</td><td>乙</td><td>全年</td></tr><tr><td colspan=2>合计</td><td>丙</td><td>丁</td></tr></table>",
      want: ["序号\t任务\t牵头单位\t完成时限", "1\t甲\t区财政局\t6月底前", "2\t乙\t区财政局\t全年", "合计\t\t丙\t丁"],
    },
    {
      name: "a layout table (nested table in a cell) is walked into; the link column is left out",
      html: "<table><tr><td><a href=/>首页</a></td><td><p>一、总体要求</p><table><tr><td>序号</td><td>任务</td></tr><tr><td>1</td><td>甲</td></tr></table></td></tr></table>",
      want: ["一、总体要求", "序号\t任务", "1\t甲"],
    },
    { name: "scripts, styles, nav, hidden are dropped", html: "<nav>首页</nav><style>p{}</style><script>x</script><p hidden>隐藏</p><p>正文</p><div style='display:none'>隐</div>", want: ["正文"] },
  ];
  it.each(cases)("$name", ({ html, want }) => {
    const d = readHtml(html, "utf-8");
    expect(d.blocks.map((b) => b.text)).toEqual(want);
    expect(offsetErrors(d)).toEqual([]);
    expect(d.source).toBe(html);
  });

  it("keeps the <header> of an <article> (its title) but not the page header", () => {
    const html = "<body><header><nav><a href=/>首页</a></nav></header><article><header><h1>关于做好工作的通知</h1></header><p>各单位：</p><p>请认真落实。</p></article><footer>版权所有</footer></body>";
    expect(readHtml(html, "utf-8").blocks.map((b) => [b.text, b.kind])).toEqual([["关于做好工作的通知", "heading"], ["各单位：", undefined], ["请认真落实。", undefined]]);
  });

  it("walks into old table layouts: link column left out, title row kept", () => {
    const nav = Array.from({ length: 12 }, (_, i) => `<a href="/c/${i}">栏目${i}</a><br>`).join("");
    const body = Array.from({ length: 5 }, (_, i) => `<p>${i + 1}.第${i + 1}项工作要求的正文内容，请各单位认真落实到位。</p>`).join("");
    const html = `<body><table width=1000><tr><td width=200>${nav}</td><td><table><tr><td class=title>关于做好工作的通知</td></tr><tr><td class=content>${body}</td></tr></table></td></tr></table></body>`;
    const texts = readHtml(html, "utf-8").blocks.map((b) => b.text);
    expect(texts[0]).toBe("关于做好工作的通知");
    expect(texts.slice(1)).toEqual(Array.from({ length: 5 }, (_, i) => `${i + 1}.第${i + 1}项工作要求的正文内容，请各单位认真落实到位。`));
  });

  it("finds the article among chrome with more links than text", () => {
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/n/${i}">新闻标题第${i}条关于工作的通知</a></li>`).join("");
    const body = Array.from({ length: 6 }, (_, i) => `<p>（${"一二三四五六"[i]}）第${i + 1}项工作要求的正文内容，请各单位认真落实。</p>`).join("");
    const html = `<html><body><div class="top"><ul>${links}</ul></div><div class="main"><h1>关于做好工作的通知</h1><div class="text">${body}</div></div><div class="foot">版权所有</div></body></html>`;
    const d = readHtml(html, "utf-8");
    expect(d.blocks.map((b) => b.text)).toEqual(["关于做好工作的通知", ...Array.from({ length: 6 }, (_, i) => `（${"一二三四五六"[i]}）第${i + 1}项工作要求的正文内容，请各单位认真落实。`)]);
  });
});
