/**
 * Word automatic numbering (自动编号: 一、 （一） 1. ①) made visible. Word stores the number of a
 * numbered paragraph only as a list definition (numbering.xml: format + pattern such as
 * `（%1）`), and mammoth drops it; the number markers are what give a 公文 its task ids, so each
 * numbered paragraph gets its label written in as a leading text run before mammoth reads the file.
 *
 *   <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr>…
 *   → <w:p><w:pPr>…</w:pPr><w:r><w:t>（二）</w:t></w:r>…
 */
import JSZip from "jszip";

interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
  /** What follows the number: Word's default is a TAB, written here as a space (a TAB would mean a table cell). */
  suffix: string;
}

interface Numbering {
  /** abstractNumId → ilvl → level */
  abstract: Map<string, Map<number, Level>>;
  /** numId → abstractNumId and start overrides per level */
  nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
}

/*
 * The XML is scanned with indexOf, not regular expressions: element bodies are searched with
 * lazy patterns that backtrack badly on hostile input, and these parts are tiny anyway.
 */

/**
 * Each `<w:NAME …>…</w:NAME>` (or self-closing) element: its opening tag and its body. Elements do
 * not overlap: the scan goes on after an element's end, so a whole part is read once (an element
 * nested in one of the same name, or never closed, belongs to the body of the outer one) and the
 * pass stays linear however the XML nests. `limit` stops after that many elements.
 */
function elements(xml: string, name: string, limit = Infinity): { open: string; body: string; start: number; end: number }[] {
  const out: { open: string; body: string; start: number; end: number }[] = [];
  const tag = `<w:${name}`;
  const close = `</w:${name}>`;
  let i = xml.indexOf(tag);
  while (i >= 0 && out.length < limit) {
    const next = xml[i + tag.length];
    const openEnd = xml.indexOf(">", i);
    if (openEnd < 0) break;
    let after = openEnd + 1;
    if (next === " " || next === ">" || next === "/" || next === "\n" || next === "\t" || next === "\r") {
      const open = xml.slice(i, openEnd + 1);
      if (open.endsWith("/>")) out.push({ open, body: "", start: i, end: openEnd + 1 });
      else {
        const c = xml.indexOf(close, openEnd);
        const end = c < 0 ? xml.length : c + close.length;
        out.push({ open, body: xml.slice(openEnd + 1, c < 0 ? xml.length : c), start: i, end });
        after = end;
      }
    }
    i = xml.indexOf(tag, after);
  }
  return out;
}

/** The first `<w:NAME>` element, without scanning past it. */
const firstElement = (xml: string, name: string): { open: string; body: string } | undefined => elements(xml, name, 1)[0];

/** The value of attribute `name="…"` in an opening tag. */
function attrOf(open: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const at = open.indexOf(key);
  if (at < 0) return undefined;
  const end = open.indexOf('"', at + key.length);
  return end < 0 ? undefined : open.slice(at + key.length, end);
}

/** `w:val` of the first `<w:TAG …>` child. */
const attrVal = (xml: string, tag: string): string | undefined => {
  const el = firstElement(xml, tag);
  return el ? attrOf(el.open, "w:val") : undefined;
};

function readNumbering(xml: string): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  const links = new Map<string, string>();
  const styleOwners = new Map<string, string>();
  for (const a of elements(xml, "abstractNum")) {
    const id = attrOf(a.open, "w:abstractNumId");
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const l of elements(a.body, "lvl")) {
      const ilvl = attrOf(l.open, "w:ilvl");
      if (ilvl === undefined) continue;
      const legal = firstElement(l.body, "isLgl");
      const legalVal = legal ? attrOf(legal.open, "w:val") : undefined;
      levels.set(Number(ilvl), {
        start: Number(attrVal(l.body, "start") ?? "1"),
        format: attrVal(l.body, "numFmt") ?? "decimal",
        text: attrVal(l.body, "lvlText") ?? "",
        legal: legal !== undefined && legalVal !== "0" && legalVal !== "false",
        suffix: attrVal(l.body, "suff") === "nothing" ? "" : " ",
      });
    }
    abstract.set(id, levels);
    const link = attrVal(a.body, "numStyleLink");
    if (link !== undefined) links.set(id, link);
    const owner = attrVal(a.body, "styleLink");
    if (owner !== undefined) styleOwners.set(owner, id);
  }
  // a list style (numStyleLink) holds no levels: they are those of the definition that owns the style (styleLink)
  for (const [id, link] of links) {
    const owner = styleOwners.get(link);
    const levels = owner !== undefined ? abstract.get(owner) : undefined;
    if (levels && (abstract.get(id)?.size ?? 0) === 0) abstract.set(id, levels);
  }
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  for (const n of elements(xml, "num")) {
    const id = attrOf(n.open, "w:numId");
    const abstractId = attrVal(n.body, "abstractNumId");
    if (id === undefined || abstractId === undefined) continue;
    const starts = new Map<number, number>();
    for (const o of elements(n.body, "lvlOverride")) {
      const ilvl = attrOf(o.open, "w:ilvl");
      const st = attrVal(o.body, "startOverride");
      if (ilvl !== undefined && st !== undefined) starts.set(Number(ilvl), Number(st));
    }
    nums.set(id, { abstractId, starts });
  }
  return { abstract, nums };
}

