/**
 * OFD (GB/T 33190): the reader's pieces (DeltaX/`g` lists, Boundary + CTM, AbbreviatedData →
 * rule segments, TextCode → glyph runs), the line/table layer it shares with PDF, whole packages
 * built in memory (templates, annotations, DOCTYPE, caps), and the seed copies of fixtures/ofd
 * against the seeds' gold, as the PDF copies are checked in e2e.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseBuffer, ResultSchema, type Result } from "../../src/index.js";
import { readInput, sniffFormat } from "../../src/input/index.js";
import {
  abbreviatedSubpaths,
  apply,
  objectMatrix,
  parseDeltas,
  parseXml,
  pathSegments,
  readOfdInProcess,
  textItems,
  type XNode,
} from "../../src/input/ofd.js";
import { type Item, layoutPage, layoutPages } from "../../src/input/positioned.js";
import { diffGold, type Gold } from "../helpers/gold.js";
import { fixture, read, root, seed, SEEDS } from "./helpers.js";

const PT = 72 / 25.4;
const node = (xml: string): XNode => parseXml(xml, "test.xml");
const close = (a: readonly number[], b: readonly number[]): void => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 6));
};

describe("DeltaX / DeltaY lists", () => {
  it.each([
    ["plain numbers", "5 5 2.5", 3, [5, 5, 2.5]],
    ["g repeat", "g 3 12.5", 3, [12.5, 12.5, 12.5]],
    ["g repeat then numbers", "g 2 5 2.5 g 2 3", 5, [5, 5, 2.5, 3, 3]],
    ["more entries than glyphs: the rest is not read", "1 2 3 4 5 6", 2, [1, 2]],
    ["fewer entries than glyphs", "4", 3, [4]],
    ["a huge repeat count is expanded only as far as glyphs need", "g 1000000000 5.5", 4, [5.5, 5.5, 5.5, 5.5]],
    ["no glyph after the first", "g 3 5", 0, []],
    ["absent", undefined, 3, []],
    ["extra white space", "  g  2 5\n\t1 ", 3, [5, 5, 1]],
  ] as const)("%s", (_name, spec, count, want) => {
    expect(parseDeltas(spec, count)).toEqual(want);
  });

  it.each([["a word", "5 five"], ["g without its numbers", "g 3"], ["a negative repeat", "g -2 5"], ["NaN", "NaN 1"]])("%s is E_OFD_CORRUPT", (_name, spec) => {
    expect(() => parseDeltas(spec, 5)).toThrow(expect.objectContaining({ code: "E_OFD_CORRUPT" }));
  });
});

describe("Boundary + CTM → page points", () => {
  it.each([
    ["no CTM: the Boundary origin", `<TextObject Boundary="10 20 50 8"/>`, [0, 0], [10 * PT, 20 * PT]],
    ["no CTM, a point inside", `<TextObject Boundary="10 20 50 8"/>`, [3, 4], [13 * PT, 24 * PT]],
    ["scaling CTM", `<TextObject Boundary="10 20 50 8" CTM="2 0 0 2 0 0"/>`, [3, 4], [16 * PT, 28 * PT]],
    ["CTM with a translation", `<TextObject Boundary="10 20 50 8" CTM="1 0 0 1 5 -5"/>`, [0, 0], [15 * PT, 15 * PT]],
    ["a CTM that is not six numbers is ignored", `<TextObject Boundary="0 0 1 1" CTM="2 0 0"/>`, [1, 1], [PT, PT]],
  ] as const)("%s", (_name, xml, p, want) => {
    close(apply(objectMatrix(node(xml)), p[0], p[1]), want);
  });

  it("a Boundary that is not numbers is E_OFD_CORRUPT", () => {
    expect(() => objectMatrix(node(`<TextObject Boundary="a b c d"/>`))).toThrow(expect.objectContaining({ code: "E_OFD_CORRUPT" }));
  });
});

describe("AbbreviatedData → subpaths → rule segments", () => {
  it.each([
    ["a line", "M 0 0 L 10 0", [{ points: [[0, 0], [10, 0]], curved: false }]],
    ["S starts a subpath like M", "S 0 0 L 0 10", [{ points: [[0, 0], [0, 10]], curved: false }]],
    ["a closed rectangle (C)", "M 0 0 L 10 0 L 10 5 L 0 5 C", [{ points: [[0, 0], [10, 0], [10, 5], [0, 5], [0, 0]], curved: false }]],
    ["Z closes too", "M 0 0 L 10 0 L 10 5 Z", [{ points: [[0, 0], [10, 0], [10, 5], [0, 0]], curved: false }]],
    ["two subpaths", "M 0 0 L 10 0 M 0 5 L 10 5", [{ points: [[0, 0], [10, 0]], curved: false }, { points: [[0, 5], [10, 5]], curved: false }]],
    ["a Bézier makes its subpath curved", "M 0 0 B 1 1 2 2 3 0", [{ points: [[0, 0], [3, 0]], curved: true }]],
    ["a quadratic curve", "M 0 0 Q 1 1 2 0", [{ points: [[0, 0], [2, 0]], curved: true }]],
    ["an arc", "M 0 0 A 5 5 0 0 1 10 0", [{ points: [[0, 0], [10, 0]], curved: true }]],
    ["a lone move draws nothing", "M 3 3", []],
  ] as const)("%s", (_name, data, want) => {
    expect(abbreviatedSubpaths(data)).toEqual(want);
  });

  it.each([["an unknown command", "M 0 0 X 1 1"], ["a command without its numbers", "M 0 0 L 5"], ["a number that is not one", "M 0 0 L 5 five"]])("%s is E_OFD_CORRUPT", (_name, data) => {
    expect(() => abbreviatedSubpaths(data)).toThrow(expect.objectContaining({ code: "E_OFD_CORRUPT" }));
  });

  const path = (attrs: string, data: string): XNode => node(`<PathObject Boundary="10 10 100 100" ${attrs}><AbbreviatedData>${data}</AbbreviatedData></PathObject>`);
  it.each([
    ["a stroked rectangle: four rules", path("", "M 0 0 L 50 0 L 50 20 L 0 20 C"), 4],
    ["a stroked horizontal line", path("", "M 0 0 L 50 0"), 1],
    ["a slanted line is no rule", path("", "M 0 0 L 50 20"), 0],
    ["a curve is no rule", path("", "M 0 0 B 10 0 40 0 50 0"), 0],
    ["a thin filled rectangle is one rule", path(`Stroke="false" Fill="true"`, "M 0 0 L 50 0 L 50 0.3 L 0 0.3 C"), 1],
    ["a filled block is no rule", path(`Stroke="false" Fill="true"`, "M 0 0 L 50 0 L 50 20 L 0 20 C"), 0],
    ["neither stroked nor filled: invisible", path(`Stroke="false"`, "M 0 0 L 50 0"), 0],
  ] as const)("%s", (_name, obj, n) => {
    expect(pathSegments(obj)).toHaveLength(n);
  });

  it("segments are in page points", () => {
    const [s] = pathSegments(path("", "M 0 0 L 50 0"));
    close([s!.x0, s!.y0, s!.x1, s!.y1], [10 * PT, 10 * PT, 60 * PT, 10 * PT]);
  });
});

describe("TextCode → glyph runs", () => {
  const items = (xml: string): Item[] => textItems(node(xml), { glyphs: 1000 });

  it("each glyph at X + ΣDeltaX, on the baseline Y", () => {
    const got = items(`<TextObject Boundary="20 30 100 10" Size="5"><TextCode X="1" Y="5" DeltaX="g 2 5 2.5">通知A1</TextCode></TextObject>`);
    expect(got.map((i) => i.str)).toEqual(["通", "知", "A", "1"]);
    close(got.map((i) => i.x), [21, 26, 31, 33.5].map((x) => x * PT));
    close(got.map((i) => i.y), [35, 35, 35, 35].map((y) => y * PT));
    close(got.map((i) => i.h), [5, 5, 5, 5].map((h) => h * PT));
  });

  it("a glyph is as wide as its advance, at most its natural width (a wide DeltaX leaves a gap)", () => {
    const got = items(`<TextObject Boundary="0 0 100 10" Size="4"><TextCode X="0" Y="4" DeltaX="4 20">序号任</TextCode></TextObject>`);
    close(got.map((i) => i.w), [4, 4, 4].map((w) => w * PT));
    close(got.map((i) => i.x), [0, 4, 24].map((x) => x * PT));
  });

  it("spaces are not runs but still advance; a TextCode without X/Y goes on from the previous one", () => {
    const got = items(`<TextObject Boundary="0 0 100 10" Size="4"><TextCode X="0" Y="4">A B</TextCode><TextCode>C</TextCode></TextObject>`);
    expect(got.map((i) => i.str)).toEqual(["A", "B", "C"]);
    close(got.map((i) => i.x), [0, 4, 6].map((x) => x * PT));
  });

  it("DeltaY moves down (vertical text)", () => {
    const got = items(`<TextObject Boundary="0 0 10 100" Size="4"><TextCode X="0" Y="4" DeltaY="g 2 6">通知书</TextCode></TextObject>`);
    close(got.map((i) => i.y), [4, 10, 16].map((y) => y * PT));
    close(got.map((i) => i.x), [0, 0, 0]);
  });

  it("the glyph budget of a page is a hard limit", () => {
    expect(() => textItems(node(`<TextObject Boundary="0 0 1 1" Size="4"><TextCode X="0" Y="4">通知书</TextCode></TextObject>`), { glyphs: 2 })).toThrow(
      expect.objectContaining({ code: "E_OFD_CORRUPT" }),
    );
  });
});

/** Invented glyph runs, one item per character, 12 pt CJK glyphs. */
function run(text: string, x: number, y: number, size = 12): Item[] {
  return [...text].map((str, i) => ({ str, x: x + i * size, y, w: size, h: size }));
}

