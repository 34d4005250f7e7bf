/**
 * Output safety: atomic writes (a hidden temp file in the target's folder, renamed into place),
 * a registry of live temp files so an interrupt can remove them, no path escaping --out-dir, and
 * never writing over an input.
 */
import { randomBytes } from "node:crypto";
import { createWriteStream, rmSync, type WriteStream } from "node:fs";
import { lstat, mkdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { GongkaiError } from "../errors.js";

/** Temp files not yet renamed or removed; `removeAll` cleans up after a failure or an interrupt. */
export class TempFiles {
  private readonly live = new Set<string>();
  add(p: string): void {
    this.live.add(p);
  }
  delete(p: string): void {
    this.live.delete(p);
  }
  get size(): number {
    return this.live.size;
  }
  async removeAll(): Promise<void> {
    await Promise.all([...this.live].map((p) => rm(p, { force: true })));
    this.live.clear();
  }
  /** For process exit handlers, where nothing async runs. */
  removeAllSync(): void {
    for (const p of this.live) rmSync(p, { force: true });
    this.live.clear();
  }
}

/** `dir/.name.gongkai-PID-RANDOM.tmp`: hidden (so folder walks skip it), unique, on the same file system as the target. */
export const tempPathFor = (target: string): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.gongkai-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);

const outputError = (target: string, e: unknown): GongkaiError =>
  e instanceof GongkaiError ? e : new GongkaiError("E_OUTPUT", `cannot write ${target}: ${(e as Error).message}`, { hint: "check the folder exists and is writable", cause: e });

/** Write the whole content to a temp file, then rename it over the target. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, temps: TempFiles): Promise<void> {
  const tmp = tempPathFor(target);
  temps.add(tmp);
  try {
    await writeFile(tmp, data, { flag: "wx" });
    await rename(tmp, target);
    temps.delete(tmp);
  } catch (e) {
    await rm(tmp, { force: true });
    temps.delete(tmp);
    throw outputError(target, e);
  }
}

/** A streamed atomic file: write chunks (respecting back-pressure), then `commit` renames it into place. */
export class AtomicFile {
  private readonly tmp: string;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  private constructor(readonly target: string, private readonly temps: TempFiles) {
    this.tmp = tempPathFor(target);
    temps.add(this.tmp);
    this.stream = createWriteStream(this.tmp, { flags: "wx" });
    this.stream.on("error", (e) => (this.failure = e));
  }

  static open(target: string, temps: TempFiles): AtomicFile {
    return new AtomicFile(target, temps);
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.failure) throw outputError(this.target, this.failure);
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.stream.off("drain", done);
          this.stream.off("error", done);
          resolve();
        };
        this.stream.once("drain", done);
        this.stream.once("error", done);
      });
    }
    if (this.failure) throw outputError(this.target, this.failure);
  }

  private async close(): Promise<void> {
    if (this.stream.closed) return;
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
  }

  async commit(): Promise<void> {
    await this.close();
    if (this.failure) {
      await this.discard();
      throw outputError(this.target, this.failure);
    }
    try {
      await rename(this.tmp, this.target);
      this.temps.delete(this.tmp);
    } catch (e) {
      await this.discard();
      throw outputError(this.target, e);
    }
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    await rm(this.tmp, { force: true });
    this.temps.delete(this.tmp);
  }
}

/**
 * The absolute target for `rel` under the real path of `root`, creating parent folders. Refuses
 * absolute names, `..` segments and parents that resolve (through symbolic links) outside `root`,
 * and targets that are symbolic links themselves.
 */
export async function safeOutputPath(root: string, rel: string): Promise<string> {
  const parts = rel.split(/[\\/]/u);
  if (path.isAbsolute(rel) || /^[a-z]:/iu.test(rel) || parts.includes("..")) {
    throw new GongkaiError("E_OUTPUT", `refusing to write "${rel}": it escapes the output folder`, { hint: "output names must stay inside --out-dir" });
  }
  const realRoot = await realpath(root);
  const target = path.join(realRoot, rel);
  await mkdir(path.dirname(target), { recursive: true });
  const realParent = await realpath(path.dirname(target));
  if (realParent !== realRoot && !realParent.startsWith(realRoot + path.sep)) {
    throw new GongkaiError("E_OUTPUT", `refusing to write "${rel}": a symbolic link leads outside the output folder`, { hint: "remove the link from --out-dir" });
  }
  const st = await lstat(target).catch(() => null);
  if (st?.isSymbolicLink()) {
    throw new GongkaiError("E_OUTPUT", `refusing to write "${rel}": the target is a symbolic link`, { hint: "remove the link from --out-dir" });
  }
  if (st?.isDirectory()) throw new GongkaiError("E_OUTPUT", `cannot write "${rel}": a folder has that name`);
  return target;
}

/** Real paths of the inputs, computed once, to refuse writing over any of them. */
export class InputGuard {
  private real: Set<string> | null = null;
  constructor(private readonly inputs: readonly (string | null)[]) {}

  async isInput(target: string): Promise<boolean> {
    const t = await realpath(target).catch(() => null);
    if (t === null) return false; // a file that does not exist yet is no input
    this.real ??= new Set(await Promise.all(this.inputs.filter((p): p is string => p !== null).map((p) => realpath(p).catch(() => p))));
    return this.real.has(t);
  }
}