/** The numId/ilvl of a `<w:numPr>` inside some XML, if any. */
function numPrOf(xml: string): { numId: string | undefined; ilvl: string | undefined } | undefined {
  const numPr = firstElement(xml, "numPr");
  return numPr ? { numId: attrVal(numPr.body, "numId"), ilvl: attrVal(numPr.body, "ilvl") } : undefined;
}

/** Paragraph styles that carry a numPr of their own (Word "List Number"-style headings). */
function readStyleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const st of elements(xml, "style")) {
    const id = attrOf(st.open, "w:styleId");
    const numPr = numPrOf(st.body);
    if (id !== undefined && numPr?.numId !== undefined) out.set(id, { numId: numPr.numId, ilvl: Number(numPr.ilvl ?? "0") });
  }
  return out;
}

const ZH_DIGITS = "〇一二三四五六七八九";

/** Chinese counting as Word prints it: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function zhNumeral(n: number): string {
  if (n < 0 || n >= 10000 || !Number.isInteger(n)) return String(n);
  if (n < 10) return ZH_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? ZH_DIGITS[n % 10] : ""}`;
  const units: [number, string][] = [[1000, "千"], [100, "百"], [10, "十"]];
  let out = "";
  let rest = n;
  let zero = false;
  for (const [v, name] of units) {
    const d = Math.floor(rest / v);
    rest %= v;
    if (d) {
      if (zero) out += "零";
      out += ZH_DIGITS[d]! + name;
      zero = false;
    } else if (out) zero = true;
  }
  if (rest) out += (zero ? "零" : "") + ZH_DIGITS[rest]!;
  return out;
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇";
const HEAVENLY = "甲乙丙丁戊己庚辛壬癸";
const ZODIAC = "子丑寅卯辰巳午未申酉戌亥";

/** Longest list label written in (Word's own are a few characters: （十二）, 1.2.3.); a longer one is hostile or broken and is left out. */
export const MAX_LABEL_LENGTH = 32;
/** Counters beyond this are printed as plain digits: spelling them out (M…, AAA…) would take memory in proportion to the number. */
const MAX_SPELLED = 3999;