describe("positioned text → lines (shared with PDF)", () => {
  it.each([
    ["one baseline is one line", [...run("一、总体要求", 80, 100)], ["一、总体要求"]],
    ["runs painted out of order on one baseline are sorted by x", [...run("要求", 104, 100), ...run("一、总体", 56, 100)], ["一、总体要求"]],
    ["a baseline a fraction of a glyph off is the same line", [...run("牵头单位", 80, 100), ...run("：市政府", 128, 101.5)], ["牵头单位：市政府"]],
    ["a new baseline is a new line, top to bottom", [...run("第二行", 80, 130), ...run("第一行", 80, 100)], ["第一行", "第二行"]],
    ["a gap wider than a quarter glyph is one space", [...run("序号", 80, 100), ...run("任务", 160, 100)], ["序号 任务"]],
  ] as const)("%s", (_name, items, want) => {
    const page = layoutPage(items, [], 842);
    expect(page.elements.map((e) => (e.kind === "line" ? e.text : e.rows))).toEqual(want);
  });

  it("ruled cells become a table's rows, a wrapped cell joined", () => {
    // two columns (80–160, 160–400), two rows (100–130, 130–180); the second row's task wraps
    const h = (y: number) => ({ x0: 80, y0: y, x1: 400, y1: y });
    const v = (x: number) => ({ x0: x, y0: 100, x1: x, y1: 180 });
    const segments = [h(100), h(130), h(180), v(80), v(160), v(400)];
    const items = [...run("序号", 84, 120), ...run("重点任务", 164, 120), ...run("1", 84, 150), ...run("推进政务公开", 164, 150), ...run("标准化建设", 164, 170)];
    const page = layoutPage(items, segments, 842);
    expect(page.elements).toEqual([{ kind: "table", y: 100, rows: [["序号", "重点任务"], ["1", "推进政务公开标准化建设"]] }]);
  });

  it("the rules around a 版记 block (horizontal only, no columns) leave its lines as text", () => {
    const rule = (y: number) => ({ x0: 80, y0: y, x1: 500, y1: y });
    const page = layoutPage([...run("抄送：市委办公室", 80, 700), ...run("市政府办公室2024年1月2日印发", 80, 730)], [rule(680), rule(712), rule(740)], 842);
    expect(page.elements.map((e) => e.kind === "line" && e.text)).toEqual(["抄送：市委办公室", "市政府办公室2024年1月2日印发"]);
  });

  it("page numbers and lines repeated at the edge of most pages are dropped; pages are blank-line separated", () => {
    const page = (n: number) => layoutPage([...run("政务公开", 80, 40), ...run(`正文第${n}页`, 80, 300), ...run(`- ${n} -`, 280, 800, 10)], [], 842);
    const { source, blocks } = layoutPages([page(1), page(2), page(3)]);
    expect(source).toBe("正文第1页\n\n正文第2页\n\n正文第3页\n");
    expect(blocks.map((b) => b.page)).toEqual([1, 2, 3]);
  });
});

