/**
 * Hostile-input generators (issue 13), parameterised by size: `npm test` runs them small,
 * `npm run stress` at full size. Each returns { name, bytes } for a file gongkai should finish
 * in seconds, with bounded memory, with a result or a typed error.
 */
import { createDeflate, deflateSync } from "node:zlib";
import JSZip from "jszip";

const enc = (s) => Buffer.from(s, "utf8");
const NOTICE = "关于做好工作的通知\n一、做好工作。（牵头单位：市司法局）2025年底前完成。\n";

// ---------- text ----------
export const textMarkers = (n) => enc(Array.from({ length: n }, (_, i) => ["一、甲", "（一）乙", "1.丙", "（1）丁", "①戊"][i % 5]).join("\n"));
export const textLeadLines = (n) => enc("一、任务\n" + "牵头单位：".repeat(1) + "A局\n" + "牵头单位：\n".repeat(n));
export const textTaskLines = (n) => enc("一、工作\n" + Array.from({ length: n }, (_, i) => `（${i % 9 + 1}）做好第${i}项工作。（牵头单位：市司法局）`).join("\n"));
export const textBracketLine = (n) => enc("一、" + "（牵头单位：".repeat(n));
/** n numbered lines with the same marker: every line an item with a warning (the costliest line there is). */
export const textDuplicateItems = (n) => enc("一、任务\n" + "（一）做好工作\n".repeat(n));
export const textNewlineInBracket = (n) => enc(`关于做好工作的通知\n一、做好工作。（牵头单位：市司法局\n${"甲".repeat(n)}`);

// ---------- markdown ----------
export const mdNestedList = (n) => enc("# 通知\n\n" + Array.from({ length: n }, (_, i) => `${"  ".repeat(i)}- 第${i}层`).join("\n") + "\n");
export const mdQuoteRun = (n) => enc("# 通知\n\n" + ">".repeat(n) + " 一、做好工作\n");
export const mdNestedQuotes = (n) => enc("# 通知\n\n" + Array.from({ length: n }, (_, i) => `${"> ".repeat(i + 1)}一、第${i}项`).join("\n") + "\n");
export const mdTable = (rows, cols) => {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  const out = ["# 通知", "", line(Array.from({ length: cols }, (_, c) => `列${c}`)), line(Array.from({ length: cols }, () => "---"))];
  for (let r = 0; r < rows; r++) out.push(line(Array.from({ length: cols }, (_, c) => (c === 0 ? String(r + 1) : "x"))));
  return enc(out.join("\n") + "\n");
};

// ---------- html ----------
const page = (body) => enc(`<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`);
export const htmlNested = (tag, n) => {
  const [open, close] = {
    div: ["<div>", "</div>"], table: ["<table><tr><td>", "</td></tr></table>"], span: ["<span>", "</span>"], b: ["<b>", "</b>"],
    svg: ["<svg><g>", "</g></svg>"], li: ["<ul><li>", "</li></ul>"], unclosedB: ["<b>", ""], unclosedDiv: ["<div>", ""],
  }[tag];
  return page(open.repeat(n) + "一、做好工作。（牵头单位：市司法局）" + close.repeat(n));
};
export const htmlBig = (mb) => {
  const para = "<p>（一）做好第项工作，加强统筹协调，落实责任分工。（牵头单位：市司法局；责任单位：各区人民政府）2025年底前完成。</p>\n";
  return page(`<div class="content"><h1>关于做好工作的通知</h1>${para.repeat(Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(para)))}</div>`);
};
/** A page of n tiny elements: the parser's tree costs per element, not per byte. */
export const htmlManyElements = (n) => page(`<div>${"<span>做好工作</span>".repeat(n)}</div>`);
export const htmlBracketNewline = () => page("<p>一、做好工作。（牵头单位：市司法局\n责任单位：各区</p>");

