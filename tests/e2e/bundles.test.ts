/**
 * Bundles built from the notices whose task tables live in attachments (fixtures/bundles/, see
 * fixtures/_tools/make_bundles.py): each layout reads as the one document its gold describes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planBundles } from "../../src/cli/bundles.js";
import { walkInputs } from "../../src/cli/inputs.js";
import { runJob } from "../../src/cli/parse-job.js";
import { type Result, ResultSchema } from "../../src/schema.js";
import { diffGold, type Gold } from "../helpers/gold.js";

const root = join(import.meta.dirname, "../..");
const gold = (p: string): Gold => JSON.parse(readFileSync(join(root, p), "utf8")) as Gold;
const SEED3 = gold("fixtures/gold/003_ddd698d8236a8cbd.gold.json");
const DEV13 = gold("fixtures/dev/gold/13_guobanfa-2018-chuangxin-tuiguang.gold.json");
const settings = { maxSize: 20 * 1024 * 1024 };

async function parseFolder(dir: string): Promise<{ results: Result[]; bundles: number; attachmentFiles: number }> {
  const { refs } = await walkInputs([`fixtures/bundles/${dir}`], { cwd: root, globs: [], exclude: [] });
  const planned = await planBundles(refs, settings);
  const results: Result[] = [];
  for (const r of planned.refs) {
    const o = await runJob({ kind: "file", abs: r.abs!, display: r.display, ...(r.attachments ? { attachments: r.attachments } : {}) }, settings);
    if (!o.ok) throw new Error(`${r.display}: ${o.error.code} ${o.error.message}`);
    results.push(o.result);
  }
  return { results, bundles: planned.bundles, attachmentFiles: planned.attachmentFiles };
}

function expectGold(r: Result, g: Gold): void {
  expect(ResultSchema.safeParse(r).success).toBe(true);
  expect(diffGold(r, g)).toEqual([]);
  for (const c of [r.coverage.phrases, r.coverage.markers]) expect(c.ratio === null || c.ratio === 1, JSON.stringify(r.coverage)).toBe(true);
  // every task names its file; table tasks come from an attachment file
  for (const t of r.tasks) {
    expect(t.source.file).toBeTruthy();
    expect(t.source.end).toBeGreaterThan(t.source.start);
    if (t.id.startsWith("A")) expect(t.source.file).not.toBe(r.source.path);
  }
}

describe("bundles against gold", () => {
  it("page + files beside it (附件1.docx, 附件2.doc, 附件3.docx)", async () => {
    const { results, bundles, attachmentFiles } = await parseFolder("beside");
    expect([results.length, bundles, attachmentFiles]).toEqual([1, 1, 3]);
    expectGold(results[0]!, SEED3);
    expect(results[0]!.warnings).toEqual([]);
    expect(results[0]!.document.attachments.map((a) => [a.number, a.format])).toEqual([[1, "docx"], [2, "doc"], [3, "docx"]]);
  });

  it("page + attachments/ sub-folder, followed by the page's link", async () => {
    const { results } = await parseFolder("subfolder");
    expect(results.length).toBe(1);
    expectGold(results[0]!, DEV13);
    expect(results[0]!.document.attachments).toEqual([
      { number: 1, title: "第二批支持创新相关改革举措推广清单", source: "fixtures/bundles/subfolder/attachments/P020181229365840212.docx", format: "docx" },
    ]);
  });

  it("PDF notice + .xls task tables named by their titles", async () => {
    const { results } = await parseFolder("pdf-table");
    expect(results.length).toBe(1);
    expect(results[0]!.source.format).toBe("pdf");
    expect(results[0]!.document.attachments.map((a) => [a.number, a.format])).toEqual([[1, "xls"], [2, "xls"], [3, "xls"]]);
    expectGold(results[0]!, SEED3);
  });

  it("a folder with two notices is two documents", async () => {
    const { results, bundles, attachmentFiles } = await parseFolder("two-notices");
    expect([results.length, bundles, attachmentFiles]).toEqual([2, 2, 4]);
    expectGold(results.find((r) => r.source.path!.includes("guobanfa"))!, DEV13);
    expectGold(results.find((r) => r.source.path!.includes("huzhou"))!, SEED3);
  });

  it("a file that matches no 附件 entry is read and warned about", async () => {
    const { results } = await parseFolder("unmatched");
    expect(results.length).toBe(1);
    expectGold(results[0]!, DEV13);
    expect(results[0]!.warnings.map((w) => [w.code, w.file])).toEqual([["W_ATTACHMENT_UNLISTED", "fixtures/bundles/unmatched/政策解读.txt"]]);
  });
});
