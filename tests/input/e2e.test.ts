/**
 * End to end: the PDF, Word (.docx, .doc, .wps), GB18030 and UTF-16 copies of a seed give the same task ids, units
 * and deadlines as the clean text seed, and the saved web pages score like their .txt twins.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBuffer, ResultSchema, type Result } from "../../src/index.js";
import { diffGold, type Gold } from "../helpers/gold.js";
import { fixture, root, seed, SEEDS } from "./helpers.js";

async function parse(path: string, opts: { password?: string } = {}): Promise<Result> {
  const result = await parseBuffer(new Uint8Array(readFileSync(path)), { path, ...opts });
  expect(ResultSchema.safeParse(result).success).toBe(true);
  return result;
}

/** What must not change with the container. */
const essence = (r: Result): unknown =>
  r.tasks.map((t) => ({
    id: t.id,
    lead: t.leadUnits,
    responsible: t.responsibleUnits,
    support: t.supportUnits,
    guide: t.guideUnits,
    deadlines: t.deadlines.map((d) => d.date),
  }));

const copies: { file: string; seed: keyof typeof SEEDS; pdf?: boolean }[] = [
  { file: "pdf/000_69dd9e51073771b8.pdf", seed: "000", pdf: true },
  { file: "pdf/001_e8d1d175fd1547bc.pdf", seed: "001", pdf: true },
  { file: "pdf/002_988baf87858b03bd.pdf", seed: "002", pdf: true },
  { file: "pdf/003_ddd698d8236a8cbd.pdf", seed: "003", pdf: true },
  { file: "pdf/004_baea861421853175.pdf", seed: "004", pdf: true },
  { file: "pdf/cmap_unigb_ucs2_002.pdf", seed: "002", pdf: true },
  { file: "docx/001_e8d1d175fd1547bc.docx", seed: "001" },
  { file: "docx/003_ddd698d8236a8cbd.docx", seed: "003" },
  { file: "doc/000_69dd9e51073771b8.doc", seed: "000" },
  { file: "doc/001_e8d1d175fd1547bc.doc", seed: "001" },
  { file: "doc/002_988baf87858b03bd.doc", seed: "002" },
  { file: "doc/003_ddd698d8236a8cbd.doc", seed: "003" },
  { file: "doc/004_baea861421853175.doc", seed: "004" },
  { file: "doc/word_compatible_002.wps", seed: "002" },
  { file: "gbk/000_gb18030.txt", seed: "000" },
  { file: "gbk/003_gb18030.txt", seed: "003" },
  { file: "gbk/004_utf16le_bom.txt", seed: "004" },
];

describe("same tasks, units and deadlines as the text seed", () => {
  it.each(copies)("$file ≡ seed $seed", async ({ file, seed: s, pdf }) => {
    const [got, want] = await Promise.all([parse(fixture(file)), parse(seed(SEEDS[s]))]);
    expect(essence(got)).toEqual(essence(want));
    const gold = JSON.parse(readFileSync(join(root, "fixtures/gold", SEEDS[s].replace(/\.txt$/u, ".gold.json")), "utf8")) as Gold;
    expect(diffGold(got, gold)).toEqual([]);
    if (pdf) {
      expect(got.source.pages).toBeGreaterThan(0);
      for (const t of got.tasks) expect(t.source.page).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("saved web pages against the gold of their .txt twins", () => {
  it.each(["01_pingtan-2012-jiufeng-fenjie", "11_pingtan-2023-xinwuranwu"])("%s", async (name) => {
    const gold = JSON.parse(readFileSync(fixture(`dev/gold/${name}.gold.json`), "utf8")) as Gold;
    const page = await parse(fixture(`html/${name}.html`));
    expect(page.source.format).toBe("html");
    expect(diffGold(page, gold)).toEqual([]);
    // spans point into the HTML file itself
    const html = readFileSync(fixture(`html/${name}.html`), "utf8");
    for (const t of page.tasks) expect(html.slice(t.source.start, t.source.end)).toContain(t.text.slice(0, 4));
  });

  it("the GB2312 page with a task table", async () => {
    const r = await parse(fixture("html/table_page_gb2312.html"));
    expect(r.document).toMatchObject({
      docNumber: { raw: "青政办发〔2023〕5号" },
      title: "青山县人民政府办公室关于印发2023年政务公开工作要点的通知",
      issueDate: "2023-03-15",
    });
    expect(essence(r)).toEqual([
      { id: "1.1", lead: ["县司法局"], responsible: ["各乡镇人民政府"], support: [], guide: [], deadlines: ["2023-06-30"] },
      { id: "1.2", lead: [], responsible: ["县政府办公室"], support: [], guide: [], deadlines: [] },
      { id: "2.1", lead: ["县大数据局"], responsible: [], support: [], guide: [], deadlines: ["2023-12-31"] },
      { id: "A1.1", lead: ["县政府办公室"], responsible: [], support: [], guide: [], deadlines: ["2023-03-31"] },
      { id: "A1.2", lead: ["县财政局", "各乡镇人民政府"], responsible: [], support: [], guide: [], deadlines: ["2023-12-31"] },
      { id: "A1.3", lead: ["县大数据局"], responsible: [], support: [], guide: [], deadlines: ["2023-09-30"] },
    ]);
  });
});

describe("PDF task tables of other drawings give the attachment tasks", () => {
  it.each(["pdf/merged_cell_table.pdf", "pdf/filled_rules_table.pdf", "pdf/borderless_table.pdf"])("%s", async (file) => {
    const r = await parse(fixture(file));
    expect(r.tasks.map((t) => [t.id, t.leadUnits])).toEqual([
      ["A1.1", ["区政府办公室"]], ["A1.2", ["区财政局"]], ["A1.3", ["区财政局"]], ["A1.4", ["区大数据局"]],
    ]);
  });
});