/** A one-page OFD package around the given page content (and extra parts). */
async function ofd(content: string, { doc, extra, pages = 1 }: { doc?: string; extra?: Record<string, string>; pages?: number } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("OFD.xml", `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
  const refs = Array.from({ length: pages }, (_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join("");
  zip.file(
    "Doc_0/Document.xml",
    doc ?? `<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:TemplatePage ID="9" BaseLoc="Tpls/T/Content.xml"/></ofd:CommonData><ofd:Pages>${refs}</ofd:Pages></ofd:Document>`,
  );
  for (let i = 0; i < pages; i++) zip.file(`Doc_0/Pages/Page_${i}/Content.xml`, content.replaceAll("{n}", "一二三四五"[i] ?? ""));
  for (const [k, v] of Object.entries(extra ?? {})) zip.file(k, v);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const line = (text: string, y: number): string =>
  `<ofd:TextObject Boundary="25 ${y - 5} 160 8" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g ${[...text].length - 1} 5">${text}</ofd:TextCode></ofd:TextObject>`;
const page = (body: string, template = ""): string =>
  `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016">${template}<ofd:Content><ofd:Layer>${body}</ofd:Layer></ofd:Content></ofd:Page>`;
const text = async (bytes: Uint8Array): Promise<string> => (await readOfdInProcess(bytes, {})).source;

describe("OFD packages", () => {
  const template = { "Doc_0/Tpls/T/Content.xml": page(line("模板页上的文字", 80)) };
  const usesTemplate = `<ofd:Template TemplateID="9"/>`;

  it("a template used by several pages is furniture; one used by a single page is read with it, but for its margins", async () => {
    expect(await text(await ofd(page(line("第{n}页正文内容", 100), usesTemplate), { extra: template, pages: 2 }))).toBe("第一页正文内容\n\n第二页正文内容\n");
    expect(await text(await ofd(page(line("正文内容", 100), usesTemplate), { extra: template }))).toBe("模板页上的文字\n正文内容\n");
    const header = { "Doc_0/Tpls/T/Content.xml": page(line("页眉文字", 20) + line("页脚文字", 280)) };
    expect(await text(await ofd(page(line("正文内容", 100), usesTemplate), { extra: header }))).toBe("正文内容\n");
  });

  it("a page location written from the package root is found too", async () => {
    const doc = `<Document><Pages><Page BaseLoc="Doc_0/Pages/Page_0/Content.xml"/></Pages></Document>`;
    expect(await text(await ofd(page(line("正文内容", 100)), { doc }))).toBe("正文内容\n");
  });

  it("PageBlocks are read, annotations are not", async () => {
    const annot = { "Doc_0/Annots/Page_0/Annotation.xml": `<ofd:PageAnnot xmlns:ofd="x"><ofd:Annot><ofd:Appearance>${line("批注", 200)}</ofd:Appearance></ofd:Annot></ofd:PageAnnot>` };
    expect(await text(await ofd(page(`<ofd:PageBlock>${line("块中文字", 100)}</ofd:PageBlock>`), { extra: annot }))).toBe("块中文字\n");
  });

  it("is sniffed by its OFD.xml, whatever its name; .ofd that is no zip is E_OFD_CORRUPT", async () => {
    const bytes = await ofd(page(line("正文内容", 100)));
    expect(sniffFormat(bytes, "notice.zip")).toBe("ofd");
    expect(sniffFormat(bytes, null)).toBe("ofd");
    await expect(readInput(new TextEncoder().encode("not a zip"), { path: "x.ofd" })).rejects.toMatchObject({ code: "E_OFD_CORRUPT" });
  });

  it.each([
    ["a DOCTYPE (no entity is ever expanded)", () => ofd(`<!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">]>` + page(line("&a;", 100)))],
    ["an undeclared entity", () => ofd(page(line("&nope;", 100)))],
    ["no DocRoot", () => ofd(page(""), { extra: { "OFD.xml": "<OFD><DocBody/></OFD>" } })],
    ["a page part that is missing", () => ofd(page(""), { doc: `<Document><Pages><Page BaseLoc="Pages/Nope.xml"/></Pages></Document>` })],
    ["too many pages", () => ofd(page(""), { doc: `<Document><Pages>${"<Page BaseLoc='x'/>".repeat(2001)}</Pages></Document>` })],
    ["too many objects on a page", () => ofd(page(`<ofd:PathObject Boundary="0 0 1 1"/>`.repeat(50_001)))],
    ["elements nested too deep", () => ofd(page("<ofd:PageBlock>".repeat(200) + "</ofd:PageBlock>".repeat(200)))],
    ["a zip directory declaring more than 64 MB", () => ofd(page(line("正文内容", 100)), { extra: { "Doc_0/Res/big.bin": "\0".repeat(65 * 1024 * 1024) } })],
  ])("%s is E_OFD_CORRUPT", async (_name, make) => {
    await expect(readOfdInProcess(await make(), {})).rejects.toMatchObject({ code: "E_OFD_CORRUPT" });
  });

  it("an OFD without any text (scanned pages) is E_EMPTY", async () => {
    await expect(readOfdInProcess(await ofd(page(`<ofd:ImageObject Boundary="0 0 210 297" ResourceID="5"/>`)), {})).rejects.toMatchObject({ code: "E_EMPTY" });
  });
});

describe("fixtures/ofd: corrupt and hostile copies fail fast with their code", () => {
  it.each([
    ["truncated_002.ofd", "E_OFD_CORRUPT"],
    ["no_document_002.ofd", "E_OFD_CORRUPT"],
    ["bad_xml_002.ofd", "E_OFD_CORRUPT"],
    ["hostile_bomb.ofd", "E_OFD_CORRUPT"],
    ["hostile_deep.ofd", "E_OFD_CORRUPT"],
  ])("%s → %s", async (file, code) => {
    const t0 = Date.now();
    await expect(readOfdInProcess(new Uint8Array(readFileSync(fixture(`ofd/${file}`))), {})).rejects.toMatchObject({ code });
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it.each(["hostile_deltas.ofd", "hostile_repeat.ofd"])("%s (a million DeltaX entries, g counts of 1e9) reads its few glyphs quickly", async (file) => {
    const t0 = Date.now();
    const got = await readOfdInProcess(new Uint8Array(readFileSync(fixture(`ofd/${file}`))), {});
    expect(got.source).toBe(`${"关于开展工作的通知".repeat(4)}\n`);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

async function parse(path: string): Promise<Result> {
  const result = await parseBuffer(new Uint8Array(readFileSync(path)), { path });
  expect(ResultSchema.safeParse(result).success).toBe(true);
  return result;
}

describe("the seeds as OFD against the seeds' gold", () => {
  it.each(Object.entries(SEEDS))("seed %s", async (_key, name) => {
    const got = await parse(fixture(`ofd/${name.replace(/\.txt$/u, ".ofd")}`));
    expect(got.source.format).toBe("ofd");
    const gold = JSON.parse(readFileSync(join(root, "fixtures/gold", name.replace(/\.txt$/u, ".gold.json")), "utf8")) as Gold;
    expect(diffGold(got, gold)).toEqual([]);
    const want = await parse(seed(name));
    expect(got.tasks.map((t) => t.id)).toEqual(want.tasks.map((t) => t.id));
    for (const t of got.tasks) expect(t.source.page).toBeGreaterThanOrEqual(1);
    expect(got.source.pages).toBeGreaterThan(1);
    // the template's running header, the page numbers and the annotation are not body text
    const { source } = await read(`ofd/${name.replace(/\.txt$/u, ".ofd")}`);
    expect(source).not.toMatch(/内部传阅|批注|^- \d+ -$/mu);
  });
});
