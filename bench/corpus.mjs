// Deterministic benchmark corpus, built from the seed notices (seeds/, fixtures/dev/docs/) and
// the real LibreOffice PDFs of fixtures/pdf/ (when absent, every PDF is generated).
// Every notice is a variant: years shifted, months/days/counts redrawn, city and unit names
// swapped, headings and item bodies permuted among slots of the same level (the markers stay in
// order, so numbering is still valid). The corpus is cached under bench/corpus/<key>/ where
// <key> hashes the generator, the scale and the source bytes.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { textToPdf } from "./pdf-writer.mjs";

const GENERATOR_VERSION = 4;

/** mulberry32: a small seeded PRNG. */
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ["苏州", "常州", "南通", "扬州", "镇江", "泰州", "盐城", "淮安", "宿迁", "连云港", "嘉兴", "绍兴", "金华", "衢州", "台州", "丽水", "温州", "宁波", "舟山", "芜湖", "蚌埠", "莆田", "漳州", "泉州"];
const SEED_CITIES = /无锡|湖州|吴中|栖霞|平潭/gu;
const UNITS = [
  "市发展改革委", "市教育局", "市科技局", "市工业和信息化局", "市公安局", "市民政局", "市司法局", "市财政局", "市人力社保局",
  "市自然资源规划局", "市生态环境局", "市住房城乡建设局", "市交通运输局", "市水利局", "市农业农村局", "市商务局", "市文广旅游局",
  "市卫生健康委", "市应急管理局", "市审计局", "市市场监管局", "市统计局", "市医保局", "市信访局", "市大数据局", "市税务局",
  "市政府办公室", "市行政审批局", "市委网信办", "区农业农村局", "区市场监管局", "区财政金融局", "区社会事业局", "区综合执法局",
];
const UNIT_RE = new RegExp([...UNITS].sort((a, b) => b.length - a.length).join("|"), "gu");
const ZH = "一二三四五六七八九十";
const LEVEL1 = new RegExp(`^(\\s*(?:#{1,6}\\s*)?(?:\\*\\*)?)([${ZH}]{1,3})、`, "u");
const LEVEL2 = new RegExp(`^(\\s*(?:\\*\\*)?)（([${ZH}]{1,3})）`, "u");

const pick = (rand, xs) => xs[Math.floor(rand() * xs.length)];
const shuffle = (rand, xs) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
};

/** Redraw numbers: years shift together, months/days stay valid, item numbers (1. 2、) stay. */
function varyNumbers(rand, text) {
  const shift = Math.floor(rand() * 8) - 5;
  return text.replace(/(?<![\d.])(\d+)(?= ?(年|月|日|个|家|项|%|万|亿|人|次|件|条)?)/gu, (m, _d, unit, offset, all) => {
    const after = all[offset + m.length];
    if (after === "." || after === "．" || after === "、" || after === ")" || after === "）") return m; // item numbers
    if (m.length === 4 && /^(19|20)/u.test(m)) return String(Number(m) + shift);
    if (unit === "月") return String(1 + Math.floor(rand() * 12));
    if (unit === "日") return String(1 + Math.floor(rand() * 28));
    if (unit === undefined && m.length > 3) return m; // phone numbers, codes: keep
    let s = String(1 + Math.floor(rand() * 9));
    for (let i = 1; i < m.length; i++) s += Math.floor(rand() * 10);
    return s;
  });
}

/** Split into segments at level-1/level-2 marker lines and permute bodies among same-level slots. */
function permuteSections(rand, text) {
  const lines = text.split("\n");
  const segs = [{ level: 0, marker: "", body: [] }];
  for (const line of lines) {
    const m1 = LEVEL1.exec(line);
    const m2 = m1 ? null : LEVEL2.exec(line);
    const m = m1 ?? m2;
    if (m) segs.push({ level: m1 ? 1 : 2, marker: m[0], body: [line.slice(m[0].length)] });
    else segs[segs.length - 1].body.push(line);
  }
  // the preamble (segs[0]) and the last segment (closing part, signature, 附件, 抄送) stay put
  for (const level of [1, 2]) {
    const slots = [];
    for (let i = 1; i < segs.length - 1; i++) if (segs[i].level === level) slots.push(i);
    const bodies = shuffle(rand, slots.map((i) => segs[i].body));
    slots.forEach((i, k) => (segs[i] = { ...segs[i], body: bodies[k] }));
  }
  return segs.map((s) => s.marker + s.body.join("\n")).join("\n");
}

