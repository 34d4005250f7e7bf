import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exitCode } from "../../src/cli/exit-code.js";
import { ErrorRecordSchema, ResultSchema } from "../../src/schema.js";
import { runCli } from "../helpers/cli.js";
import { copyInto, FIXTURES, listFiles, SEEDS, seedFiles, tempDir } from "../helpers/tmp.js";

const seed = (i: number): string => path.join(SEEDS, seedFiles()[i]!);
const ndjsonPaths = (stdout: string): (string | null)[] =>
  stdout.split("\n").filter((l) => l !== "").map((l) => (JSON.parse(l) as { source: { path: string | null } }).source.path);

/** A folder of good notices (nested, one hidden) and bad inputs (empty, blank, binary, an empty folder). */
function mixedFolder(): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, "in/sub"), { recursive: true });
  copyInto(dir, {
    "in/a.txt": seed(0), "in/sub/b.md": seed(1), "in/.hidden.txt": seed(2), "in/notes.docx.bak": seed(3),
    "in/empty.txt": path.join(FIXTURES, "bad/empty.txt"), "in/blank.txt": path.join(FIXTURES, "bad/blank.txt"),
    "in/binary.txt": path.join(FIXTURES, "bad/binary.txt"), "in/folder.txt": path.join(FIXTURES, "bad/folder.txt"),
  });
  return dir;
}