function roman(n: number): string {
  if (n > MAX_SPELLED) return String(n);
  const parts: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of parts) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: 27 → AA
  if (n > 26 * 10) return String(n);
  const c = String.fromCharCode(65 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One counter in a numFmt (ECMA-376 ST_NumberFormat); null for bullets and formats we do not know. */
export function formatNumber(n: number, format: string): string | null {
  if (!Number.isSafeInteger(n) || n < 0) return null; // a start value of 10^300 is no list number
  switch (format) {
    case "decimal":
    case "decimalZero":
      return format === "decimalZero" && n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "chineseCounting":
    case "chineseCountingThousand":
    case "chineseLegalSimplified":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "ideographDigital":
      return zhNumeral(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
    case "ideographEnclosedCircle":
      return CIRCLED[n - 1] ?? String(n);
    case "decimalEnclosedParen":
      return PAREN[n - 1] ?? `(${n})`;
    case "ideographTraditional":
      return HEAVENLY[n - 1] ?? String(n);
    case "ideographZodiac":
      return ZODIAC[n - 1] ?? String(n);
    case "upperLetter":
      return letters(n);
    case "lowerLetter":
      return letters(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "none":
      return "";
    default:
      return null; // bullet and the rest: no visible number worth writing
  }
}

const escapeXml = (s: string): string => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");

/** Write the labels of numbered paragraphs into document.xml; returns the new XML and how many were written. */
export function labelNumberedParagraphs(documentXml: string, numberingXml: string, stylesXml = ""): { xml: string; labelled: number } {
  const numbering = readNumbering(numberingXml);
  const styleNum = readStyleNumbering(stylesXml);
  if (numbering.nums.size === 0) return { xml: documentXml, labelled: 0 };
  // Word counts per list definition: numIds that share an abstractNum continue one another,
  // and a numId with a startOverride restarts the count when it is first used.
  const counters = new Map<string, number[]>(); // abstractNumId → counter per level
  const started = new Set<string>();
  let labelled = 0;
  let xml = "";
  let copied = 0;
  for (const p of elements(documentXml, "p")) {
    if (p.open.endsWith("/>") || !p.body.startsWith("<w:pPr>")) continue;
    const pPrEnd = p.body.indexOf("</w:pPr>");
    if (pPrEnd < 0) continue;
    const pPr = p.body.slice(0, pPrEnd);
    const own = numPrOf(pPr);
    const style = attrVal(pPr, "pStyle");
    const fromStyle = style !== undefined ? styleNum.get(style) : undefined;
    const numId = own?.numId ?? fromStyle?.numId;
    const ilvl = Number(own?.ilvl ?? fromStyle?.ilvl ?? 0);
    if (numId === undefined || numId === "0") continue;
    const num = numbering.nums.get(numId);
    const levels = num ? numbering.abstract.get(num.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) continue;
    const startOf = (l: number): number => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    let c = counters.get(num.abstractId) ?? [];
    if (!started.has(numId)) {
      started.add(numId);
      if (num.starts.size > 0) c = [];
    }
    c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl]! + 1;
    c.length = ilvl + 1; // deeper levels restart
    counters.set(num.abstractId, c);
    let ok = level.text.length <= 4 * MAX_LABEL_LENGTH;
    let label = "";
    for (let k = 0; ok && k < level.text.length; k++) {
      const d = level.text.charCodeAt(k + 1) - 48;
      if (level.text[k] === "%" && d >= 1 && d <= 9) {
        const l = d - 1;
        const fmt = level.legal && l !== ilvl ? "decimal" : (levels.get(l)?.format ?? "decimal");
        const v = formatNumber(c[l] ?? startOf(l), fmt);
        if (v === null) ok = false;
        label += v ?? "";
        k++;
      } else label += level.text[k];
      if (label.length > MAX_LABEL_LENGTH) ok = false;
    }
    if (!ok || formatNumber(1, level.format) === null || label.trim() === "") continue;
    labelled++;
    // insert the label run right after </w:pPr>
    const at = p.start + p.open.length + pPrEnd + "</w:pPr>".length;
    xml += documentXml.slice(copied, at) + `<w:r><w:t xml:space="preserve">${escapeXml(label + level.suffix)}</w:t></w:r>`;
    copied = at;
  }
  xml += documentXml.slice(copied);
  return { xml, labelled };
}

/**
 * A simple field (域: `<w:fldSimple w:instr="DATE">` around its result runs) unwrapped to its result:
 * mammoth drops the element with what it shows. A scan for the two tags, no pattern.
 */
export function unwrapSimpleFields(xml: string): string {
  const tag = "<w:fldSimple";
  if (!xml.includes(tag)) return xml;
  let out = "";
  let copied = 0;
  for (let i = xml.indexOf(tag); i >= 0; i = xml.indexOf(tag, copied)) {
    const next = xml[i + tag.length];
    const end = xml.indexOf(">", i);
    if (end < 0) break;
    out += xml.slice(copied, i);
    if (next !== " " && next !== ">" && next !== "/") out += xml.slice(i, end + 1); // another element (w:fldSimpleX)
    copied = end + 1;
  }
  return (out + xml.slice(copied)).split("</w:fldSimple>").join("");
}

/** The .docx with its automatic numbers (and simple fields' results) written in as text (unchanged when it has none). */
export async function withVisibleNumbering(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const document = zip.file("word/document.xml");
  if (!document) return buffer;
  const original = await document.async("string");
  let xml = unwrapSimpleFields(original);
  const numbering = zip.file("word/numbering.xml");
  if (numbering) {
    const styles = zip.file("word/styles.xml");
    xml = labelNumberedParagraphs(xml, await numbering.async("string"), styles ? await styles.async("string") : "").xml;
  }
  if (xml === original) return buffer;
  zip.file("word/document.xml", xml);
  return zip.generateAsync({ type: "nodebuffer" });
}