/** One varied notice from a base text. */
export function varyNotice(rand, base) {
  const city = pick(rand, CITIES);
  const unitMap = new Map();
  let t = base.replace(SEED_CITIES, city);
  t = t.replace(UNIT_RE, (u) => {
    if (!unitMap.has(u)) unitMap.set(u, rand() < 0.5 ? u : pick(rand, UNITS));
    return unitMap.get(u);
  });
  t = varyNumbers(rand, t);
  return permuteSections(rand, t);
}

/** One long notice: a header, then items drawn from many varied notices, renumbered. */
function bigNotice(rand, bases, targetBytes) {
  const header = bases.find((b) => b.name.startsWith("002")) ?? bases[0];
  const lines = header.text.split("\n");
  const firstSection = lines.findIndex((l) => LEVEL1.test(l));
  const out = [lines.slice(0, Math.max(firstSection, 0)).join("\n")];
  let bytes = Buffer.byteLength(out[0]);
  // item paragraphs (one paragraph per line) from the line-oriented bases
  const items = [];
  for (const b of bases) {
    for (const l of b.text.split("\n")) {
      const m = LEVEL2.exec(l);
      if (m && l.length > 40) items.push(l.slice(m[0].length));
    }
  }
  const zh = (n) => {
    const d = [...ZH.slice(0, 9)];
    if (n < 10) return d[n - 1];
    if (n < 20) return "十" + (n % 10 ? d[(n % 10) - 1] : "");
    if (n < 100) return d[Math.floor(n / 10) - 1] + "十" + (n % 10 ? d[(n % 10) - 1] : "");
    const h = d[Math.floor(n / 100) - 1] + "百";
    const r = n % 100;
    if (r === 0) return h;
    if (r < 10) return h + "零" + d[r - 1];
    return h + (r < 20 ? "一十" + (r % 10 ? d[(r % 10) - 1] : "") : zh(r));
  };
  let section = 0;
  while (bytes < targetBytes) {
    section++;
    const head = `${zh(section)}、${pick(rand, ["深化重点领域信息公开", "完善政策解读回应机制", "强化政务公开监督指导", "夯实信息管理法制基础", "优化公开服务"])}`;
    out.push(head);
    bytes += Buffer.byteLength(head) + 1;
    for (let i = 1; i <= 200 && bytes < targetBytes; i++) {
      const line = `（${zh(i)}）${varyNumbers(rand, pick(rand, items))}`;
      out.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
  }
  const tail = lines.slice(lines.findLastIndex((l) => LEVEL2.test(l)) + 1).join("\n");
  out.push(tail);
  return out.join("\n");
}

const sha = (b) => createHash("sha256").update(b).digest("hex");

function readBases(root) {
  const dirs = [join(root, "seeds"), join(root, "fixtures/dev/docs")];
  const bases = [];
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (/\.(txt|md)$/u.test(f)) bases.push({ name: f, text: readFileSync(join(d, f), "utf8") });
  }
  return bases;
}

function realPdfs(root) {
  for (const d of [join(root, "fixtures/pdf")]) {
    if (!existsSync(d)) continue;
    const files = readdirSync(d).filter((f) => /^\d{3}_[0-9a-f]+\.pdf$/u.test(f)).sort();
    if (files.length) return files.map((f) => join(d, f));
  }
  return [];
}

/** Page count of a PDF: pdf objects of /Type /Page (not /Pages). Good enough for our fixtures. */
export function countPages(bytes) {
  return (bytes.toString("latin1").match(/\/Type\s*\/Page(?![A-Za-z])/gu) ?? []).length;
}

