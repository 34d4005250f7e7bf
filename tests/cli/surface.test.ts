/**
 * Issue 14, "one CLI, no surprises": through the built binary unless a terminal is needed (the
 * progress bar tests run in-process with a fake TTY). One describe per point of the issue.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { excelCell } from "../../src/output/csv.js";
import { BIN, buildDist, runBin } from "../helpers/bin.js";
import { runCli } from "../helpers/cli.js";
import { copyInto, FIXTURES, listFiles, SEEDS, seedFiles, tempDir } from "../helpers/tmp.js";

beforeAll(() => buildDist());

const seed = (i: number): string => path.join(SEEDS, seedFiles()[i]!);
const TEN = path.join(FIXTURES, "cli/ten-items.txt"); // ten （x） items: ids 1.1 … 1.10; 1.10 has a 指导单位
const EN = { LANG: "C", LC_ALL: "" };
const bin = (args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) => runBin(args, { cwd, env: { ...EN, ...env } });

describe("1. never overwrite an input or a file of another kind", () => {
  it.each([
    [["parse", "in", "-f", "json", "-o", "in/a.txt"]],
    [["parse", "in/a.txt", "in/b.txt", "-f", "json", "-o", "in/a.txt", "--force"]],
    [["report", "in/a.txt", "-o", "in/a.txt"]],
    [["report", "in", "-o", "in/a.txt", "--force"]],
    [["compare", "in/a.txt", "in/b.txt", "-o", "in/b.txt", "--force"]],
  ])("%j refuses, exit 2, input untouched", async (args) => {
    const dir = tempDir();
    copyInto(dir, { "in/a.txt": seed(0), "in/b.txt": seed(1) });
    const before = readFileSync(path.join(dir, "in/a.txt"));
    const r = await bin(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gongkai: E_OUTPUT: refusing to overwrite in\/[ab]\.txt: it is one of the inputs \(choose another --out\)\n$/u);
    expect(readFileSync(path.join(dir, "in/a.txt"))).toEqual(before);
  });

  it("refuses an existing file that gongkai did not write, unless --force", async () => {
    const dir = tempDir();
    copyInto(dir, { "a.txt": seed(0), "b.txt": seed(1) });
    writeFileSync(path.join(dir, "scan.pdf"), "%PDF-1.4 not ours");
    writeFileSync(path.join(dir, "page.html"), "<html><body>一份另存为网页的通知</body></html>");
    writeFileSync(path.join(dir, "data.json"), "%PDF-1.4 a PDF with a wrong name");
    for (const args of [["parse", "a.txt", "-f", "json", "-o", "scan.pdf"], ["parse", "a.txt", "-o", "data.json"], ["report", "a.txt", "-o", "page.html"], ["compare", "a.txt", "b.txt", "-o", "scan.pdf", "-f", "text"]]) {
      const r = await bin(args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/E_OUTPUT: refusing to overwrite .*: it exists and is not a [A-Z]+ file gongkai wrote \(choose another --out, or add --force to replace it\)/u);
    }
    expect(readFileSync(path.join(dir, "page.html"), "utf8")).toContain("另存为网页");
    const forced = await bin(["report", "a.txt", "-o", "page.html", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, "page.html"), "utf8")).toContain('<meta name="generator" content="gongkai');
  });

  it("overwrites its own output of the same kind without --force", async () => {
    const dir = tempDir();
    copyInto(dir, { "a.txt": seed(0), "b.txt": seed(1) });
    for (const args of [["parse", "a.txt", "-o", "t.json"], ["parse", "a.txt", "-o", "t.xlsx"], ["parse", "a.txt", "-o", "t.csv"], ["report", "a.txt", "-o", "r.html"], ["compare", "a.txt", "b.txt", "-o", "c.json"]]) {
      expect((await bin(args, dir)).code, args.join(" ")).toBe(0);
      expect((await bin(args, dir)).code, `again: ${args.join(" ")}`).toBe(0);
    }
  });
});

describe("2. nothing skipped without a word", () => {
  it("counts files of kinds it does not read in the summary and lists them with --verbose", async () => {
    const dir = tempDir();
    copyInto(dir, { "in/a.txt": seed(0), "in/b.txt": seed(1), "in/c.md": seed(2) });
    for (const f of ["x.ppt", "y.rtf", "sub/z.odt"]) {
      execFileSync("mkdir", ["-p", path.dirname(path.join(dir, "in", f))]);
      writeFileSync(path.join(dir, "in", f), "binary");
    }
    const r = await bin(["parse", "in", "-f", "ndjson"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^gongkai: 3 files, \d+ tasks, \d+ warnings?, 0 failed, skipped 3 \((?=[^)]*\.odt ×1)(?=[^)]*\.ppt ×1)(?=[^)]*\.rtf ×1)[^)]*\) in \d+\.\ds$/mu);
    expect(r.stderr).not.toMatch(/in\/x\.ppt/u);
    const v = await bin(["parse", "in", "-f", "ndjson", "--verbose"], dir);
    for (const f of ["in/x.ppt", "in/y.rtf", "in/sub/z.odt"]) expect(v.stderr).toContain(`gongkai: ${f}: skipped: gongkai does not read`);
    const rep = await bin(["report", "in", "-o", "r.html"], dir);
    expect(rep.stderr).toMatch(/skipped 3 \(/u);
  });
});

describe("3. --out decides the format only for extensions it knows", () => {
  it.each([["tasks.xls"], ["tasks.txt"], ["tasks"]])("-o %s without --format is a usage error naming the choices, nothing written", async (out) => {
    const dir = tempDir();
    const r = await bin(["parse", seed(0), "-o", out], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gongkai: E_USAGE: --out .*: gongkai does not know which format to write for .* \(use one of \.json \.ndjson \.jsonl \.csv \.tsv \.tab \.xlsx, or say the format with --format\)\n$/u);
    expect(listFiles(dir)).toEqual([]);
  });

  it("reads .jsonl / .ndjson as NDJSON, .json as JSON; a contradicting --format is an error", async () => {
    const dir = tempDir();
    expect((await bin(["parse", seed(0), seed(1), "-o", "a.jsonl"], dir)).code).toBe(0);
    expect(readFileSync(path.join(dir, "a.jsonl"), "utf8").trim().split("\n")).toHaveLength(2);
    expect((await bin(["parse", seed(0), seed(1), "-o", "a.json"], dir)).code).toBe(0);
    expect(readFileSync(path.join(dir, "a.json"), "utf8").startsWith("[")).toBe(true);
    const bad = await bin(["parse", seed(0), "-f", "json", "-o", "a.csv"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format json contradicts --out a.csv");
  });
});

describe("4. every role in every table", () => {
  it("CSV, TSV and XLSX carry guide_units / 指导单位", async () => {
    const dir = tempDir();
    const csv = await bin(["parse", TEN, "-f", "csv"], dir);
    const rows = parseCsv(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.task_id === "1.10")?.guide_units).toBe("省发展改革委");
    const tsv = await bin(["parse", TEN, "-f", "tsv", "--headers", "zh"], dir);
    expect(tsv.stdout.split("\n")[0]!.split("\t")).toContain("指导单位");
    await bin(["parse", TEN, "-o", "t.xlsx"], dir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "t.xlsx"));
    const sheet = wb.getWorksheet("Tasks")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf("guide_units") + 1;
    expect(col).toBeGreaterThan(0);
    const values = sheet.getColumn(col).values.slice(2);
    expect(values).toContain("省发展改革委");
  });
});

describe("5. spreadsheet apps do not mangle ids", () => {
  it("--excel writes text that looks like a number or a formula as =\"…\"; plain CSV stays faithful", async () => {
    expect(excelCell("2.10")).toBe('="2.10"');
    expect(excelCell("1.2.3")).toBe('="1.2.3"');
    expect(excelCell("=SUM(A1)")).toBe('="=SUM(A1)"');
    expect(excelCell("推进工作")).toBe("推进工作");
    const dir = tempDir();
    const plain = await bin(["parse", TEN, "-f", "csv"], dir);
    expect(plain.stdout).toMatch(/,1\.10,/u);
    const excel = await bin(["parse", TEN, "--excel", "-o", "t.csv"], dir);
    expect(excel.code).toBe(0);
    const bytes = readFileSync(path.join(dir, "t.csv"));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // BOM: Excel reads UTF-8
    expect(bytes.toString("utf8")).toContain(',"=""1.10""",');
    expect(bytes.toString("utf8")).toContain(",2025-06-30,"); // dates stay plain: a real date cell is fine
    const bad = await bin(["parse", TEN, "--excel", "-f", "tsv"], dir);
    expect(bad.code).toBe(2);
  });

  const soffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
  it.skipIf(!soffice)("LibreOffice opening the --excel CSV shows 1.10 as text, while plain CSV gives the number 1.1", async () => {
    const dir = tempDir();
    await bin(["parse", TEN, "--excel", "-o", "excel.csv"], dir);
    await bin(["parse", TEN, "-o", "plain.csv"], dir);
    const read = async (name: string): Promise<unknown[]> => {
      execFileSync("soffice", [`-env:UserInstallation=file://${dir}/lo-profile`, "--headless", "--convert-to", "xlsx", "--infilter=CSV:44,34,76,1", "--outdir", dir, path.join(dir, name)], { stdio: "ignore", timeout: 120_000 });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, name.replace(/\.csv$/u, ".xlsx")));
      const sheet = wb.worksheets[0]!;
      const col = (sheet.getRow(1).values as unknown[]).indexOf("task_id");
      return sheet.getColumn(col).values.slice(2).map((v) => (v !== null && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v));
    };
    expect(await read("excel.csv")).toContain("1.10");
    const plain = await read("plain.csv");
    expect(plain).toContain(1.1);
    expect(plain).not.toContain("1.10");
  }, 240_000);
});

describe("6. messages under a progress bar", () => {
  const folder = (): string => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 22; i++) files[`in/n${String(i).padStart(2, "0")}.txt`] = seed(i % 5);
    files["in/n05.txt"] = path.join(FIXTURES, "bad/empty.txt");
    copyInto(dir, files);
    return dir;
  };

  it("prints a message whole on its own line (bar cleared first), never turns autowrap off", async () => {
    const r = await runCli(["parse", "in", "-f", "ndjson", "-j", "1"], { cwd: folder(), tty: true, columns: 30 });
    expect(r.stderr).not.toContain("\u001b[?7l");
    const line = /\r\u001b\[2K(gongkai: in\/n05\.txt: \u001b\[31mE_EMPTY\u001b\[39m: [^\r\n]+)\n/u.exec(r.stderr)?.[1];
    expect(line?.replace(/\u001b\[\d+m/gu, "").length).toBeGreaterThan(30); // longer than the terminal, printed whole
    // the bar itself is cut to the width so it never wraps
    for (const frame of r.stderr.split("\r\u001b[2K")) if (frame.startsWith("gongkai █") || frame.startsWith("gongkai ░")) expect([...frame.replace(/\n$/u, "")].length).toBeLessThanOrEqual(29);
  });

  it("an interrupted bar ends its line", async () => {
    const controller = new AbortController();
    const run = runCli(["parse", "in", "-f", "ndjson", "-j", "1"], { cwd: folder(), tty: true, env: { GONGKAI_TEST_DELAY_MS: "30" }, signal: controller.signal });
    setTimeout(() => controller.abort(), 250);
    const r = await run;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/files \| [^\n]*\ngongkai: interrupted/u);
  });

  it("CI=true turns the bar off", async () => {
    const r = await runCli(["parse", "in", "-f", "ndjson", "-j", "1"], { cwd: folder(), tty: true, env: { CI: "true" } });
    expect(r.stderr).not.toContain("█");
  });
});

describe("7. a report says what it could not include", () => {
  it("lists failed inputs in the data-quality panel and exits 1", async () => {
    const dir = tempDir();
    copyInto(dir, { "a.txt": seed(0), "empty.txt": path.join(FIXTURES, "bad/empty.txt") });
    const r = await bin(["report", "a.txt", "empty.txt", "missing.txt", "-o", "r.html"], dir);
    expect(r.code).toBe(1);
    const html = readFileSync(path.join(dir, "r.html"), "utf8");
    const panel = /<div class="qbox" id="q-failed">([\s\S]*?)<\/div>/u.exec(html)?.[1] ?? "";
    expect(panel).toContain("未能读入的文件（2）");
    expect(panel).toContain("<td>empty.txt</td><td><code>E_EMPTY</code>");
    expect(panel).toContain("<td>missing.txt</td><td><code>E_NOT_FOUND</code>");
  });
});

describe("one vocabulary", () => {
  it("-o - is stdout for parse, report and compare; compare takes -f and -o", async () => {
    const dir = tempDir();
    expect(JSON.parse((await bin(["parse", seed(0), "-o", "-"], dir)).stdout)).toHaveProperty("tasks");
    expect((await bin(["report", seed(0), "-o", "-"], dir)).stdout).toMatch(/^<!DOCTYPE html>/u);
    const c = await bin(["compare", seed(0), seed(1), "-f", "json", "-o", "-"], dir);
    expect(JSON.parse(c.stdout)).toHaveProperty("pairs");
    expect((await bin(["compare", seed(0), seed(1), "-o", "c.csv"], dir)).code).toBe(0);
    expect(readFileSync(path.join(dir, "c.csv"), "utf8")).toMatch(/,/u);
    expect(listFiles(dir)).toEqual(["c.csv"]);
  });

  it("-q, -v, --color, --lang and --debug are accepted by every command", async () => {
    const dir = tempDir();
    const j = path.join(dir, "a.json");
    await bin(["parse", seed(0), "-o", j], dir);
    for (const args of [["parse", seed(0)], ["report", seed(0), "-o", "-"], ["compare", seed(0), seed(1)], ["validate", j], ["schema"]]) {
      const r = await bin([...args, "-q", "-v", "--color", "never", "--lang", "en", "--debug"], dir);
      expect(r.code, args.join(" ")).toBe(0);
    }
  });

  it("one error style: wrong option values name the option and the values; no raw zod or Node text", async () => {
    const dir = tempDir();
    for (const args of [["parse", seed(0), "--color", "sometimes"], ["compare", seed(0), seed(1), "--threshold", "7"], ["report", seed(0), "-o", "-", "--today", "yesterday"], ["parse", seed(0), "--jobs", "x"]]) {
      const r = await bin(args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^gongkai: E_USAGE: [^\n]*--(color|threshold|today|jobs)[^\n]*\([^()]*\)\n$/u);
      expect(r.stderr).not.toMatch(/✖|→|error:|\(\(/u);
    }
  });

  it("no arguments: usage on stderr, exit 2; `gongkai notice.txt` suggests parse", async () => {
    const dir = tempDir();
    const none = await bin([], dir);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toMatch(/^Usage: gongkai/u);
    const file = await bin(["notice.txt"], dir);
    expect(file.code).toBe(2);
    expect(file.stderr).toBe('gongkai: E_USAGE: unknown command "notice.txt" (did you mean: gongkai parse notice.txt)\n');
  });

  it("--strict failures are said in the summary", async () => {
    const dir = tempDir();
    const r = await bin(["parse", path.join(FIXTURES, "cli/no-units.txt"), seed(0), "--strict", "-f", "ndjson"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/0 failed/u);
    expect(r.stderr).toMatch(/\d+ strict warnings?/u);
  });

  it("each command's --help shows its own exit statuses and examples", async () => {
    const dir = tempDir();
    const report = (await bin(["report", "--help"], dir)).stdout;
    expect(report).toContain("Examples:\n  gongkai report");
    expect(report).not.toContain("130");
    expect(report).not.toContain("--out-dir");
    const parse = (await bin(["parse", "--help"], dir)).stdout;
    expect(parse).toContain("130");
    expect(parse).toContain("--excel");
    const compare = (await bin(["compare", "--help"], dir)).stdout;
    expect(compare).toContain("-f, --format");
    expect(compare).toContain("-o, --out");
  });

  it("a reader that goes away (| head) never gets an EPIPE stack trace", () => {
    for (const cmd of [`"${process.execPath}" "${BIN}" --help | head -1`, `"${process.execPath}" "${BIN}" report "${seed(0)}" "${seed(1)}" -o - | head -c 10`, `"${process.execPath}" "${BIN}" schema | head -1`]) {
      const r = spawnSync("sh", ["-c", cmd], { encoding: "utf8", env: { ...process.env, ...EN } });
      expect(r.stderr, cmd).not.toMatch(/EPIPE|Error|at /u);
    }
  });

  it("gongkai's own JSON fed to parse says to use report / compare / validate", async () => {
    const dir = tempDir();
    await bin(["parse", seed(0), "-o", "a.json"], dir);
    const r = await bin(["parse", "a.json"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("gongkai: a.json: E_UNSUPPORTED: this is gongkai output (JSON), not a notice (use gongkai report, compare or validate on it)\n");
  });

  it("compare reads NDJSON or an array of one document, and says when a file holds several", async () => {
    const dir = tempDir();
    await bin(["parse", seed(0), "-o", "one.ndjson"], dir);
    await bin(["parse", seed(1), "-f", "json", "-o", "arr.json"], dir);
    writeFileSync(path.join(dir, "arr1.json"), `[${readFileSync(path.join(dir, "arr.json"), "utf8")}]`);
    expect((await bin(["compare", "one.ndjson", "arr1.json"], dir)).code).toBe(0);
    await bin(["parse", seed(0), seed(1), "-o", "two.ndjson"], dir);
    const r = await bin(["compare", "two.ndjson", "one.ndjson"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^gongkai: two\.ndjson: E_USAGE: the file holds 2 documents; compare takes one document per file \(/u);
  });

  it("text in the wrong legacy encoding warns with the --encoding hint", async () => {
    const dir = tempDir();
    const big5 = path.join(FIXTURES, "cli/big5-notice.txt"); // an invented notice in Big5
    const r = await bin(["parse", big5], dir);
    expect(r.stderr).toMatch(/W_ENCODING_SUSPECT: .*--encoding big5/u);
    const right = await bin(["parse", big5, "--encoding", "big5"], dir);
    expect(right.stderr).not.toContain("W_ENCODING_SUSPECT");
    expect((JSON.parse(right.stdout) as { tasks: unknown[] }).tasks.length).toBeGreaterThan(0);
  });
});

describe("for Chinese users", () => {
  it("LANG=zh_CN gives Chinese messages with the same codes; --lang en overrides", async () => {
    const dir = tempDir();
    copyInto(dir, { "in/a.txt": seed(0), "in/b.ppt": seed(1) });
    const zh = await bin(["parse", "in", "missing.txt", "-f", "ndjson"], dir, { LANG: "zh_CN.UTF-8" });
    expect(zh.stderr).toContain("gongkai: missing.txt: E_NOT_FOUND: 没有这个文件 (请检查路径)");
    expect(zh.stderr).toMatch(/gongkai: 2 个文件，\d+ 项任务，\d+ 条警告，1 个失败，跳过 1 \(\.ppt ×1\)，用时/u);
    const en = await bin(["parse", "in", "-f", "ndjson", "--lang", "en"], dir, { LANG: "zh_CN.UTF-8" });
    expect(en.stderr).toMatch(/gongkai: 1 file, /u);
    const help = await bin(["parse", "--help", "--lang", "zh"], dir);
    expect(help.stdout).toContain("示例：");
    expect(help.stdout).toContain("退出状态：");
    const usage = await bin(["parse", seed(0), "-o", "x.xls"], dir, { LC_ALL: "zh_TW.UTF-8" });
    expect(usage.stderr).toMatch(/^gongkai: E_USAGE: --out x\.xls：无法根据 \.xls 判断输出格式/u);
  });

  it("the report explains warnings in Chinese", async () => {
    const dir = tempDir();
    await bin(["report", path.join(FIXTURES, "cli/no-units.txt"), "-o", "r.html"], dir);
    expect(readFileSync(path.join(dir, "r.html"), "utf8")).toContain("未找到责任单位");
  });
});

describe("the messages stay in one catalogue", () => {
  it("no English sentence is written to stderr by a command outside messages.ts (spot check of the sources)", () => {
    const src = readFileSync(path.resolve("src/cli/commands/report.ts"), "utf8");
    expect(src).not.toMatch(/io\.stderr\.write\(`gongkai report:/u);
    expect(existsSync(path.resolve("src/cli/messages.ts"))).toBe(true);
  });
});
