/**
 * The coverage scanner: which phrases and markers it counts (and which not), spans always checked;
 * then the measure against read spans and the W_LOW_COVERAGE rule. Examples are invented from the
 * shapes, not copied from a notice.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CoverageHit, lowCoverage, measureCoverage, scanCoverage } from "../../src/normalize/coverage.js";
import { parseBuffer, parseNotice } from "../../src/index.js";
import { readTextString } from "../../src/input/index.js";
import type { Result } from "../../src/schema.js";
import { SourceText } from "../../src/text/source-text.js";

const squash = (s: string): string => s.replace(/\s+/gu, "");

function scan(input: string, format: "text" | "markdown" = "text") {
  const text = new SourceText(readTextString(input, format, "utf-8"));
  const found = scanCoverage(text);
  // every hit's span covers its text in the source
  for (const h of [...found.phrases, ...found.markers, ...found.roleColumns]) {
    expect(h.span[0]).toBeGreaterThanOrEqual(0);
    expect(h.span[1]).toBeLessThanOrEqual(input.length);
    expect(squash(input.slice(h.span[0], h.span[1])), JSON.stringify(h)).toBe(squash(h.raw));
  }
  return { text, ...found };
}

/** Never silent: either everything that looks like structure was read, or the notice says so. */
function readsAllOrWarns(r: Result): void {
  const full = [r.coverage.phrases.ratio, r.coverage.markers.ratio].every((x) => x === null || x === 1);
  expect(full || r.warnings.some((w) => w.code === "W_LOW_COVERAGE"), JSON.stringify(r.coverage)).toBe(true);
}

const raws = (hits: readonly CoverageHit[]): string[] => hits.map((h) => h.raw);

describe("phrases", () => {
  const counted: { text: string; want: string[]; kind?: CoverageHit["kind"] }[] = [
    { text: "（一）做好甲工作。（牵头单位：市财政局；配合单位：市审计局）", want: ["牵头单位：", "配合单位："] },
    { text: "牵头单位：区发展改革委\n责任单位：各街道", want: ["牵头单位：", "责任单位："] },
    { text: "做好乙工作。（责任部门:区住房建设局）", want: ["责任部门:"] },
    { text: "做好丙工作。（牵头督办单位：区委办）", want: ["牵头督办单位："] }, // words between role word and 单位
    { text: "做好丁工作。（牵头单位（部门）：区财政局）", want: ["牵头单位（部门）："] }, // a note before the colon
    { text: "完成任务。（区经济发展局牵头，相关乡镇配合）", want: ["（区经济发展局牵头"], kind: "verb" },
    { text: "完成任务。（市交通委负责）", want: ["（市交通委负责"], kind: "verb" },
    { text: "完成任务。（各区政府按职责分工负责）", want: ["（各区政府按职责分工负责"], kind: "verb" },
    { text: "完成任务。（2024年6月底前完成，区财政局牵头）", want: ["（2024年6月底前完成，区财政局牵头"], kind: "verb" }, // time piece first
    { text: "。（二）强化监管，建立台账。牵头单位：区市场监管局责任单位：各乡镇", want: ["牵头单位：", "责任单位："] }, // glued labels
  ];
  it.each(counted)("counts $want in $text", ({ text, want, kind }) => {
    const s = scan(text);
    expect(raws(s.phrases)).toEqual(want);
    if (kind) expect(s.phrases.map((h) => h.kind)).toEqual(want.map(() => kind));
  });

  const ignored = [
    "各责任单位：\n现将方案印发给你们。", // an address, not a clause
    "由区财政局牵头，做好资金保障。", // prose outside brackets
    "（主要负责人亲自抓）", // 负责人 is a person
    "（区长负责）", // not a unit name
    "责任单位要加强协调配合。", // no colon
    "牵头单位", // a column header: counted apart, not a phrase
  ];
  it.each(ignored)("ignores %s", (text) => expect(scan(text).phrases).toEqual([]));

  it("counts a role column header apart", () => {
    expect(raws(scan("序号\t工作任务\t牵头单位\t配合部门\n1\t做好甲\t市财政局\t市审计局").roleColumns)).toEqual(["牵头单位", "配合部门"]);
    expect(raws(scan("序号\n工作任务\n责任单位（部门）\n1\n做好甲\n市财政局").roleColumns)).toEqual(["责任单位（部门）"]);
  });
});

