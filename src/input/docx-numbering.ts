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

const attrVal = (xml: string, tag: string): string | undefined => new RegExp(`<w:${tag}\\b[^>]*?\\bw:val="([^"]*)"`, "u").exec(xml)?.[1];

function readNumbering(xml: string): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*?w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/gu)) {
    const levels = new Map<number, Level>();
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/gu)) {
      const body = l[2]!;
      levels.set(Number(l[1]), {
        start: Number(attrVal(body, "start") ?? "1"),
        format: attrVal(body, "numFmt") ?? "decimal",
        text: attrVal(body, "lvlText") ?? "",
        legal: /<w:isLgl\b(?![^>]*w:val="(?:0|false)")/u.test(body),
        suffix: attrVal(body, "suff") === "nothing" ? "" : " ",
      });
    }
    abstract.set(m[1]!, levels);
  }
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  for (const m of xml.matchAll(/<w:num\b[^>]*?w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/gu)) {
    const abstractId = attrVal(m[2]!, "abstractNumId");
    if (abstractId === undefined) continue;
    const starts = new Map<number, number>();
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/gu)) {
      const s = attrVal(o[2]!, "startOverride");
      if (s !== undefined) starts.set(Number(o[1]), Number(s));
    }
    nums.set(m[1]!, { abstractId, starts });
  }
  return { abstract, nums };
}

/** Paragraph styles that carry a numPr of their own (Word "List Number"-style headings). */
function readStyleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const m of xml.matchAll(/<w:style\b[^>]*?w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/gu)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/u.exec(m[2]!)?.[1];
    const numId = numPr ? attrVal(numPr, "numId") : undefined;
    if (numPr && numId !== undefined) out.set(m[1]!, { numId, ilvl: Number(attrVal(numPr, "ilvl") ?? "0") });
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

function roman(n: number): string {
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
  const c = String.fromCharCode(65 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One counter in a numFmt (ECMA-376 ST_NumberFormat); null for bullets and formats we do not know. */
export function formatNumber(n: number, format: string): string | null {
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
  const xml = documentXml.replace(/(<w:p\b[^>]*>)(<w:pPr>[\s\S]*?<\/w:pPr>)?/gu, (whole, open: string, pPr: string | undefined) => {
    if (open.endsWith("/>") || !pPr) return whole;
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/u.exec(pPr)?.[1];
    const style = attrVal(pPr, "pStyle");
    const fromStyle = style !== undefined ? styleNum.get(style) : undefined;
    const numId = (numPr ? attrVal(numPr, "numId") : undefined) ?? fromStyle?.numId;
    const ilvl = Number((numPr ? attrVal(numPr, "ilvl") : undefined) ?? fromStyle?.ilvl ?? 0);
    if (numId === undefined || numId === "0") return whole;
    const num = numbering.nums.get(numId);
    const levels = num ? numbering.abstract.get(num.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return whole;
    const startOf = (l: number): number => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    let c = counters.get(num.abstractId) ?? [];
    if (!started.has(numId)) {
      started.add(numId);
      if (num.starts.size > 0) c = [];
    }
    c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl]! + 1;
    c.length = ilvl + 1; // deeper levels restart
    counters.set(num.abstractId, c);
    let ok = true;
    const label = level.text.replace(/%(\d)/gu, (_, d: string) => {
      const l = Number(d) - 1;
      const fmt = level.legal && l !== ilvl ? "decimal" : (levels.get(l)?.format ?? "decimal");
      const s = formatNumber(c[l] ?? startOf(l), fmt);
      if (s === null) ok = false;
      return s ?? "";
    });
    if (!ok || formatNumber(1, level.format) === null || label.trim() === "") return whole;
    labelled++;
    return `${open}${pPr}<w:r><w:t xml:space="preserve">${escapeXml(label + level.suffix)}</w:t></w:r>`;
  });
  return { xml, labelled };
}

/** The .docx with its automatic numbers written in as text (unchanged when it has none). */
export async function withVisibleNumbering(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const numbering = zip.file("word/numbering.xml");
  const document = zip.file("word/document.xml");
  if (!numbering || !document) return buffer;
  const styles = zip.file("word/styles.xml");
  const { xml, labelled } = labelNumberedParagraphs(await document.async("string"), await numbering.async("string"), styles ? await styles.async("string") : "");
  if (labelled === 0) return buffer;
  zip.file("word/document.xml", xml);
  return zip.generateAsync({ type: "nodebuffer" });
}
