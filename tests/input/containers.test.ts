/**
 * Every derived fixture gives back the seed's text (all its characters, in order), every bad
 * fixture its own error code, tables come out as TAB rows and offsets point into the source.
 */
import { describe, expect, it } from "vitest";
import type { ErrorCode } from "../../src/errors.js";
import { blockChars, missingInOrder, offsetErrors, read, SEEDS, seedChars } from "./helpers.js";

const copies: { file: string; seed: keyof typeof SEEDS; format: string; encoding: string | null; pages?: number; opts?: { password?: string } }[] = [
  { file: "pdf/000_69dd9e51073771b8.pdf", seed: "000", format: "pdf", encoding: null, pages: 9 },
  { file: "pdf/001_e8d1d175fd1547bc.pdf", seed: "001", format: "pdf", encoding: null, pages: 7 },
  { file: "pdf/002_988baf87858b03bd.pdf", seed: "002", format: "pdf", encoding: null, pages: 8 },
  { file: "pdf/003_ddd698d8236a8cbd.pdf", seed: "003", format: "pdf", encoding: null, pages: 18 },
  { file: "pdf/004_baea861421853175.pdf", seed: "004", format: "pdf", encoding: null, pages: 11 },
  { file: "docx/001_e8d1d175fd1547bc.docx", seed: "001", format: "docx", encoding: null },
  { file: "docx/003_ddd698d8236a8cbd.docx", seed: "003", format: "docx", encoding: null },
  { file: "doc/000_69dd9e51073771b8.doc", seed: "000", format: "doc", encoding: null },
  { file: "doc/001_e8d1d175fd1547bc.doc", seed: "001", format: "doc", encoding: null },
  { file: "doc/002_988baf87858b03bd.doc", seed: "002", format: "doc", encoding: null },
  { file: "doc/003_ddd698d8236a8cbd.doc", seed: "003", format: "doc", encoding: null },
  { file: "doc/004_baea861421853175.doc", seed: "004", format: "doc", encoding: null },
  { file: "doc/word_compatible_002.wps", seed: "002", format: "doc", encoding: null },
  { file: "gbk/000_gb18030.txt", seed: "000", format: "text", encoding: "gb18030" },
  { file: "gbk/003_gb18030.txt", seed: "003", format: "text", encoding: "gb18030" },
  { file: "gbk/004_utf16le_bom.txt", seed: "004", format: "text", encoding: "utf-16le" },
  { file: "bad/utf8_bom_004.txt", seed: "004", format: "text", encoding: "utf-8" },
  { file: "bad/crlf_002.txt", seed: "002", format: "text", encoding: "utf-8" },
  { file: "bad/text_named_as.pdf", seed: "001", format: "markdown", encoding: "utf-8" },
];

describe("same content, other container", () => {
  it.each(copies)("$file holds every character of seed $seed in order", async ({ file, seed, format, encoding, pages, opts }) => {
    const d = await read(file, opts);
    expect(d.format).toBe(format);
    expect(d.encoding).toBe(encoding);
    expect(missingInOrder(blockChars(d), seedChars(SEEDS[seed]))).toBe("");
    expect(offsetErrors(d)).toEqual([]);
    if (pages) {
      expect(d.pages).toBe(pages);
      expect(d.blocks.every((b) => b.page !== undefined && b.page >= 1 && b.page <= pages)).toBe(true);
    }
    expect(d.blocks.filter((b) => b.text.includes("\r"))).toEqual([]);
    if (format !== "pdf") return;
    // page numbers ("— 3 —", "第 3 页 共 9 页", "-- 1 of 9 --") never survive as lines of their own
    expect(d.blocks.filter((b) => /^\s*(?:[—–-]+\s*\d+\s*[—–-]+|第\s*\d+\s*页\s*共\s*\d+\s*页|--\s*\d+\s*of\s*\d+\s*--)\s*$/u.test(b.text))).toEqual([]);
  });
});

describe("awkward PDFs that read", () => {
  it("non-embedded STSong-Light with UniGB-UCS2-H needs the pdf.js CMaps", async () => {
    const d = await read("pdf/cmap_unigb_ucs2_002.pdf");
    expect(d.pages).toBe(8);
    expect(blockChars(d)).toContain("市政府办公室关于印发无锡市2021年政务公开工作要点及责任分工的通知");
  });
  it("owner-password-only (copy: no) parses without a password", async () => {
    const d = await read("pdf/encrypted_ownerpw_002.pdf");
    expect(blockChars(d)).toContain("各市（县）、区人民政府，市各委办局，市各直属单位：");
  });
  it("user password given with opts.password", async () => {
    const d = await read("pdf/encrypted_userpw_002.pdf", { password: "gongkai" });
    expect(blockChars(d)).toContain("无锡市人民政府办公室");
  });
  it("drops a running header and 第 N 页 共 M 页 footers, and reads a line painted twice (fake bold) once", async () => {
    const d = await read("pdf/running_header_000.pdf");
    expect(d.blocks.slice(0, 2).map((b) => b.text)).toEqual(["无锡市人民政府办公室", "锡政办函〔2022〕13号"]);
    expect(d.pages).toBe(3);
    expect(d.blocks.filter((b) => b.text.includes("政务公开工作要点") && b.text.includes("办公室　"))).toEqual([]);
    expect(d.blocks.filter((b) => /第\s*\d\s*页/u.test(b.text))).toEqual([]);
    expect(missingInOrder(blockChars(d), seedChars(SEEDS["000"]).slice(0, 1000))).toBe("");
  });
});

