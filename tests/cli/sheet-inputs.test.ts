/** Spreadsheets on the command line: folder walks read them, and --out never overwrites an input workbook. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyInto, FIXTURES, listFiles, tempDir } from "../helpers/tmp.js";

const SHEET = (f: string): string => path.join(FIXTURES, "sheet", f);

describe("spreadsheets as inputs", () => {
  it("a folder walk reads .xlsx, .xls and an Excel-compatible .et", async () => {
    const dir = tempDir();
    copyInto(dir, { "in/a.xlsx": SHEET("003_附件1.xlsx"), "in/b.xls": SHEET("003_附件1.xls"), "in/c.et": SHEET("003_附件1.xls") });
    const r = await runCli(["parse", "in", "-f", "ndjson", "-q", "-j", "1"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const docs = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { source: { path: string; format: string }; tasks: unknown[] });
    expect(docs.map((d) => [path.basename(d.source.path), d.source.format, d.tasks.length]).sort()).toEqual([["a.xlsx", "xlsx", 25], ["b.xls", "xls", 25], ["c.et", "xls", 25]]);
  }, 120_000);

  it.each([
    [["parse", "in/a.xlsx", "-o", "in/a.xlsx"]],
    [["parse", "in", "-o", "in/a.xlsx"]],
  ])("%j refuses to overwrite the input workbook", async (args) => {
    const dir = tempDir();
    copyInto(dir, { "in/a.xlsx": SHEET("003_附件1.xlsx") });
    const before = readFileSync(path.join(dir, "in/a.xlsx"));
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_OUTPUT: refusing to overwrite in\/a\.xlsx: it is one of the inputs/u);
    expect(readFileSync(path.join(dir, "in/a.xlsx")).equals(before)).toBe(true);
    expect(listFiles(path.join(dir, "in"))).toEqual(["a.xlsx"]);
  }, 120_000);

  it("runs again over its own earlier workbook and report at the --out path, without reading them back", async () => {
    const dir = tempDir();
    copyInto(dir, { "in/a.xlsx": SHEET("003_附件1.xlsx") });
    const first = await runCli(["parse", "in", "-o", "in/tasks.xlsx"], { cwd: dir });
    expect(first.code).toBe(0);
    const again = await runCli(["parse", "in", "-o", "in/tasks.xlsx", "-v"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^gongkai: 1 file, /mu); // a.xlsx only: tasks.xlsx is not read back
    expect(listFiles(path.join(dir, "in"))).toEqual(["a.xlsx", "tasks.xlsx"]);
    const rep = await runCli(["report", "in", "-o", "in/r.html"], { cwd: dir });
    expect(rep.code).toBe(0);
    const rep2 = await runCli(["report", "in", "-o", "in/r.html"], { cwd: dir });
    expect(rep2.code).toBe(0);
    expect(rep2.stderr).toMatch(/skipped 2 \(gongkai's own outputs ×2\)/u); // neither tasks.xlsx nor the earlier r.html is a notice of the report
    // any walk passes over gongkai's own workbook and report, and says so
    const walk = await runCli(["parse", "in", "-f", "ndjson", "-v"], { cwd: dir });
    expect(walk.code).toBe(0);
    expect(walk.stderr).toContain("gongkai: in/r.html: skipped: a task workbook or report gongkai wrote, not a notice");
    expect(walk.stderr).toContain("gongkai: in/tasks.xlsx: skipped: a task workbook or report gongkai wrote, not a notice");
    expect(walk.stderr).toMatch(/^gongkai: 1 file, .*skipped 2 \(gongkai's own outputs ×2\)/mu);
    expect(walk.stdout.trim().split("\n")).toHaveLength(1);
  }, 120_000);
});
