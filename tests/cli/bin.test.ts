/** Through the built bin/gongkai.js: signals, worker threads, the new-user CSV path. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { TASK_COLUMNS } from "../../src/output/columns.js";
import { ResultSchema } from "../../src/schema.js";
import { buildDist, runBin, spawnCli, waitFor } from "../helpers/bin.js";
import { copyInto, listFiles, SEEDS, seedFiles, tempDir } from "../helpers/tmp.js";

beforeAll(() => buildDist());

/** A folder of n notices (copies of the seeds). */
function bigFolder(n: number): string {
  const dir = tempDir();
  const files: Record<string, string> = {};
  const seeds = seedFiles();
  for (let i = 0; i < n; i++) files[`in/d${i % 4}/n${String(i).padStart(3, "0")}.txt`] = path.join(SEEDS, seeds[i % seeds.length]!);
  copyInto(dir, files);
  return dir;
}

const SLOW = { GONGKAI_TEST_DELAY_MS: "100" };

async function interruptOutDir(signal: NodeJS.Signals, jobs: string): Promise<void> {
  const dir = bigFolder(60);
  const run = spawnCli(["parse", "in", "--out-dir", "out", "-j", jobs], { cwd: dir, env: SLOW });
  await waitFor(() => existsSync(path.join(dir, "out")) && listFiles(path.join(dir, "out")).some((f) => f.endsWith(".json")));
  run.child.kill(signal);
  const r = await run.done;
  expect(r.code).toBe(130);
  const files = listFiles(path.join(dir, "out"));
  expect(files.length).toBeGreaterThan(0);
  expect(files.length).toBeLessThan(60);
  expect(files.filter((f) => !f.endsWith(".json"))).toEqual([]); // no temp files
  for (const f of files) expect(ResultSchema.safeParse(JSON.parse(readFileSync(path.join(dir, "out", f), "utf8"))).success).toBe(true);
  expect(r.stderr).toMatch(new RegExp(`interrupted after \\d+ of 60 inputs; wrote ${files.length} files? under `, "u"));
}

async function interruptOut(signal: NodeJS.Signals, jobs: string): Promise<void> {
  const dir = bigFolder(40);
  const run = spawnCli(["parse", "in", "-o", "tasks.csv", "-j", jobs], { cwd: dir, env: SLOW });
  await waitFor(() => listFiles(dir).some((f) => f.includes(".tasks.csv.gongkai-")));
  await new Promise((r) => setTimeout(r, 300));
  run.child.kill(signal);
  const r = await run.done;
  expect(r.code).toBe(130);
  expect(listFiles(dir).filter((f) => !f.startsWith("in/"))).toEqual([]);
  expect(r.stderr).toMatch(/interrupted after \d+ of 40 inputs; nothing written to .*tasks\.csv/u);
}

describe("interrupted half-way", () => {
  it("SIGINT, in-process, --out-dir: keeps only whole files, no temp files, exit 130", () => interruptOutDir("SIGINT", "1"));
  it("SIGTERM, worker threads, --out-dir: the same", () => interruptOutDir("SIGTERM", "2"));
  it("SIGINT, worker threads, --out: leaves no partial output file and no temp file", () => interruptOut("SIGINT", "2"));
});

describe("worker threads", () => {
  it("give the same output, in input order, as in-process", async () => {
    const dir = bigFolder(24);
    const [one, two] = await Promise.all([
      runBin(["parse", "in", "-f", "ndjson", "-j", "1", "-q"], { cwd: dir }),
      runBin(["parse", "in", "-f", "ndjson", "-j", "2", "-q"], { cwd: dir }),
    ]);
    expect(two.code).toBe(0);
    expect(two.stderr).toBe("");
    // Name the documents and top-level keys that differ, not two walls of JSON.
    const a = one.stdout.trim().split("\n"), b = two.stdout.trim().split("\n");
    const differing = a.flatMap((line, i) => {
      if (line === b[i]) return [];
      const x = JSON.parse(line) as Record<string, unknown>, y = JSON.parse(b[i] ?? "{}") as Record<string, unknown>;
      return [`${i}: ${JSON.stringify((x.source as { path: string }).path)} ${Object.keys(x).filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k])).join(",")}`];
    });
    expect(differing).toEqual([]);
    expect(b).toHaveLength(a.length);
    const paths = two.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { source: { path: string } }).source.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toHaveLength(24);
  });

  it("report bad files from workers like in-process", async () => {
    const dir = bigFolder(8);
    copyInto(dir, { "in/zz-empty.txt": path.resolve("fixtures/bad/empty.txt"), "in/zz-binary.txt": path.resolve("fixtures/bad/binary.txt") });
    const r = await runBin(["parse", "in", "-f", "ndjson", "-j", "2"], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stderr.split("\n").filter((l) => !/: W_[A-Z_]+: /u.test(l));
    expect(lines.join("\n")).toMatch(/^gongkai: in\/zz-binary\.txt: E_BINARY: .*\ngongkai: in\/zz-empty\.txt: E_EMPTY: .*\ngongkai: 10 files, \d+ tasks?, \d+ warnings?, 2 failed in /mu);
  });
});

describe("as a new user would", () => {
  it("`gongkai parse seeds --format csv --out tasks.csv` gives a spreadsheet-ready CSV with one row per task", async () => {
    const dir = tempDir();
    const r = await runBin(["parse", SEEDS, "--format", "csv", "--out", "tasks.csv"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const bytes = readFileSync(path.join(dir, "tasks.csv"));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows: string[][] = parseCsv(bytes, { bom: true });
    const json = await runBin(["parse", SEEDS, "-f", "ndjson", "-q"], { cwd: dir });
    const tasks = json.stdout.trim().split("\n").flatMap((l) => ResultSchema.parse(JSON.parse(l)).tasks);
    expect(rows.length - 1).toBe(tasks.length);
    const idColumn = TASK_COLUMNS.findIndex((c) => c.key === "taskId");
    expect(rows.slice(1).map((row) => row[idColumn])).toEqual(tasks.map((t) => t.id));
    expect(r.stderr).toMatch(new RegExp(`^gongkai: ${seedFiles().length} files, ${tasks.length} tasks?, `, "mu"));
  });
});
