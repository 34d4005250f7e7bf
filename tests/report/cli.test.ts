import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { localToday } from "../../src/cli/commands/report.js";
import type { CliIO } from "../../src/cli/io.js";
import { hostile, wuxi } from "./fixtures.js";

const SEED = resolve(__dirname, "../../seeds/000_69dd9e51073771b8.txt");

async function run(args: string[], cwd: string, command = "report", stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => {
    const s = new PassThrough();
    s.on("data", (c: Buffer) => into.push(c.toString("utf8")));
    return s;
  };
  const input = new PassThrough();
  input.end(stdin ?? "");
  const io: CliIO = { stdout: sink(out), stderr: sink(err), stdin: input, env: {}, cwd };
  const code = await main(["node", "gongkai", command, ...args], io);
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out.join(""), stderr: err.join("") };
}

const data = (html: string): unknown[] =>
  JSON.parse(/<script type="application\/json" id="gongkai-data">([\s\S]*?)<\/script>/u.exec(html)?.[1] ?? "null") as unknown[];

describe("gongkai report", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-report-"));
  writeFileSync(join(dir, "wuxi.json"), JSON.stringify(wuxi, null, 2));
  writeFileSync(join(dir, "batch.jsonl"), [hostile, { source: { path: "broken.pdf" }, error: { code: "E_PDF_CORRUPT", message: "bad" } }].map((v) => JSON.stringify(v)).join("\n"));
  writeFileSync(join(dir, "bad.json"), JSON.stringify({ schemaVersion: "1.0", tasks: "no" }));

  it("reads notices and JSON documents (single, JSON Lines) into one file", async () => {
    const r = await run(["wuxi.json", "batch.jsonl", SEED, "--out", "r.html", "--today", "2022-09-20", "--title", "周报"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("left out the failed record broken.pdf (E_PDF_CORRUPT)");
    expect(r.stderr).toContain("wrote r.html (3 notices");
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(html).toContain("<title>周报</title>");
    expect(html).toContain(`<time datetime="2022-09-20">`);
    const docs = data(html);
    expect(docs).toHaveLength(3);
    expect(docs[0]).toEqual(wuxi);
    // The embedded notice is exactly what `gongkai parse` prints.
    const parsed = await run([SEED], dir, "parse");
    expect(docs[2]).toEqual(JSON.parse(parsed.stdout));
  });

  it("walks folders for notices and reads JSON from stdin", async () => {
    const seeds = resolve(__dirname, "../../seeds");
    const r = await run([seeds, "-", "--out", "dir.html", "--today", "2022-09-20"], dir, "report", JSON.stringify(wuxi));
    expect(r.code).toBe(0);
    const docs = data(readFileSync(join(dir, "dir.html"), "utf8")) as { source: { path: string | null } }[];
    expect(docs).toHaveLength(6);
    expect(docs.slice(0, 5).map((d) => d.source.path?.replace(/^.*\//u, ""))).toEqual([
      "000_69dd9e51073771b8.txt", "001_e8d1d175fd1547bc.txt", "002_988baf87858b03bd.txt", "003_ddd698d8236a8cbd.txt", "004_baea861421853175.txt",
    ]);
    expect(docs[5]).toEqual(wuxi);
  });

  it("writes to stdout with --out -", async () => {
    const r = await run(["wuxi.json", "-o", "-", "--today", "2022-09-20"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/u);
  });

  it("still writes the report when one input fails, and exits 1", async () => {
    const r = await run(["wuxi.json", "missing.txt", "bad.json", "--out", "partial.html", "--today", "2022-09-20"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("gongkai: missing.txt: E_NOT_FOUND");
    expect(r.stderr).toContain("gongkai: bad.json: E_SCHEMA");
    expect(data(readFileSync(join(dir, "partial.html"), "utf8"))).toHaveLength(1);
  });

  it("writes nothing when no input could be read", async () => {
    const r = await run(["missing.txt", "--out", "none.html"], dir);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, "none.html"))).toBe(false);
  });

  it.each([
    [["wuxi.json", "--out", "x.html", "--today", "2022-13-01"], "--today"],
    [["wuxi.json", "--out", "x.html", "--today", "yesterday"], "--today"],
    [["wuxi.json"], "--out"],
    [["wuxi.json", "--out", "x.html", "--max-size", "lots"], "bad size"],
  ])("rejects bad usage %j", async (args, mention) => {
    const r = await run(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(mention.replace("--", ""));
    expect(existsSync(join(dir, "x.html"))).toBe(false);
  });

  it("exits 2 when the output cannot be written, leaving no temp file", async () => {
    const r = await run(["wuxi.json", "--out", "no/such/dir/r.html", "--today", "2022-09-20"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("E_OUTPUT");
    expect(existsSync(join(dir, "no"))).toBe(false);
  });

  it("defaults --today to the local date", () => {
    expect(localToday(new Date(2022, 5, 3, 23, 59))).toBe("2022-06-03");
  });
});

describe("report --compare", () => {
  it("adds a side-by-side comparison of consecutive notices, escaped", async () => {
    const { main } = await import("../../src/cli/main.js");
    const { PassThrough } = await import("node:stream");
    const { mkdtempSync, readFileSync: read } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "gongkai-report-compare-"));
    const out = join(dir, "r.html");
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const root = join(import.meta.dirname, "../..");
    const code = await main(
      ["node", "gongkai", "report", "seeds/002_988baf87858b03bd.txt", "seeds/000_69dd9e51073771b8.txt", "--compare", "--today", "2022-08-01", "-o", out],
      { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: root },
    );
    expect(code).toBe(0);
    const html = read(out, "utf8");
    expect(html).toContain('id="compare-1"');
    expect(html).toMatch(/对比：市政府办公室关于印发无锡市2021年[^<]*→/u);
    expect(html).toContain("仅见于");
  });
});