/**
 * Build (or reuse) the corpus. Returns the manifest:
 * { dir, textDir, pdfDir, bigFile, text: {files, bytes}, pdf: {files, bytes, pages}, big: {bytes} }
 * (the paths are not stored in the cached manifest.json, so the checkout can move).
 */
export function buildCorpus({ root, scale = 1, log = () => {} }) {
  const nText = Math.max(10, Math.round(5000 * scale));
  const nPdf = Math.max(4, Math.round(200 * scale));
  const bigBytes = Math.max(256 * 1024, Math.round(10 * 1024 * 1024 * scale));
  const bases = readBases(root);
  if (bases.length === 0) throw new Error("no seed notices found under seeds/");
  const pdfs = realPdfs(root);
  const key = sha(
    JSON.stringify({ GENERATOR_VERSION, nText, nPdf, bigBytes }) +
      bases.map((b) => b.name + sha(b.text)).join() +
      pdfs.map((p) => sha(readFileSync(p))).join(),
  ).slice(0, 12);
  const dir = join(root, "bench/corpus", key);
  const manifestPath = join(dir, "manifest.json");
  const paths = { dir, textDir: join(dir, "text"), pdfDir: join(dir, "pdf"), bigFile: join(dir, "big/big.txt") };
  if (existsSync(manifestPath)) {
    log(`corpus: cached ${dir}`);
    return { ...JSON.parse(readFileSync(manifestPath, "utf8")), ...paths };
  }
  log(`corpus: building ${dir} (${nText} notices, ${nPdf} PDFs, ${(bigBytes / 2 ** 20).toFixed(1)} MB notice)`);
  rmSync(dir, { recursive: true, force: true });
  const textDir = join(dir, "text");
  const pdfDir = join(dir, "pdf");
  const bigDir = join(dir, "big");
  for (const d of [textDir, pdfDir, bigDir]) mkdirSync(d, { recursive: true });
  const rand = prng(20221231);

  let textBytes = 0;
  const md = (b) => b.text.includes("\n## ") || b.text.startsWith("# ");
  for (let i = 0; i < nText; i++) {
    const base = bases[i % bases.length];
    const sub = join(textDir, String(Math.floor(i / 500)).padStart(2, "0"));
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    const body = Buffer.from(varyNotice(rand, base.text), "utf8");
    writeFileSync(join(sub, `${String(i).padStart(5, "0")}_${base.name.slice(0, 3)}.${md(base) ? "md" : "txt"}`), body);
    textBytes += body.length;
  }

  // PDFs: the real LibreOffice ones (embedded subset fonts, tables) for half, generated
  // UniGB-UCS2-H PDFs of varied notices for the rest
  let pdfBytes = 0;
  let pdfPages = 0;
  const nReal = pdfs.length ? Math.floor(nPdf / 2) : 0;
  for (let i = 0; i < nPdf; i++) {
    const out = join(pdfDir, `${String(i).padStart(4, "0")}.pdf`);
    let bytes;
    if (i < nReal) {
      const src = pdfs[i % pdfs.length];
      copyFileSync(src, out);
      bytes = readFileSync(out);
    } else {
      const base = bases[i % bases.length];
      bytes = textToPdf(varyNotice(rand, base.text), base.name).bytes;
      writeFileSync(out, bytes);
    }
    pdfBytes += bytes.length;
    pdfPages += countPages(bytes);
  }

  const big = Buffer.from(bigNotice(rand, bases.filter((b) => !md(b)), bigBytes), "utf8");
  const bigFile = join(bigDir, "big.txt");
  writeFileSync(bigFile, big);

  const manifest = {
    key, scale,
    text: { files: nText, bytes: textBytes },
    pdf: { files: nPdf, real: nReal, generated: nPdf - nReal, bytes: pdfBytes, pages: pdfPages, realSource: pdfs.length ? relative(root, dirname(pdfs[0])) : null },
    big: { bytes: big.length },
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { ...manifest, ...paths };
}