describe("a folder with good and bad files", () => {
  it("writes outputs for the good ones, one stderr line per bad one, and exits 1", async () => {
    const dir = mixedFolder();
    const r = await runCli(["parse", "in", "missing.txt", "--out-dir", "out", "-j", "1"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(listFiles(path.join(dir, "out"))).toEqual(["a.json", "sub/b.json"]);
    for (const f of ["a.json", "sub/b.json"]) expect(ResultSchema.safeParse(JSON.parse(readFileSync(path.join(dir, "out", f), "utf8"))).success).toBe(true);
    const lines = r.stderr.trim().split("\n").filter((l) => !/: W_[A-Z_]+: /u.test(l)); // warnings depend on the extraction
    expect(lines).toEqual([
      expect.stringMatching(/^gongkai: in\/binary\.txt: E_BINARY: /u),
      expect.stringMatching(/^gongkai: in\/blank\.txt: E_EMPTY: /u),
      expect.stringMatching(/^gongkai: in\/empty\.txt: E_EMPTY: /u),
      expect.stringMatching(/^gongkai: missing\.txt: E_NOT_FOUND: no such file \(check the path\)$/u),
      expect.stringMatching(/^gongkai: 6 files, \d+ tasks?, \d+ warnings?, 4 failed, skipped 1 \(\.bak ×1\) in \d+\.\ds$/u),
    ]);
  });

  it("reports an explicit folder with no notices, and E_IS_DIRECTORY never stops the batch", async () => {
    const r = await runCli(["parse", path.join(FIXTURES, "bad/folder.txt"), seed(0), "-f", "ndjson"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/folder\.txt: E_NOT_FOUND: no notice files in this folder/u);
    expect(ndjsonPaths(r.stdout)).toHaveLength(1);
  });

  it("--fail-fast stops at the first failure and commits no --out file", async () => {
    const dir = mixedFolder();
    const r = await runCli(["parse", "in", "--fail-fast", "-o", "all.ndjson", "-j", "1"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/in\/binary\.txt: E_BINARY/u);
    expect(r.stderr).not.toMatch(/blank\.txt/u);
    expect(r.stderr).toMatch(/stopped at the first failure \(--fail-fast\) after 2 of 5 inputs; nothing written to .*all\.ndjson/u);
    expect(listFiles(dir).filter((f) => !f.startsWith("in/"))).toEqual([]);
  });

  it("--errors inline adds an error record per failed input, in input order", async () => {
    const dir = mixedFolder();
    const r = await runCli(["parse", "in", "-f", "ndjson", "--errors", "inline", "-q"], { cwd: dir });
    expect(r.code).toBe(1);
    const records = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((x) => (x.source as { path: string }).path)).toEqual(["in/a.txt", "in/binary.txt", "in/blank.txt", "in/empty.txt", "in/sub/b.md"]);
    expect(ErrorRecordSchema.parse(records[1])).toEqual({ source: { path: "in/binary.txt" }, error: { code: "E_BINARY", message: expect.any(String) } });
    expect(r.stderr.trim().split("\n")).toHaveLength(3); // still reported on stderr (the summary is quiet)
  });
});

describe("formats and destinations", () => {
  it("prints one object for one file and an array for a folder or several files", async () => {
    const one = await runCli(["parse", seed(0)]);
    expect(one.code).toBe(0);
    expect(Array.isArray(JSON.parse(one.stdout))).toBe(false);
    expect(one.stderr).toBe(""); // no summary for a single file
    const many = await runCli(["parse", seed(1), seed(0), "--pretty"]);
    expect((JSON.parse(many.stdout) as { source: { path: string } }[]).map((d) => d.source.path)).toEqual([seed(1), seed(0)]);
    const folder = await runCli(["parse", "seeds", "-q"], { cwd: path.resolve(".") });
    expect(JSON.parse(folder.stdout)).toHaveLength(seedFiles().length);
  });

  it("keeps input order on stdout", async () => {
    const r = await runCli(["parse", seed(3), seed(1), seed(4), "-f", "ndjson"]);
    expect(ndjsonPaths(r.stdout)).toEqual([seed(3), seed(1), seed(4)]);
  });

  it("reads - from stdin", async () => {
    const r = await runCli(["parse", "-"], { stdin: readFileSync(seed(0)) });
    expect(r.code).toBe(0);
    const doc = ResultSchema.parse(JSON.parse(r.stdout));
    expect(doc.source.path).toBeNull();
    const twice = await runCli(["parse", "-", "-"], { stdin: "x" });
    expect(twice.code).toBe(2);
  });

  it("writes a BOM by default only when --out names a .csv file", async () => {
    const dir = tempDir();
    const toFile = await runCli(["parse", "seeds", "-f", "csv", "-o", path.join(dir, "tasks.csv"), "-q"]);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe("");
    const bytes = readFileSync(path.join(dir, "tasks.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parseCsv(bytes, { bom: true });
    expect(rows[0]?.[0]).toBe("file");
    const noBom = await runCli(["parse", "seeds", "-o", path.join(dir, "plain.csv"), "--no-bom", "--headers", "zh", "-q"]);
    expect(noBom.code).toBe(0);
    expect(readFileSync(path.join(dir, "plain.csv"), "utf8").startsWith("文件,文号,")).toBe(true); // format from the extension
    const stdout = await runCli(["parse", "seeds", "-f", "tsv", "-q"]);
    expect(stdout.stdout.startsWith("file\tdoc_number\t")).toBe(true);
  });

  it("writes an XLSX workbook with a Tasks and a Documents sheet", async () => {
    const dir = tempDir();
    const r = await runCli(["parse", "seeds", "-o", path.join(dir, "tasks.xlsx"), "-q"]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "tasks.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tasks", "Documents"]);
    expect(wb.getWorksheet("Documents")!.rowCount).toBe(1 + seedFiles().length);
  });

  it("mirrors the input tree under --out-dir in every format and skips the output folder on the next run", async () => {
    const dir = tempDir();
    copyInto(dir, { "in/x/a.txt": seed(0), "in/b.txt": seed(1) });
    for (const f of ["json", "ndjson", "csv", "tsv", "xlsx"]) {
      const r = await runCli(["parse", "in", "--out-dir", "in/out", "-f", f, "-q"], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
    }
    const out = listFiles(path.join(dir, "in/out"));
    expect(out).toEqual(["b.csv", "b.json", "b.ndjson", "b.tsv", "b.xlsx", "x/a.csv", "x/a.json", "x/a.ndjson", "x/a.tsv", "x/a.xlsx"]);
    expect(readFileSync(path.join(dir, "in/out/b.csv"))[0]).toBe(0xef); // .csv files get the BOM
    expect(out.some((f) => f.includes(".tmp"))).toBe(false);
  });

  it("skips an output folder whose name looks like a glob, and names stdin's output stdin.<ext>", async () => {
    const dir = tempDir();
    copyInto(dir, { "in/a.txt": seed(0), "in/out[1]/old.txt": seed(1) });
    const r = await runCli(["parse", "in", "-", "--out-dir", "in/out[1]", "-q"], { cwd: dir, stdin: readFileSync(seed(2)) });
    expect(r.code, r.stderr).toBe(0);
    expect(listFiles(path.join(dir, "in/out[1]"))).toEqual(["a.json", "old.txt", "stdin.json"]);
  });
});

describe("output safety", () => {
  it("never overwrites an input with --out (usage error, file untouched)", async () => {
    const dir = tempDir();
    copyInto(dir, { "in/a.txt": seed(0) });
    const before = readFileSync(path.join(dir, "in/a.txt"));
    const r = await runCli(["parse", "in", "-f", "json", "-o", "in/a.txt", "--force"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_OUTPUT: refusing to overwrite in\/a\.txt: it is one of the inputs/u);
    expect(readFileSync(path.join(dir, "in/a.txt"))).toEqual(before);
  });

  it("never overwrites an input with --out-dir", async () => {
    const dir = tempDir();
    copyInto(dir, { "a.txt": seed(0) });
    writeFileSync(path.join(dir, "a.json"), "{}");
    // a.json is an input (taken by --glob) and the output name of a.txt
    const r = await runCli(["parse", ".", "--glob", "*.{txt,json}", "--from", "text", "--out-dir", ".", "-j", "1"], { cwd: dir });
    expect(r.stderr).toMatch(/E_OUTPUT: refusing to overwrite the input/u);
    expect(readFileSync(path.join(dir, "a.json"), "utf8")).toBe("{}");
    expect(r.code).toBe(1);
  });

  it("refuses to follow a symbolic link out of --out-dir", async () => {
    const dir = tempDir();
    const outside = tempDir();
    copyInto(dir, { "in/sub/a.txt": seed(0), "in/b.txt": seed(1) });
    mkdirSync(path.join(dir, "out"));
    symlinkSync(outside, path.join(dir, "out/sub"));
    const r = await runCli(["parse", "in", "--out-dir", "out", "-q"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/in\/sub\/a\.txt: E_OUTPUT: refusing to write "sub\/a\.json": a symbolic link leads outside the output folder/u);
    expect(listFiles(outside)).toEqual([]);
    expect(existsSync(path.join(dir, "out/b.json"))).toBe(true);
  });

  it.each([
    [["parse", "x", "-o", "a.json", "--out-dir", "d"], /cannot be used together/u],
    [["parse", "x", "-f", "csv", "--errors", "inline"], /--errors inline needs --format json or ndjson/u],
    [["parse", "x", "--shard", "4/3"], /bad --shard "4\/3"/u],
    [["parse", "x", "--jobs", "0"], /--jobs must be at least 1/u],
    [["parse", "x", "--encoding", "klingon"], /unknown encoding/u],
    [["parse", "x", "--max-size", "lots"], /bad size "lots"/u],
    [["parse", "x", "-f", "yaml"], /^gongkai: E_USAGE: --format must be one of: json, ndjson, csv, tsv, xlsx \(see --help\)$/mu],
    [["parse"], /no input given/u],
  ])("exits 2 on usage errors: %j", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });
});

describe("reader options reach the readers", () => {
  const pdf = path.join(FIXTURES, "pdf/encrypted_userpw_002.pdf");

  it("--password (or GONGKAI_PASSWORD) opens an encrypted PDF", async () => {
    const without = await runCli(["parse", pdf]);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/E_PDF_ENCRYPTED/u);
    const flag = await runCli(["parse", pdf, "--password", "gongkai"]);
    expect(flag.code, flag.stderr).toBe(0);
    expect(ResultSchema.parse(JSON.parse(flag.stdout)).source.format).toBe("pdf");
    const env = await runCli(["parse", pdf], { env: { GONGKAI_PASSWORD: "gongkai" } });
    expect(env.code).toBe(0);
  });

  it("--from and --encoding are passed on", async () => {
    const md = await runCli(["parse", seed(0), "--from", "markdown"]);
    expect(ResultSchema.parse(JSON.parse(md.stdout)).source.format).toBe("markdown");
    const gb = await runCli(["parse", path.join(FIXTURES, "gbk/000_gb18030.txt"), "--encoding", "gb18030"]);
    const doc = ResultSchema.parse(JSON.parse(gb.stdout));
    expect(doc.source.encoding).toBe("gb18030");
    expect(doc.document.issuer).toBe(ResultSchema.parse(JSON.parse((await runCli(["parse", seed(0)])).stdout)).document.issuer);
  });
});

describe("limits, filters and shards", () => {
  it("--max-size refuses larger inputs with E_TOO_LARGE", async () => {
    const r = await runCli(["parse", seed(0), seed(1), "--max-size", "1KB", "-f", "ndjson"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_TOO_LARGE: the file is [\d.]+ KB, over the limit of 1\.0 KB \(raise --max-size/u);
    const stdin = await runCli(["parse", "-", "--max-size", "100"], { stdin: readFileSync(seed(0)) });
    expect(stdin.stderr).toMatch(/E_TOO_LARGE/u);
  });

  it("--glob filters a folder; hidden files are skipped", async () => {
    const dir = mixedFolder();
    const r = await runCli(["parse", "in", "--glob", "**/*.md", "-f", "ndjson", "-q"], { cwd: dir });
    expect(ndjsonPaths(r.stdout)).toEqual(["in/sub/b.md"]);
    const all = await runCli(["parse", "in", "--glob", "**/*", "-f", "ndjson", "-q", "--from", "text"], { cwd: dir });
    expect(ndjsonPaths(all.stdout)).not.toContain("in/.hidden.txt");
    expect(ndjsonPaths(all.stdout)).toContain("in/notes.docx.bak");
  });

  it("shards 1/3, 2/3 and 3/3 cover a folder exactly once", async () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`in/${i % 3}/n${i}.txt`] = seed(i % 5);
    copyInto(dir, files);
    const parts = await Promise.all([1, 2, 3].map((k) => runCli(["parse", "in", "--shard", `${k}/3`, "-f", "ndjson", "-q"], { cwd: dir })));
    const seen = parts.flatMap((p) => ndjsonPaths(p.stdout));
    expect([...seen].sort()).toEqual(Object.keys(files).sort());
    expect(new Set(seen).size).toBe(30);
    expect(parts.every((p) => ndjsonPaths(p.stdout).length > 0)).toBe(true);
    // Deterministic: the same shard again gives the same files.
    const again = await runCli(["parse", "in", "--shard", "2/3", "-f", "ndjson", "-q"], { cwd: dir });
    expect(ndjsonPaths(again.stdout)).toEqual(ndjsonPaths(parts[1]!.stdout));
  });
});

describe("shard parts concatenate", () => {
  it("CSV: the first part with a header, the others with --headers none, give the rows of the whole folder", async () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 9; i++) files[`in/n${i}.txt`] = seed(i % 5);
    copyInto(dir, files);
    const whole = await runCli(["parse", "in", "-f", "csv", "-q"], { cwd: dir });
    const parts = await Promise.all([1, 2, 3].map((k) => runCli(["parse", "in", "-f", "csv", "-q", "--shard", `${k}/3`, ...(k > 1 ? ["--headers", "none"] : [])], { cwd: dir })));
    const joined: string[][] = parseCsv(parts.map((p) => p.stdout).join(""));
    const all: string[][] = parseCsv(whole.stdout);
    expect(joined[0]).toEqual(all[0]);
    expect(joined.slice(1).map((r) => r.join("|")).sort()).toEqual(all.slice(1).map((r) => r.join("|")).sort());
  });

  it("the README's GitHub Actions example runs one shard per matrix entry with valid options", async () => {
    const { parse: parseYaml } = await import("yaml");
    const { toBatchOptions } = await import("../../src/cli/commands/parse.js");
    const readme = readFileSync(path.resolve("README.md"), "utf8");
    const block = /```yaml\n(?<y>[\s\S]*?)```/u.exec(readme.slice(readme.indexOf("<!-- cli:start -->")))?.groups?.y;
    expect(block).toBeDefined();
    const wf = parseYaml(block!) as { jobs: { parse: { strategy: { matrix: { shard: number[] } }; steps: { run?: string }[] } } };
    const shards = wf.jobs.parse.strategy.matrix.shard;
    const run = wf.jobs.parse.steps.map((x) => x.run ?? "").find((r) => r.includes("gongkai parse"))!;
    for (const k of shards) {
      const argv = run.replaceAll("${{ matrix.shard }}", String(k)).split(/\s+/u).slice(3); // after "npx gongkai parse"
      const inputs = argv.filter((a, i) => !a.startsWith("-") && !argv[i - 1]?.startsWith("-"));
      const opts = Object.fromEntries(
        argv.flatMap((a, i) => (a.startsWith("--") ? [[a.slice(2).replace(/-(\w)/gu, (_m, c: string) => c.toUpperCase()), argv[i + 1]]] : [])),
      );
      const o = toBatchOptions(inputs, opts, {});
      expect(o.shard).toEqual({ index: k, count: shards.length });
      expect(o.format).toBe("ndjson");
    }
  });
});

describe("interruption (in-process)", () => {
  it("stops, keeps finished files, removes temp files and returns 130", async () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`in/n${String(i).padStart(2, "0")}.txt`] = seed(i % 5);
    copyInto(dir, files);
    const controller = new AbortController();
    // Abort once the first output exists (not after a fixed time: a loaded CI machine may be slow to get there).
    const poll = setInterval(() => {
      if (existsSync(path.join(dir, "out")) && listFiles(path.join(dir, "out")).some((f) => f.endsWith(".json"))) {
        clearInterval(poll);
        controller.abort();
      }
    }, 10);
    const r = await runCli(["parse", "in", "--out-dir", "out", "-j", "1"], { cwd: dir, env: { GONGKAI_TEST_DELAY_MS: "50" }, signal: controller.signal });
    expect(r.code).toBe(130);
    const written = listFiles(path.join(dir, "out"));
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(20);
    expect(written.every((f) => /^n\d\d\.json$/u.test(f))).toBe(true);
    expect(r.stderr).toMatch(new RegExp(`interrupted after \\d+ of 20 inputs; wrote ${written.length} files? under `, "u"));
  });
});

describe("exit status", () => {
  it.each([
    [{ failures: 0, warnings: 0, strict: false }, 0],
    [{ failures: 0, warnings: 3, strict: false }, 0],
    [{ failures: 0, warnings: 3, strict: true }, 1],
    [{ failures: 2, warnings: 0, strict: false }, 1],
    [{ failures: 0, warnings: 0, strict: false, usageError: true }, 2],
    [{ failures: 1, warnings: 0, strict: false, interrupted: true }, 130],
  ])("%j → %i", (r, code) => expect(exitCode(r)).toBe(code));
});
