/**
 * Outputs and odd files (issue 13): never rename onto anything but a regular file, every write
 * error on stdout is E_OUTPUT, an unusable --out-dir is one E_OUTPUT, temp names fit wherever the
 * target's name fits, and non-regular inputs are refused while every read is capped by bytes.
 * Generated cases: name lengths and scripts, kinds of special file.
 */
import { execFileSync } from "node:child_process";
import { createReadStream, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { readFileChecked } from "../../src/cli/read-file.js";
import { openOutputFile, prepareOutDir, safeOutputPath, tempPathFor, TempFiles, writeFileAtomic } from "../../src/cli/safe-fs.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

const NOTICE = "关于做好工作的通知\n一、做好工作。（牵头单位：市司法局）2025年底前完成。\n";

const fifo = (dir: string, name = "pipe"): string => {
  const p = path.join(dir, name);
  execFileSync("mkfifo", [p]);
  return p;
};

/** A name of `bytes` UTF-8 bytes built from `unit`. */
const nameOf = (unit: string, bytes: number): string => unit.repeat(Math.floor(bytes / Buffer.byteLength(unit)));

describe("temp names fit wherever the target's name fits", () => {
  const cases = [1, 5, 39, 40, 41, 100, 200, 240, 250, 255].flatMap((n) => [["a", n], ["公", n], ["é", n]] as const);
  it.each(cases)("%s × %i bytes", (unit, bytes) => {
    const base = nameOf(unit, bytes) || unit;
    const tmp = path.basename(tempPathFor(path.join("/x", base)));
    expect(Buffer.byteLength(tmp)).toBeLessThanOrEqual(Math.max(Buffer.byteLength(base), 40));
    expect(tmp.startsWith(".")).toBe(true);
    expect(tmp).not.toContain("\uFFFD");
  });

  it.each([200, 240, 251])("an input named with %i bytes is written under --out-dir", async (bytes) => {
    const dir = tempDir();
    const name = `${nameOf("x", bytes - 4)}.txt`;
    writeFileSync(path.join(dir, name), NOTICE);
    writeFileSync(path.join(dir, "b.txt"), NOTICE);
    const r = await runCli(["parse", name, "b.txt", "--out-dir", "out", "-q"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(dir, "out")).sort()).toEqual([`${name.slice(0, -4)}.json`, "b.json"].sort());
  });
});

describe("outputs that are not regular files", () => {
  it("/dev/null as --out gets a plain write and stays a device", async () => {
    const f = await openOutputFile("/dev/null", new TempFiles());
    await f.write("{}\n");
    await f.commit();
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("/dev/full as --out fails with E_OUTPUT and stays a device", async () => {
    const r = await runCli(["parse", "-", "-f", "json", "--out", "/dev/full", "-q"], { stdin: NOTICE });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_OUTPUT: cannot write \/dev\/full: ENOSPC/u);
    expect(lstatSync("/dev/full").isCharacterDevice()).toBe(true);
  });

  it("a FIFO as --out is written into, not replaced", async () => {
    const dir = tempDir();
    const p = fifo(dir);
    const got: Buffer[] = [];
    const reader = new Promise<void>((resolve) => createReadStream(p).on("data", (d) => got.push(d as Buffer)).on("end", resolve));
    const r = await runCli(["parse", "-", "-f", "json", "--out", p, "-q"], { stdin: NOTICE });
    await reader;
    expect(r.code).toBe(0);
    expect(JSON.parse(Buffer.concat(got).toString("utf8")).tasks.length).toBe(1);
    expect(lstatSync(p).isFIFO()).toBe(true);
  });

  it("an atomic write never renames onto a FIFO or a folder", async () => {
    const dir = tempDir();
    const p = fifo(dir);
    await expect(writeFileAtomic(p, "x", new TempFiles())).rejects.toMatchObject({ code: "E_OUTPUT" });
    expect(lstatSync(p).isFIFO()).toBe(true);
    mkdirSync(path.join(dir, "d"));
    await expect(writeFileAtomic(path.join(dir, "d"), "x", new TempFiles())).rejects.toMatchObject({ code: "E_OUTPUT" });
    expect(readdirSync(dir).sort()).toEqual(["d", "pipe"]); // no temp file left
  });

  it("--out-dir refuses an output name taken by a FIFO", async () => {
    const dir = tempDir();
    fifo(dir, "a.json");
    await expect(safeOutputPath(dir, "a.json")).rejects.toThrow(/not a regular file/u);
  });

  it("a dangling symbolic link as --out is refused", async () => {
    const dir = tempDir();
    execFileSync("ln", ["-s", path.join(dir, "nowhere", "x.json"), path.join(dir, "link.json")]);
    await expect(openOutputFile(path.join(dir, "link.json"), new TempFiles())).rejects.toThrow(/leads nowhere/u);
  });
});

/** A stdout that fails every write with `code`. */
class FailingOut extends Writable {
  isTTY = false;
  constructor(private readonly code: string) {
    super();
  }
  override _write(_c: unknown, _e: BufferEncoding, cb: (e?: Error) => void): void {
    cb(Object.assign(new Error(`${this.code}: write failed`), { code: this.code }));
  }
}

const sink = (): Writable & { text: string } => {
  const w = new Writable({ write: (c: Buffer, _e, cb) => ((w.text += c.toString()), cb()) }) as Writable & { text: string };
  w.text = "";
  return w;
};

describe("write errors on stdout", () => {
  it.each(["ENOSPC", "EIO", "EDQUOT"])("%s is E_OUTPUT, exit 1", async (code) => {
    const dir = tempDir();
    for (const n of ["a", "b", "c"]) writeFileSync(path.join(dir, `${n}.txt`), NOTICE);
    const stderr = sink();
    const exit = await main(["node", "gongkai", "parse", dir, "-q"], { stdout: new FailingOut(code), stderr, stdin: Readable.from([]), env: {}, cwd: dir });
    expect(exit).toBe(1);
    expect(stderr.text).toMatch(new RegExp(`E_OUTPUT: cannot write to stdout: ${code}`, "u"));
  });

  it("EPIPE stops quietly", async () => {
    const stderr = sink();
    const exit = await main(["node", "gongkai", "parse", "-", "-q"], { stdout: new FailingOut("EPIPE"), stderr, stdin: Readable.from([Buffer.from(NOTICE)]), env: {}, cwd: "/" });
    expect(stderr.text).not.toMatch(/E_OUTPUT/u);
    expect(exit).toBe(0);
  });
});

describe("an unusable --out-dir is one E_OUTPUT with advice", () => {
  it.each(["/proc/gongkai-no/such", "/proc/self/gongkai"])("%s", async (dir) => {
    await expect(prepareOutDir(dir, "--out-dir x")).rejects.toMatchObject({ code: "E_OUTPUT" });
  });

  it("a parent that is a file: once, before any input", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "file"), "x");
    for (const n of ["a", "b"]) writeFileSync(path.join(dir, `${n}.txt`), NOTICE);
    const r = await runCli(["parse", "a.txt", "b.txt", "--out-dir", "file/out"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/E_OUTPUT: cannot write into --out-dir file\/out: a parent is not a folder \(choose a folder/u);
  });
});

describe("inputs that are not regular files", () => {
  it("a FIFO is refused without blocking", async () => {
    const dir = tempDir();
    await expect(readFileChecked(fifo(dir), 1 << 20)).rejects.toMatchObject({ code: "E_UNSUPPORTED" });
  });

  it.each(["/dev/zero", "/dev/urandom", "/dev/null"])("%s is refused", async (p) => {
    await expect(readFileChecked(p, 1 << 20)).rejects.toMatchObject({ code: "E_UNSUPPORTED" });
  });

  it("a regular file whose stat says 0 bytes is still read with a byte cap", async () => {
    expect(lstatSync("/proc/self/maps").size).toBe(0);
    await expect(readFileChecked("/proc/self/maps", 16)).rejects.toMatchObject({ code: "E_TOO_LARGE" });
    const all = await readFileChecked("/proc/self/maps", 1 << 24);
    expect(all.length).toBeGreaterThan(16);
  });

  it.each([0, 1, 1000, 65_536, 1 << 20, (1 << 20) + 7])("a %i-byte file is read whole at the limit, refused one byte under", async (n) => {
    const dir = tempDir();
    const p = path.join(dir, "f.txt");
    writeFileSync(p, Buffer.alloc(n, 0x41));
    expect((await readFileChecked(p, Math.max(n, 1))).length).toBe(n);
    if (n > 1) await expect(readFileChecked(p, n - 1)).rejects.toMatchObject({ code: "E_TOO_LARGE" });
    expect(readFileSync(p).length).toBe(n);
  });
});
