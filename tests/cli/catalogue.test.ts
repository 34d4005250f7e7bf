/**
 * Issue 14, "for Chinese users": every message the CLI itself writes comes from the one catalogue,
 * in both languages, and the Chinese texts reach the user — also from worker threads.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { msg, setLang, type MessageKey } from "../../src/cli/messages.js";
import { buildDist, runBin } from "../helpers/bin.js";
import { runCli } from "../helpers/cli.js";
import { copyInto, SEEDS, seedFiles, tempDir } from "../helpers/tmp.js";

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