describe("bad inputs: one error code each", () => {
  it.each<{ file: string; code: ErrorCode; opts?: { password?: string }; message?: RegExp }>([
    { file: "pdf/scanned_1page_001.pdf", code: "E_PDF_NO_TEXT", message: /no text layer — the PDF looks scanned; run OCR first/u },
    { file: "pdf/encrypted_userpw_002.pdf", code: "E_PDF_ENCRYPTED", message: /password/u },
    { file: "pdf/encrypted_userpw_002.pdf", code: "E_PDF_ENCRYPTED", opts: { password: "wrong" }, message: /wrong/u },
    { file: "pdf/truncated_002.pdf", code: "E_PDF_CORRUPT" },
    { file: "pdf/garbled_latin1_002.pdf", code: "E_PDF_GARBLED" },
    { file: "pdf/garbled_pua_002.pdf", code: "E_PDF_GARBLED" },
    { file: "docx/truncated_003.docx", code: "E_DOCX_CORRUPT" },
    { file: "docx/no_document_part.docx", code: "E_DOCX_CORRUPT" },
    { file: "docx/not_docx.zip", code: "E_UNSUPPORTED" },
    { file: "bad/old_word.doc", code: "E_DOC_CORRUPT" },
    { file: "doc/truncated.doc", code: "E_DOC_CORRUPT" },
    { file: "doc/garbage_after_header.doc", code: "E_DOC_CORRUPT" },
    { file: "doc/broken_fat.doc", code: "E_DOC_CORRUPT" },
    { file: "doc/hostile_cyclic_fat.doc", code: "E_DOC_CORRUPT" },
    { file: "doc/hostile_ccptext.doc", code: "E_DOC_CORRUPT", message: /counts 2147483647 characters/u },
    { file: "doc/encrypted_fib.doc", code: "E_ENCRYPTED", message: /password/u },
    { file: "doc/encrypted_package.doc", code: "E_ENCRYPTED", message: /password/u },
    { file: "doc/not_word_compatible.wps", code: "E_UNSUPPORTED", message: /Kingsoft/u },
    { file: "bad/empty.txt", code: "E_EMPTY" },
    { file: "bad/random_binary.txt", code: "E_BINARY" },
    { file: "bad/invalid_bytes.txt", code: "E_ENCODING" },
  ])("$file → $code", async ({ file, code, opts, message }) => {
    const err = await read(file, opts).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code });
    const msg = (err as Error).message;
    expect(msg).not.toMatch(/\n/u); // one line
    if (message) expect(msg).toMatch(message);
  });
});

describe("tables become TAB-separated row blocks", () => {
  it.each(["pdf/003_ddd698d8236a8cbd.pdf", "docx/003_ddd698d8236a8cbd.docx", "doc/003_ddd698d8236a8cbd.doc"])("%s: attachment tables A1–A3", async (file) => {
    const d = await read(file);
    const rows = d.blocks.filter((b) => b.kind === "row").map((b) => b.text);
    expect(rows.filter((r) => /^序号\t/u.test(r))).toEqual([
      "序号\t重点任务\t牵头单位\t完成时限",
      "序号\t名 称\t目标任务\t牵头单位\t完成时限",
      "序号\t区县\t项目名称\t任 务\t完成时限",
    ]);
    // a cell wrapped inside the cell is one cell, and the row cut by the page break is whole again
    expect(rows.find((r) => r.startsWith("9\t"))).toMatch(/^9\t加快推进全市公共企事业单位信息公开工作。\t市政府办公室、市教育局、市卫生健康委、市建设局、市生态环境局、市交通运输局、国网湖州供电公司\t9 ?月底前$/u);
    expect(rows.find((r) => r.startsWith("24\t"))).toMatch(/^24\t以吴兴区为试点，持续推进村（居）政务公开标准化建设。\t吴兴区政府\t10 ?月底前$/u);
    expect(rows.filter((r) => /^\d+\t/u.test(r))).toHaveLength(25 + 5 + 5);
  });
});

describe("PDF task tables drawn in other ways", () => {
  it.each([
    ["pdf/merged_cell_table.pdf", "stroked rules"],
    ["pdf/filled_rules_table.pdf", "rules painted as thin filled rectangles in one path (Word)"],
    ["pdf/borderless_table.pdf", "no rules: column-aligned text under a 序号 header line"],
  ])("%s (%s): the merged 牵头单位 is repeated in each row it spans, a cell wrapped in two lines is one cell", async (file) => {
    const d = await read(file);
    expect(d.blocks.filter((b) => b.kind === "row").map((b) => b.text)).toEqual([
      "序号\t重点任务\t牵头单位\t完成时限",
      "1\t做好政府工作报告重点任务分解落实情况公开\t区政府办公室\t全年",
      "2\t公开财政预算执行情况\t区财政局\t6月底前",
      "3\t公开政府债务信息\t区财政局\t9月底前",
      "4\t更新政务公开专区\t区大数据局\t12月底前",
    ]);
    expect(d.blocks.filter((b) => b.kind !== "row").map((b) => b.text)).toEqual(["附件1", "2024年政务公开重点任务清单"]);
  });
});
