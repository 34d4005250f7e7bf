/** Small .docx files written in the test (OOXML parts zipped with jszip): the shapes Word and WPS write. */
import JSZip from "jszip";

const esc = (s: string): string => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");

/** A run of text (spaces kept). */
export const run = (text: string): string => `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
/** A paragraph of runs (raw XML) with optional paragraph properties (raw XML inside <w:pPr>). */
export const para = (body: string, pPr = ""): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${body}</w:p>`;
/** A paragraph of plain text. */
export const p = (text: string, pPr = ""): string => para(run(text), pPr);
/** A table of rows of cells (each cell raw XML: one or more paragraphs; tcPr optional). */
export const table = (rows: readonly (readonly (string | { xml: string; tcPr: string })[])[]): string =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => (typeof c === "string" ? `<w:tc>${p(c)}</w:tc>` : `<w:tc><w:tcPr>${c.tcPr}</w:tcPr>${c.xml}</w:tc>`)).join("")}</w:tr>`).join("")}</w:tbl>`;

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export async function makeDocx(body: string, parts: { numbering?: string; styles?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  const rels: string[] = [];
  if (parts.numbering) {
    zip.file("word/numbering.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${NS}>${parts.numbering}</w:numbering>`);
    rels.push(`<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`);
  }
  if (parts.styles) {
    zip.file("word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${NS}>${parts.styles}</w:styles>`);
    rels.push(`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
  }
  zip.file("word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}</w:body></w:document>`);
  return new Uint8Array(await zip.generateAsync({ type: "nodebuffer" }));
}