describe("markers", () => {
  const counted: { text: string; want: string[]; format?: "markdown" }[] = [
    { text: "一、总体要求\n（一）指导思想\n1.做好甲\n2、做好乙\n（1）丙\n①丁\n1）戊", want: ["一、", "（一）", "1.", "2、", "（1）", "①", "1）"] },
    { text: "第一章 总则\n第一条 为了规范管理，制定本办法。", want: ["第一章", "第一条"] },
    { text: "  ## 二、主要任务", want: ["二、"] }, // Markdown left-overs before the marker
    // text whose line breaks were lost: markers after a sentence end
    { text: "一、加强监管。取得新成效。（二）强化市场监管。1.建立台账。2.开展检查；3.公开结果！二、保障措施", want: ["一、", "（二）", "1.", "2.", "3.", "二、"] },
    { text: "做好工作（责任单位：甲局）（二）做好乙工作", want: ["（二）"] }, // after a closed clause
    // a Markdown paragraph whose lines are joined (soft breaks): line starts are still line starts
    { text: "# 通知\n\n各单位：\n一、总体要求\n坚持问题导向。\n二、重点任务\n（一）加强保障。", want: ["一、", "二、", "（一）"], format: "markdown" },
    // 序号: alone on a line while it counts on, or in the first cell of a row
    { text: "序号\n事项\n1\n做好甲\n2\n做好乙\n3\n做好丙", want: ["1", "2", "3"] },
    { text: "序号\t事项\n1\t做好甲\n2\t做好乙\n5\t做好丙", want: ["1", "2", "5"] },
  ];
  it.each(counted)("counts $want in $text", ({ text, want, format }) => {
    expect(raws(scan(text, format).markers).map((r) => r.replace(/\s+/gu, ""))).toEqual(want);
  });

  const ignored = [
    "2022年完成。", // a year
    "增长到原来的。1.5倍", // a decimal
    "落实第（一）项要求。", // not after a sentence end
    "做好工作二、三季度的安排。", // 二、 inside a sentence
    "附件：1.任务分工表\n2.进度安排表\n3.联系人名单", // an attachment list
    "序号\n数量\n1\n完成甲\n50", // 50 does not count on
  ];
  it.each(ignored)("ignores the markers of %s", (text) => {
    const hits = scan(text).markers;
    expect(hits.filter((h) => h.kind !== "serial" || h.raw !== "1")).toEqual([]);
  });

  it("skips a category row between table rows", () => {
    const s = scan("序号\t举措\t部门\n一、甲方面（共2项）\n1\t做好甲\t市财政局\n2\t做好乙\t市审计局\n二、乙方面（共1项）\n3\t做好丙\t市民政局");
    expect(raws(s.markers)).toEqual(["1", "2", "3"]);
  });

  it("counts a repeated merged cell once", () => {
    const text = new SourceText({
      format: "html", encoding: "utf-8", source: "一、甲\tx\ny",
      blocks: [0, 1].map(() => ({ text: "一、甲\tx", offsets: Int32Array.from([0, 1, 2, 3, 4]), end: 5, kind: "row" as const })),
    });
    expect(scanCoverage(text).markers).toHaveLength(1);
  });

  it("does not take a page number at a page edge for a serial", () => {
    const source = "1\n一、做好甲。\n2\n二、做好乙。";
    const lines = source.split("\n");
    let at = 0;
    const blocks = lines.map((l, k) => {
      const b = { text: l, offsets: Int32Array.from(l, (_c, i) => at + i), end: at + l.length, page: k < 2 ? 1 : 2 };
      at += l.length + 1;
      return b;
    });
    const s = scanCoverage(new SourceText({ format: "pdf", encoding: null, source, blocks }));
    expect(raws(s.markers)).toEqual(["一、", "二、"]);
  });
});