// ---------- docx ----------
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
async function docx(documentXml, numberingXml) {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' + (numberingXml ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : "") + "</Types>");
  zip.file("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + (numberingXml ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : "") + "</Relationships>");
  zip.file("word/document.xml", documentXml);
  if (numberingXml) zip.file("word/numbering.xml", numberingXml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}
const para = (text, num = "") => `<w:p><w:pPr>${num}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const doc = (body) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const numbering = (lvlText, start = "1", extra = "") =>
  `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${lvlText}"/></w:lvl></w:abstractNum>${extra}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
const NUMPR = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';

/** Nested abstractNum/lvl elements without closes: a naive element scan is cubic. */
export const docxNestedNumbering = (n) =>
  docx(doc(para("做好工作。", NUMPR)), `<?xml version="1.0"?><w:numbering ${W}>${'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'.repeat(n)}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`);
/** Paragraphs opened and never closed, each with a numPr. */
export const docxUnclosedParagraphs = (n) => docx(doc(`<w:p><w:pPr>${NUMPR}`.repeat(n)), numbering("%1."));
/** A level text of n `%1`s: labels thousands of digits long on every paragraph. */
export const docxLongLabels = (n, paras = 200) => docx(doc(Array.from({ length: paras }, () => para("做好工作。", NUMPR)).join("")), numbering("%1".repeat(n), "9".repeat(Math.min(n, 300))));
/** A small zip whose document.xml unpacks to `mb` MB. */
export const docxBomb = (mb) => docx(doc(para("一、做好工作。") + `<w:p><w:r><w:t>${" ".repeat(mb * 1024 * 1024)}</w:t></w:r></w:p>`));
/** n nested elements in the body. */
export const docxDeep = (n) => docx(doc("<w:tbl><w:tr><w:tc>".repeat(n) + para("一、做好工作。") + "</w:tc></w:tr></w:tbl>".repeat(n)));
export const docxManyNumbered = (n) => docx(doc(Array.from({ length: n }, (_, i) => para(`做好第${i}项工作。（牵头单位：市司法局）`, NUMPR)).join("")), numbering("%1."));

// ---------- pdf ----------
/** A one-page PDF whose content stream is `contents` (a string; with `filter`, Flate-compressed; a Buffer is taken as already compressed). */
function pdf(contents, { filter = false } = {}) {
  const objs = [];
  objs.push("<< /Type /Catalog /Pages 2 0 R >>");
  objs.push("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  objs.push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
  if (Buffer.isBuffer(contents)) filter = true;
  const data = Buffer.isBuffer(contents) ? contents : filter ? deflateSync(contents, { level: 9 }) : Buffer.from(contents, "latin1");
  objs.push(null); // stream
  objs.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const parts = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets = [];
  let len = parts[0].length;
  objs.forEach((o, i) => {
    offsets.push(len);
    const chunk = o === null
      ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${data.length}${filter ? " /Filter /FlateDecode" : ""} >>\nstream\n`, "latin1"), data, Buffer.from("\nendstream\nendobj\n", "latin1")])
      : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, "latin1");
    parts.push(chunk);
    len += chunk.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${len}\n%%EOF\n`;
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
}
const TEXT_OPS = "BT /F1 12 Tf 72 720 Td (1. Work on it) Tj ET\n";
/** n nested q (save) operators, compressed: tiny file, heavy operator list. */
export const pdfNestedQ = (n) => pdf("q ".repeat(n) + TEXT_OPS + "Q ".repeat(n), { filter: true });
/** A content stream that unpacks to `mb` MB of white space (compressed as it is made: 2 GB bombs need no 2 GB buffer). */
export async function pdfBomb(mb) {
  const z = createDeflate({ level: 9 });
  const chunks = [];
  z.on("data", (c) => chunks.push(c));
  const done = new Promise((resolve) => z.on("end", resolve));
  z.write(TEXT_OPS);
  const block = Buffer.alloc(1 << 20, 0x20);
  for (let i = 0; i < mb; i++) if (!z.write(block)) await new Promise((resolve) => z.once("drain", resolve));
  z.end();
  await done;
  return pdf(Buffer.concat(chunks));
}
/** n path segments that look like table rules. */
export const pdfManyRules = (n) => pdf(Array.from({ length: n }, (_, i) => `${50 + (i % 400)} ${100 + (i % 600)} m ${60 + (i % 400)} ${100 + (i % 600)} l S`).join("\n") + "\n" + TEXT_OPS, { filter: true });

export const notice = () => enc(NOTICE);

/**
 * Every case: [name, extension, make(size), full size, small size]. The hidden check uses other
 * sizes: the small ones stay in `npm test`, the full ones in `npm run stress`.
 */
export const CASES = [
  ["text: marker lines", "txt", textMarkers, 600_000, 10_000],
  ["text: 牵头单位： lines", "txt", textLeadLines, 200_000, 20_000],
  ["text: task lines", "txt", textTaskLines, 100_000, 5_000],
  ["text: open brackets on one line", "txt", textBracketLine, 200_000, 20_000],
  ["text: duplicate item lines", "txt", textDuplicateItems, 100_000, 5_000],
  ["md: nested list", "md", mdNestedList, 3_000, 300],
  ["md: a run of >", "md", mdQuoteRun, 1_000_000, 50_000],
  ["md: nested quotes", "md", mdNestedQuotes, 2_000, 200],
  ["md: n x n table", "md", (n) => mdTable(n, n), 3_000, 60],
  ["html: nested div", "html", (n) => htmlNested("div", n), 100_000, 5_000],
  ["html: nested table", "html", (n) => htmlNested("table", n), 100_000, 1_000],
  ["html: nested span", "html", (n) => htmlNested("span", n), 100_000, 5_000],
  ["html: nested svg", "html", (n) => htmlNested("svg", n), 100_000, 5_000],
  ["html: unclosed b", "html", (n) => htmlNested("unclosedB", n), 100_000, 5_000],
  ["html: nested li", "html", (n) => htmlNested("li", n), 50_000, 3_000],
  ["html: big page (MB)", "html", htmlBig, 6, 1],
  ["html: many elements", "html", htmlManyElements, 300_000, 3_000],
  ["docx: nested numbering", "docx", docxNestedNumbering, 3_000, 500],
  ["docx: unclosed paragraphs", "docx", docxUnclosedParagraphs, 20_000, 2_000],
  ["docx: long labels", "docx", (n) => docxLongLabels(n), 9_000, 1_000],
  ["docx: bomb (MB)", "docx", docxBomb, 100, 2],
  ["docx: deep elements", "docx", docxDeep, 300_000, 5_000],
  ["pdf: nested q", "pdf", pdfNestedQ, 200_000, 100],
  ["pdf: bomb (MB)", "pdf", pdfBomb, 300, 20],
  ["pdf: bomb 2 GB (MB)", "pdf", pdfBomb, 2_000, 80],
  ["pdf: many rules", "pdf", pdfManyRules, 50_000, 2_000],
];
