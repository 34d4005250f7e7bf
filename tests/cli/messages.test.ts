/** What the CLI says on stderr: warnings, --strict, --quiet, --debug, colour, progress; and `validate`. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { colorLevel, failureLine, summaryLine } from "../../src/cli/reporter.js";
import { runCli } from "../helpers/cli.js";
import { copyInto, FIXTURES, SEEDS, seedFiles, tempDir } from "../helpers/tmp.js";

/** A notice that parses but warns (no responsibility units anywhere). */
const WARNS = "fixtures/cli/no-units.txt";

describe("warnings and --strict", () => {
  it("prints warnings with their code and exits 0, or 1 under --strict", async () => {
    const r = await runCli(["parse", WARNS]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^gongkai: fixtures\/cli\/no-units\.txt(:\d+)?: W_NO_UNITS: /mu);
    const strict = await runCli(["parse", WARNS, "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).not.toBe(""); // the document is still written
    const quiet = await runCli(["parse", WARNS, "fixtures/cli/notice.txt", "--strict", "-q"]);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe("");
  });
});

describe("--debug", () => {
  it("adds a stack trace only when asked", async () => {
    const plain = await runCli(["parse", "missing.txt"]);
    expect(plain.stderr.trim().split("\n")).toHaveLength(1);
    const debug = await runCli(["parse", "missing.txt", "--debug"]);
    expect(debug.stderr).toMatch(/^gongkai: missing\.txt: E_NOT_FOUND: .*\n.*GongkaiError: no such file\n\s+at /u);
  });
});

describe("colour and progress", () => {
  it.each([
    [{}, false, 0],
    [{}, true, 1],
    [{ NO_COLOR: "1" }, true, 0],
    [{ NO_COLOR: "" }, true, 1],
    [{ FORCE_COLOR: "3" }, false, 3],
    [{ FORCE_COLOR: "0" }, true, 0],
  ])("env %j, TTY %s → level %i", (env, isTTY, level) => expect(colorLevel({ env, stderr: { isTTY } as never })).toBe(level));

  it("formats failures and the summary without colour when level is 0", () => {
    expect(failureLine("a.txt", { code: "E_EMPTY", message: "the file is empty", hint: "check it" }, false)).toBe("gongkai: a.txt: E_EMPTY: the file is empty (check it)");
    expect(failureLine(null, { code: "E_USAGE", message: "bad" }, false)).toBe("gongkai: E_USAGE: bad");
    expect(summaryLine({ files: 1, tasks: 2, warnings: 1, failures: 0, ms: 1234 })).toBe("gongkai: 1 file, 2 tasks, 1 warning, 0 failed in 1.2s");
  });

  it("shows a progress bar and colours on a terminal for a long batch, never on a pipe", async () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 22; i++) files[`in/n${String(i).padStart(2, "0")}.txt`] = path.join(SEEDS, seedFiles()[i % 5]!);
    files["in/n05.txt"] = path.join(FIXTURES, "bad/empty.txt");
    copyInto(dir, files);
    const tty = await runCli(["parse", "in", "-f", "ndjson", "-j", "1"], { cwd: dir, tty: true });
    expect(tty.stderr).toMatch(/gongkai [█░]+ \d+\/22 files/u);
    expect(tty.stderr).toContain("\u001b[31mE_EMPTY\u001b[39m");
    const pipe = await runCli(["parse", "in", "-f", "ndjson", "-j", "1"], { cwd: dir });
    expect(pipe.stderr).not.toMatch(/\u001b/u);
    expect(pipe.stdout).toBe(tty.stdout);
    const noColor = await runCli(["parse", "in", "-f", "ndjson", "-j", "1", "-q"], { cwd: dir, tty: true, env: { NO_COLOR: "1" } });
    expect(noColor.stderr).toBe("gongkai: in/n05.txt: E_EMPTY: the file is empty\n"); // --quiet: no bar, no summary; failures stay
  });
});

describe("gongkai validate", () => {
  it("accepts gongkai's own JSON, NDJSON and inline error records", async () => {
    const dir = tempDir();
    copyInto(dir, { "in/a.txt": path.join(SEEDS, seedFiles()[0]!), "in/empty.txt": path.join(FIXTURES, "bad/empty.txt") });
    for (const [format, name] of [["json", "out.json"], ["ndjson", "out.ndjson"]]) {
      await runCli(["parse", "in", "-f", format!, "-o", name!, "--errors", "inline", "-q"], { cwd: dir });
      const r = await runCli(["validate", name!], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe(`gongkai: ${name}: valid (2 records)\n`);
    }
    const single = await runCli(["parse", "in/a.txt", "-o", "one.json"], { cwd: dir });
    expect(single.code).toBe(0);
    expect((await runCli(["validate", "-"], { cwd: dir, stdin: readFileSync(path.join(dir, "one.json")) })).code).toBe(0);
  });

  it("rejects a broken document, non-JSON, folders and missing files with their codes", async () => {
    const dir = tempDir();
    await runCli(["parse", path.join(SEEDS, seedFiles()[0]!), "-o", path.join(dir, "one.json")]);
    const doc = JSON.parse(readFileSync(path.join(dir, "one.json"), "utf8")) as { tasks: { id: unknown }[] };
    doc.tasks[0]!.id = 12;
    writeFileSync(path.join(dir, "broken.json"), JSON.stringify(doc));
    const r = await runCli(["validate", "broken.json", "one.json", "../nope.json", FIXTURES + "/bad/binary.txt", FIXTURES + "/bad/folder.txt", "-q"], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stderr.split("\n").filter((l) => l.startsWith("gongkai: "));
    expect(lines).toEqual([
      "gongkai: broken.json: E_SCHEMA: 1 of 1 records do not match the schema",
      expect.stringMatching(/^gongkai: broken\.json: record 1: does not match the document schema at tasks\.0\.id: /u),
      "gongkai: ../nope.json: E_NOT_FOUND: no such file (check the path)",
      expect.stringMatching(/bad\/binary\.txt: E_INVALID_JSON: /u),
      expect.stringMatching(/bad\/folder\.txt: E_IS_DIRECTORY: is a directory/u),
    ]);
    expect(r.stderr).not.toMatch(/✖|→/u); // no raw zod report
  });
});
