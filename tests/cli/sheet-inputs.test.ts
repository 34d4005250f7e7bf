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
});