describe("measure", () => {
  const input = "一、任务\n（一）做好甲。（牵头单位：甲局）\n（二）做好乙。（牵头单位：乙局）\n（三）做好丙。（牵头单位：丙局）\n";
  const s = scan(input);
  const lineOf = (o: number): number => s.text.lineOf(o);
  const at = (needle: string): number => input.indexOf(needle);
  const itemSpan = (from: string, to: string): readonly [number, number] => [at(from), at(to)];

  it("reads a phrase inside a task span, a marker that starts a task or section", () => {
    const m = measureCoverage(s, {
      tasks: [itemSpan("（一）", "\n（二）"), itemSpan("（二）", "\n（三）")],
      sections: [itemSpan("一、", "\n（一）")],
    }, lineOf);
    expect(m.coverage.phrases).toEqual({ found: 3, read: 2, ratio: 0.667, firstUnreadLine: 4 });
    expect(m.coverage.markers).toEqual({ found: 4, read: 3, ratio: 0.75, firstUnreadLine: 4 });
    expect(m.divides).toBe(true);
    expect(lowCoverage(m)).toMatchObject({ offset: at("（三）") });
    expect(lowCoverage(m)?.message).toMatch(/2 of 3 .*3 of 4 .*line 4/u);
  });

  it("does not read a line-start marker that a task only swallowed", () => {
    const m = measureCoverage(s, { tasks: [[at("一、"), input.length]], sections: [] }, lineOf);
    expect(m.coverage.phrases.ratio).toBe(1);
    expect(m.coverage.markers).toMatchObject({ found: 4, read: 1 });
    expect(lowCoverage(m)).not.toBeNull();
  });

  it("reads a marker that starts a line inside a table row that became a task (a cell)", () => {
    const t = "序号\t事项\t依据\n1\t做好甲\t1.某法第八条；\n2.某条例第五条";
    const c = scan(t);
    const row: readonly [number, number] = [t.indexOf("1\t"), t.length];
    const m = measureCoverage(c, { tasks: [row], sections: [], rows: [row] }, (o) => c.text.lineOf(o));
    expect(raws(c.markers)).toEqual(["1", "2."]);
    expect(m.coverage.markers).toMatchObject({ found: 2, read: 2 });
    expect(measureCoverage(c, { tasks: [row], sections: [] }, (o) => c.text.lineOf(o)).coverage.markers.read).toBe(1);
  });

  it("reads a marker inside a line when it lies inside a task", () => {
    const t = "一、任务\n（一）做好甲：建立台账。2.开展检查。（牵头单位：甲局）";
    const c = scan(t);
    const m = measureCoverage(c, { tasks: [[t.indexOf("（一）"), t.length]], sections: [[0, 4]] }, (o) => c.text.lineOf(o));
    expect(m.coverage.markers).toMatchObject({ found: 3, read: 3 });
  });

  it("has null ratios when there is nothing to count, and no warning without task division", () => {
    const c = scan("某局关于开展检查的通知\n各单位：\n请认真落实。");
    const m = measureCoverage(c, { tasks: [], sections: [] }, (o) => c.text.lineOf(o));
    expect(m.coverage).toEqual({
      phrases: { found: 0, read: 0, ratio: null, firstUnreadLine: null },
      markers: { found: 0, read: 0, ratio: null, firstUnreadLine: null },
    });
    const list = scan("一、甲\n二、乙\n三、丙\n（责任单位：甲局）");
    const none = measureCoverage(list, { tasks: [], sections: [] }, (o) => list.text.lineOf(o));
    expect(none.coverage.markers.ratio).toBe(0);
    expect(lowCoverage(none)).toBeNull(); // one phrase is not task division
  });

  it("takes a role column as task division", () => {
    const c = scan("序号\n工作任务\n牵头单位\n1\n做好甲\n市财政局\n2\n做好乙\n市审计局");
    const m = measureCoverage(c, { tasks: [], sections: [] }, (o) => c.text.lineOf(o));
    expect(m.divides).toBe(true);
    expect(lowCoverage(m)).toMatchObject({ offset: c.markers[0]!.span[0] });
  });
});

describe("in the parse result", () => {
  const HEAD = "某区人民政府办公室关于印发2024年重点任务分工的通知\n各街道办事处，区政府各部门：\n现印发给你们，请认真贯彻落实。\n";
  const TASKS = "一、总体要求\n坚持问题导向。\n二、重点任务\n（一）加强组织保障。建立工作台账。（牵头单位：区发展改革委；配合单位：区财政局）\n" +
    "（二）推进数字治理。完成平台建设。（牵头单位：区数据局；责任单位：各街道办事处）\n（三）优化营商环境。（责任单位：区市场监管局）\n";

  it("reads a well-formed notice fully, without a warning", () => {
    const r = parseNotice(HEAD + TASKS);
    expect(r.coverage.phrases).toMatchObject({ found: 5, read: 5, ratio: 1 });
    expect(r.coverage.markers).toMatchObject({ found: 5, read: 5, ratio: 1 });
    expect(r.warnings.map((w) => w.code)).not.toContain("W_LOW_COVERAGE");
  });

  it("sees every line of a Markdown notice whose lines are one paragraph (soft breaks)", () => {
    const md = `# ${HEAD}${TASKS}\n某区人民政府办公室\n2024年3月1日\n`;
    const r = parseNotice(md, { format: "markdown" });
    expect(r.coverage.phrases.found).toBe(5);
    expect(r.coverage.markers.found).toBe(5);
    readsAllOrWarns(r);
  });

  it("sees the clauses and markers of a text whose line breaks were lost", () => {
    const r = parseNotice(HEAD.replace(/\n/gu, " ") + TASKS.replace(/\n/gu, ""));
    expect(r.coverage.phrases.found).toBe(5);
    expect(r.coverage.markers.found).toBeGreaterThanOrEqual(4);
    readsAllOrWarns(r);
  });

  it("shouts when the tasks were not read (line given)", () => {
    // the same clauses, but behind markers no reader takes for items
    const r = parseNotice(HEAD + "甲：做好甲工作。（牵头单位：甲局）\n乙：做好乙工作。（牵头单位：乙局）\n丙：做好丙工作。（牵头单位：丙局）\n");
    expect(r.coverage.phrases).toMatchObject({ found: 3, read: 0, ratio: 0, firstUnreadLine: 4 });
    const w = r.warnings.find((x) => x.code === "W_LOW_COVERAGE");
    expect(w?.line).toBe(4);
  });
});

describe("seeds and dev notices", () => {
  const root = join(import.meta.dirname, "../..");
  const dirs = ["seeds", "fixtures/dev/docs"].map((d) => join(root, d));
  const files = dirs.flatMap((d) => readdirSync(d).map((f) => join(d, f)));
  // (notices read exactly must read 100%: tests/e2e/gold.test.ts)
  it.each(files)("%s is fully read or warned about", async (path) => readsAllOrWarns(await parseBuffer(readFileSync(path), { path })));
});
