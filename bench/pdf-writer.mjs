// A minimal PDF writer for the benchmark corpus: Chinese text set in a non-embedded CID font with
// the predefined CMap /UniGB-UCS2-H (STSong-Light, Adobe-GB1), the pattern of the PDFs that
// iText and old report tools put on many government sites. pdf.js (with its packed CMaps) and
// pdftotext (with poppler-data) both read the text back. No dependency, deterministic bytes.
// Port of /work/shared/fixtures/_tools/make_cmap_pdf.py, generalised to whole notices.

const CHARS_PER_LINE = 28;
const LINES_PER_PAGE = 22;

const hex = (s) => {
  let out = "<";
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return out + ">";
};

/** Lay out notice text (one paragraph per line) as A4 pages; returns { bytes, pages }. */
export function textToPdf(text, title = "gongkai bench") {
  const lines = [];
  for (const raw of text.split("\n")) {
    // strip Markdown markup, tabs become two spaces; characters outside the BMP are dropped
    let p = raw.replace(/^#{1,6}\s*/u, "").replaceAll("**", "").replaceAll("\t", "  ").replace(/[^\u0000-\uffff]/gu, "").trim();
    if (!p || p === "---") continue;
    while (p.length > CHARS_PER_LINE) {
      lines.push(p.slice(0, CHARS_PER_LINE));
      p = p.slice(CHARS_PER_LINE);
    }
    lines.push(p);
  }
  const pages = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));
  if (pages.length === 0) pages.push([""]);

  const objs = new Map();
  objs.set(1, "<< /Type /Catalog /Pages 2 0 R >>");
  objs.set(3, `<< /Producer (gongkai bench/pdf-writer.mjs) /Title (${title.replace(/[()\\]/gu, "")}) >>`);
  objs.set(5, "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>");
  objs.set(
    6,
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> " +
      "/FontDescriptor 7 0 R /DW 1000 /W [1 95 500 814 939 500] >>",
  );
  objs.set(
    7,
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  );
  const kids = [];
  let next = 8;
  pages.forEach((pg, i) => {
    const ops = ["BT", "/F1 15.75 Tf", "28.9 TL", "79 700 Td"];
    for (const ln of pg) ops.push(`${hex(ln)} Tj T*`);
    ops.push("ET", "BT", "/F1 14 Tf", "270 60 Td", `${hex(`— ${i + 1} —`)} Tj`, "ET");
    const stream = ops.join("\n");
    const cid = next++;
    const pid = next++;
    objs.set(cid, `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    objs.set(pid, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 5 0 R >> >> /Contents ${cid} 0 R >>`);
    kids.push(pid);
  });
  objs.set(2, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`);

  // every object is ASCII, so string length = byte length
  let out = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets = new Map();
  const ids = [...objs.keys()].sort((a, b) => a - b);
  for (const id of ids) {
    offsets.set(id, out.length);
    out += `${id} 0 obj\n${objs.get(id)}\nendobj\n`;
  }
  const xref = out.length;
  const size = ids[ids.length - 1] + 1;
  out += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let i = 1; i < size; i++) out += offsets.has(i) ? `${String(offsets.get(i)).padStart(10, "0")} 00000 n \n` : "0000000000 65535 f \n";
  out += `trailer\n<< /Size ${size} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { bytes: Buffer.from(out, "latin1"), pages: pages.length };
}
