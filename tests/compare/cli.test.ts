import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CompareResultSchema, CoverageResultSchema } from "../../src/compare/schema.js";
import { main } from "../../src/cli/main.js";
import type { CliIO } from "../../src/cli/io.js";
import { doc, task, TEXT } from "./make.js";

const root = join(import.meta.dirname, "../..");
const seed = (name: string): string => join(root, "seeds", name);
const WUXI_2021 = seed("002_988baf87858b03bd.txt");
const WUXI_2022 = seed("000_69dd9e51073771b8.txt");

function sink(isTTY = false): Writable & { text: () => string; isTTY: boolean } {
  const chunks: string[] = [];
  const w = new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) }) as Writable & { text: () => string; isTTY: boolean };
  w.text = () => chunks.join("");
  w.isTTY = isTTY;
  return w;
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}, tty = false) {
  const stdout = sink(tty);
  const stderr = sink();
  const io: CliIO = { stdout, stderr, stdin: process.stdin, env, cwd: root };
  const code = await main(["node", "gongkai", ...args], io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const tmp = mkdtempSync(join(tmpdir(), "gongkai-compare-"));
const jsonA = join(tmp, "a.json");
const jsonB = join(tmp, "b.json");
writeFileSync(jsonA, JSON.stringify(doc([task("1", TEXT.epidemic), task("2", TEXT.openMonth)], "甲", "a.json")));
writeFileSync(jsonB, JSON.stringify(doc([task("1", TEXT.subsidy), task("2", TEXT.epidemic)], "乙", "b.json")));
const badJson = join(tmp, "bad.json");
writeFileSync(badJson, JSON.stringify({ tasks: [] }));

describe("gongkai compare", () => {
  it("compares two notices (无锡 2021 → 2022) as schema-valid JSON", async () => {
    const r = await run(["compare", WUXI_2021, WUXI_2022, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = CompareResultSchema.parse(JSON.parse(r.stdout));
    expect(out.pairs.length).toBeGreaterThan(3);
    expect(out.pairs).toContainEqual(expect.objectContaining({ a: "1.4", b: "2.3.8" }));
    expect(out.a.title).toContain("2021");
  });

  it("reads gongkai JSON documents", async () => {
    const r = await run(["compare", jsonA, jsonB, "--format", "json", "--pretty"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\n  "pairs"');
    expect(JSON.parse(r.stdout)).toMatchObject({ pairs: [{ a: "1", b: "2", score: 1 }], onlyA: ["2"], onlyB: ["1"] });
  });

  it("writes CSV", async () => {
    const r = await run(["compare", jsonA, jsonB, "--format", "csv"]);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x.kind)).toEqual(["pair", "onlyA", "onlyB"]);
  });

  it.each([
    { name: "a terminal", env: {}, tty: true, colour: true },
    { name: "a pipe", env: {}, tty: false, colour: false },
    { name: "NO_COLOR on a terminal", env: { NO_COLOR: "1" }, tty: true, colour: false },
    { name: "FORCE_COLOR on a pipe", env: { FORCE_COLOR: "1" }, tty: false, colour: true },
  ])("text output on $name: colour $colour", async ({ env, tty, colour }) => {
    const r = await run(["compare", jsonA, jsonB], env, tty);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1 carried over");
    expect(/\u001b\[/u.test(r.stdout)).toBe(colour);
  });

  it("--no-color wins over a terminal", async () => {
    const r = await run(["compare", jsonA, jsonB, "--no-color"], {}, true);
    expect(/\u001b\[/u.test(r.stdout)).toBe(false);
  });

  it("--base gives a coverage matrix", async () => {
    const r = await run(["compare", "--base", jsonA, jsonB, jsonA, "--format", "json"]);
    expect(r.code).toBe(0);
    const cov = CoverageResultSchema.parse(JSON.parse(r.stdout));
    expect(cov.rows.map((x) => [x.id, x.cells.map((c) => c?.id ?? null), x.covered])).toEqual([
      ["1", ["2", "1"], 2],
      ["2", [null, "2"], 1],
    ]);
    expect(cov.onlyOthers).toEqual([["1"], []]);
  });

  it.each([
    { name: "one input", args: ["compare", "x.txt"], code: 2, err: /exactly two notices/u },
    { name: "three inputs", args: ["compare", "a", "b", "c"], code: 2, err: /exactly two notices/u },
    { name: "a bad threshold", args: ["compare", "a", "b", "--threshold", "2"], code: 2, err: /threshold/u },
    { name: "a bad format", args: ["compare", "a", "b", "--format", "xml"], code: 2, err: /format/u },
    { name: "a missing file", args: ["compare", "/nonexistent.txt", "/nonexistent2.txt"], code: 1, err: /nonexistent\.txt: E_NOT_FOUND/u },
    { name: "JSON that is not a gongkai document", args: ["compare", "BAD", "BAD"], code: 1, err: /E_SCHEMA/u },
  ])("fails on $name with exit $code", async ({ args, code, err }) => {
    const r = await run(args.map((x) => (x === "BAD" ? badJson : x)));
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(err);
  });
});

describe("gongkai compare --base", () => {
  it("needs at least one notice besides the base", async () => {
    const r = await run(["compare", "--base", jsonA]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/one or more notices to check against --base/u);
  });

  it("writes the coverage matrix as CSV and text", async () => {
    const csv = await run(["compare", "--base", jsonA, jsonB, "--format", "csv"]);
    expect(parse(csv.stdout)).toEqual([
      ["base_id", "title", "b.json", "covered"],
      ["1", "规范疫情信息发布", "2", "1"],
      ["2", "组织举办政府开放月活动", "", "0"],
    ]);
    const text = await run(["compare", "--base", jsonA, jsonB]);
    expect(text.stdout).toContain("2 base tasks: 1 taken up by all · 1 by none");
  });
});
