/** A Word tab stop (`<w:tab/>`) is the document's own column separator: it reads as a TAB, as in a text file. */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/input/index.js";

/** A minimal .docx whose body is the given paragraphs; in each, "\t" is written as a `<w:tab/>` run. */
export async function docxOf(paragraphs: readonly string[]): Promise<Uint8Array> {
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const run = (t: string): string => (t === "\t" ? "<w:r><w:tab/></w:r>" : `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`);
  const para = (p: string): string => `<w:p>${p.split(/(\t)/u).filter((t) => t !== "").map(run).join("")}</w:p>`;
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${paragraphs.map(para).join("")}</w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array" });
}

const lines = async (paragraphs: readonly string[]): Promise<string[]> =>
  (await readInput(await docxOf(paragraphs), { path: "x.docx" })).blocks.map((b) => b.text);

describe("tab stops in a Word paragraph", () => {
  it.each<[string, string, string]>([
    ["one tab between two columns", "任务甲\t某某局", "任务甲\t某某局"],
    ["a run of tabs aligns one column", "1\t\t任务乙\t\t\t某某委", "1\t任务乙\t某某委"],
    ["tabs before the text only indent it", "\t\t各有关单位：", "各有关单位："],
    ["tabs after the text are dropped", "二、重点任务\t\t", "二、重点任务"],
    ["a paragraph without tabs is unchanged", "（一）加强领导。", "（一）加强领导。"],
  ])("%s", async (_name, paragraph, want) => {
    expect(await lines([paragraph])).toEqual([want]);
  });

  it("so a tab-aligned list reads like the same list in a text file", async () => {
    const rows = ["序号\t重点任务\t牵头单位\t完成时限", "1\t完善某项制度\t某某局\t2025年底前", "2\t开展某项检查\t某某委\t持续推进"];
    const fromDocx = await lines(rows);
    const fromText = (await readInput(new TextEncoder().encode(rows.join("\n")), { path: "x.txt" })).blocks.map((b) => b.text);
    expect(fromDocx).toEqual(fromText);
  });
});
