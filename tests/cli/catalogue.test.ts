/**
 * Issue 14, "for Chinese users": every message the CLI itself writes comes from the one catalogue,
 * in both languages, and the Chinese texts reach the user — also from worker threads.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { msg, setLang, type MessageKey } from "../../src/cli/messages.js";
import { codeOf, libText, render, TEXT_KEYS, warningText, type TextKey } from "../../src/messages.js";
import { parseNotice } from "../../src/index.js";
import { renderReport } from "../../src/report/index.js";
import { WARNING_TEXT_ZH } from "../../src/report/warning-text.js";
import { buildDist, runBin } from "../helpers/bin.js";
import { runCli } from "../helpers/cli.js";
import { copyInto, FIXTURES, SEEDS, seedFiles, tempDir } from "../helpers/tmp.js";

const CLI_DIR = path.resolve("src/cli");
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []);

describe("the catalogue is the only source of CLI messages", () => {
  it("no error in src/cli is built from a literal English string", () => {
    const offenders: string[] = [];
    for (const file of sources(CLI_DIR)) {
      const text = readFileSync(file, "utf8");
      // new GongkaiError("E_X", "literal" | `template` …) and usage("literal" …)
      for (const m of text.matchAll(/(?:new GongkaiError\("E_[A-Z_]+",\s*|\busage\()\s*["`]/gu)) {
        offenders.push(`${path.relative(".", file)}:${text.slice(0, m.index).split("\n").length}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("every entry has both languages with the same placeholders", () => {
    const text = readFileSync(path.join(CLI_DIR, "messages.ts"), "utf8");
    const keys = [...text.matchAll(/^ {2}(\w+): \{ en: /gmu)].map((m) => m[1] as MessageKey);
    expect(keys.length).toBeGreaterThan(100);
    const holes = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!).sort();
    for (const key of keys) {
      setLang("en");
      const en = msg(key);
      setLang("zh");
      const zh = msg(key);
      expect(en, key).not.toBe("");
      expect(zh, key).not.toBe("");
      expect(holes(zh), key).toEqual(holes(en));
    }
    setLang("en");
  });
});

const SRC = path.resolve("src");
const CJK_RUN = /[\u4e00-\u9fff]/u;
const holes = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!))].sort();

describe("the library's messages come from its catalogue (src/messages.ts)", () => {
  it("no throw site or warning site in src builds its message or remedy from a literal string", () => {
    const sites = [
      /new GongkaiError\([^,()]+(?:\[\w+\])?,\s*["`]/gu, // new GongkaiError(CODE, "literal" …)
      /\bhint:\s*["`]/gu, // { hint: "literal" }
      /\b(?:corrupt|tooLarge|tooBig|xlsCorrupt|encryptedError)\(\s*["`]/gu, // the readers' error helpers
      /\breason:\s*["`]/gu, // extractor diagnostics
      /\bwarn\("W_\w+",\s*["`]/gu,
      /\breport\?\.\("W_\w+",\s*["`]/gu,
      /code:\s*"W_\w+",\s*message:\s*["`]/gu,
    ];
    const offenders: string[] = [];
    for (const file of sources(SRC)) {
      if (file.endsWith("messages.ts")) continue;
      const text = readFileSync(file, "utf8");
      for (const re of sites) for (const m of text.matchAll(re)) offenders.push(`${path.relative(".", file)}:${text.slice(0, m.index).split("\n").length}`);
    }
    expect(offenders).toEqual([]);
  });

  it("every entry has both languages with the same placeholders; Chinese entries are Chinese", () => {
    expect(TEXT_KEYS.length).toBeGreaterThan(100);
    for (const key of TEXT_KEYS) {
      const [en, zh] = [render(libText(key), "en"), render(libText(key), "zh")];
      expect(en, key).not.toBe("");
      expect(holes(zh), key).toEqual(holes(en));
      expect(CJK_RUN.test(en.replace(/附件|序号|另存为|打开/gu, "")), key).toBe(false);
      // an entry that is only a placeholder or a name (" PDF") needs no Chinese word; any other does
      if (/[a-z]{3}/u.test(en.replace(/\{\w+\}/gu, "")) && !["thePdf", "theOfd", "theOfficeFile", "theWordFile", "theDoc", "kindRtf", "nulChars", "noWorkbookXml", "noBof"].includes(key)) {
        expect(zh, key).toMatch(CJK_RUN);
      }
    }
  });

  it("every warning message reads back from its English text (JSON) into Chinese, also inside a task prefix", () => {
    const sample = (key: TextKey): Record<string, string> =>
      Object.fromEntries(holes(render(libText(key), "en")).map((h, i) => [h, h === "error" ? render(libText("pdfCorrupt"), "en") : `v${i}x`]));
    const warningKeys = TEXT_KEYS.filter((k) => codeOf(k) !== null);
    expect(warningKeys.length).toBeGreaterThan(20);
    for (const key of warningKeys) {
      const code = codeOf(key)!;
      const params = sample(key);
      const message = render(libText(key, params), "en");
      const zh = render(libText(key, { ...params, ...(params.error ? { error: libText("pdfCorrupt") } : {}) }), "zh");
      expect(warningText({ code, message }, "zh"), key).toBe(zh);
      if (code === "W_UNCLOSED_BRACKET" || code === "W_UNREAD_CLAUSE") { // clause warnings name their task
        expect(warningText({ code, message: render(libText("inTask", { id: "2.1", detail: message }), "en") }, "zh"), key).toBe(`任务 2.1：${zh}`);
      }
      expect(warningText({ code, message }, "en"), key).toBe(message);
      expect(WARNING_TEXT_ZH[code], code).toBeDefined(); // the code's meaning for the report and the Chinese CLI
    }
    // a message no entry produced (another version of gongkai) is shown as it is
    expect(warningText({ code: "W_NO_UNITS", message: "something else" }, "zh")).toBe("something else");
  });

  it("the report shows a warning's detail in Chinese", () => {
    const r = parseNotice("关于做好工作的通知\n一、做好第一项工作。\n三、做好第三项工作。\n", { path: "x.txt" });
    expect(r.warnings.map((w) => w.message)).toContain("numbering jumps from 1 to 3"); // the JSON stays English
    const html = renderReport([r], { today: "2024-01-01" });
    const table = /<table class="warnings">.*?<\/table>/su.exec(html)?.[0] ?? "";
    expect(table).toContain("编号从 1 跳到 3");
    expect(table).not.toContain("numbering jumps"); // (the page's embedded JSON keeps it)
  });
});

describe("Chinese messages reach the user", () => {
  beforeAll(() => buildDist());
  const CJK = /[\u4e00-\u9fff]/u;

  it.each([
    [["parse", "missing.txt"], /^gongkai: missing\.txt: E_NOT_FOUND: 没有这个文件 \(请检查路径\)$/u],
    [["parse", "x.txt", "--max-size", "lots"], /^gongkai: E_USAGE: 大小 "lots" 有误 \(请用字节数或带单位/u],
    [["parse", "x.txt", "--shard", "4/3"], /^gongkai: E_USAGE: --shard 的值 "4\/3" 有误/u],
  ])("%j", async (args, line) => {
    const r = await runCli([...args, "--lang", "zh"]);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(line);
  });

  it("a failure inside a worker thread is in Chinese too", async () => {
    const dir = tempDir();
    const names = seedFiles().slice(0, 5);
    copyInto(dir, Object.fromEntries(names.map((n) => [n, path.join(SEEDS, n)])));
    const r = await runBin(["parse", ".", "--jobs", "2", "--max-size", "1KB", "-o", "out.json", "--lang", "zh"], { cwd: dir });
    const lines = r.stderr.split("\n").filter((l) => l.includes("E_TOO_LARGE"));
    expect(lines).toHaveLength(names.length);
    for (const l of lines) expect(l).toMatch(/E_TOO_LARGE: 文件大小 .*，超过上限 1\.0 KB \(如确为通知，请调大 --max-size\)$/u);
  });

  it("library failures and warnings are whole lines in the chosen language, also from worker and reader threads", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "bin.txt"), Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
    writeFileSync(path.join(dir, "empty.txt"), "");
    writeFileSync(path.join(dir, "gap.txt"), "关于做好工作的通知\n一、做好第一项工作。\n三、做好第三项工作。\n");
    copyInto(dir, { "locked.pdf": path.join(FIXTURES, "pdf", "encrypted_userpw_002.pdf") });
    const inputs = ["bin.txt", "empty.txt", "gap.txt", "locked.pdf"];
    const lines = async (lang: string): Promise<Map<string, string>> => {
      const r = await runBin(["parse", ...inputs, "--jobs", "2", "-o", `out-${lang}.json`, "--lang", lang], { cwd: dir });
      // "gongkai: FILE[:LINE]: CODE: text" → CODE → text
      return new Map(r.stderr.split("\n").flatMap((l) => {
        const m = /^gongkai: [^:]+(?::\d+)?: ([EW]_[A-Z_]+): (.*)$/u.exec(l);
        return m ? [[m[1]!, m[2]!]] : [];
      }));
    };
    const [zh, en] = await Promise.all([lines("zh"), lines("en")]);
    const codes = ["E_BINARY", "E_EMPTY", "W_NUMBERING_GAP", "E_PDF_ENCRYPTED"];
    expect([...zh.keys()].sort()).toEqual(expect.arrayContaining(codes));
    expect([...en.keys()].sort()).toEqual(expect.arrayContaining(codes));
    for (const code of codes) {
      expect(zh.get(code), code).toMatch(CJK);
      expect(zh.get(code), code).not.toMatch(/[a-z]{2,} [a-z]{2,}/u); // no English words left: message and remedy
      expect(en.get(code), code).not.toMatch(CJK);
    }
    expect(zh.get("E_PDF_ENCRYPTED")).toBe("PDF 已用密码加密 (请用 --password 给出打开密码)");
    expect(en.get("E_PDF_ENCRYPTED")).toBe("the PDF is encrypted with a password (pass the user password with --password)");
    expect(zh.get("W_NUMBERING_GAP")).toBe("编号从 1 跳到 3");
  });

  it("a schema failure in report is one line without zod's report", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ schemaVersion: "1.2", source: { path: "x" } }));
    const r = await runCli(["report", "bad.json", "-o", "r.html", "--lang", "zh"], { cwd: dir });
    const line = r.stderr.split("\n").find((l) => l.includes("E_SCHEMA"));
    expect(line).toMatch(/^gongkai: bad\.json: E_SCHEMA: .* at source\.\w+: /u);
    expect(line).toMatch(CJK);
    expect(r.stderr).not.toMatch(/✖|→/u);
  });
});
