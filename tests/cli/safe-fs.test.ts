import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AtomicFile, InputGuard, safeOutputPath, TempFiles, writeFileAtomic } from "../../src/cli/safe-fs.js";
import { mirroredName } from "../../src/cli/sinks.js";
import { parseShard, shardBucket } from "../../src/cli/shard.js";
import { parseSize } from "../../src/cli/size.js";
import { tempDir } from "../helpers/tmp.js";

describe("safeOutputPath", () => {
  it.each(["../x.json", "a/../../x.json", "/etc/x.json", "C:/x.json", "a\\..\\..\\x.json"])("refuses %s", async (rel) => {
    await expect(safeOutputPath(tempDir(), rel)).rejects.toMatchObject({ code: "E_OUTPUT" });
  });

  it("accepts nested names and creates their folders", async () => {
    const root = tempDir();
    const target = await safeOutputPath(root, "a/b/c.json");
    expect(existsSync(path.dirname(target))).toBe(true);
  });

  it("refuses a target that is a symbolic link", async () => {
    const root = tempDir();
    symlinkSync(path.join(tempDir(), "elsewhere.json"), path.join(root, "x.json"));
    await expect(safeOutputPath(root, "x.json")).rejects.toThrow(/is a symbolic link/u);
  });
});

describe("atomic writes", () => {
  it("renames into place and leaves no temp file", async () => {
    const dir = tempDir();
    const temps = new TempFiles();
    await writeFileAtomic(path.join(dir, "a.json"), "{}", temps);
    const f = AtomicFile.open(path.join(dir, "b.csv"), temps);
    await f.write("x,y\r\n");
    expect(existsSync(path.join(dir, "b.csv"))).toBe(false); // nothing at the target until commit
    await f.commit();
    expect(readdirSync(dir).sort()).toEqual(["a.json", "b.csv"]);
    expect(temps.size).toBe(0);
  });

  it("discards and removes temp files on failure or interrupt", async () => {
    const dir = tempDir();
    const temps = new TempFiles();
    const f = AtomicFile.open(path.join(dir, "c.ndjson"), temps);
    await f.write("{}\n");
    await temps.removeAll();
    await f.discard();
    expect(readdirSync(dir)).toEqual([]);
    await expect(writeFileAtomic(path.join(dir, "missing-folder/x.json"), "{}", temps)).rejects.toMatchObject({ code: "E_OUTPUT" });
    expect(temps.size).toBe(0);
  });

  it("knows the inputs by real path, through symbolic links", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "in.txt"), "x");
    mkdirSync(path.join(dir, "sub"));
    symlinkSync(path.join(dir, "in.txt"), path.join(dir, "sub/link.txt"));
    const guard = new InputGuard([path.join(dir, "in.txt"), null]);
    expect(await guard.isInput(path.join(dir, "sub/link.txt"))).toBe(true);
    expect(await guard.isInput(path.join(dir, "other.txt"))).toBe(false);
  });
});

describe("small parsers", () => {
  it.each([
    ["a/b.txt", "json", "a/b.json"], ["b.md", "csv", "b.csv"], ["noext", "xlsx", "noext.xlsx"], ["x.y.html", "ndjson", "x.y.ndjson"],
  ] as const)("mirroredName(%s, %s) = %s", (rel, f, want) => expect(mirroredName(rel, f)).toBe(want));

  it.each([["50MB", 50 * 1024 ** 2], ["512k", 512 * 1024], ["1.5 GiB", 1.5 * 1024 ** 3], ["1000", 1000], ["10b", 10]])("parseSize(%s)", (s, n) =>
    expect(parseSize(s)).toBe(n));
  it.each(["", "0", "-1", "5TB", "MB"])("parseSize rejects %j", (s) => expect(() => parseSize(s)).toThrow(/bad size/u));

  it.each(["1/1", "3/3", " 2/5 "])("parseShard accepts %j", (s) => expect(() => parseShard(s)).not.toThrow());
  it.each(["0/3", "4/3", "1/0", "a/b", "1-3", "1/3/4"])("parseShard rejects %j", (s) => expect(() => parseShard(s)).toThrow(/bad --shard/u));

  it("shard buckets are stable and spread", () => {
    expect(shardBucket("2022/a.txt", 7)).toBe(shardBucket("2022\\a.txt", 7)); // same on Windows separators
    const counts = [0, 0, 0];
    for (let i = 0; i < 300; i++) counts[shardBucket(`n${i}.txt`, 3)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(70);
  });
});
