/**
 * Output safety: atomic writes (a hidden temp file in the target's folder, renamed into place),
 * a registry of live temp files so an interrupt can remove them, no path escaping --out-dir,
 * never writing over an input, and never renaming onto anything but a regular file: a character
 * device or FIFO named by --out gets a plain write, any other kind of file is refused.
 */
import { randomBytes } from "node:crypto";
import { constants as fsConstants, createWriteStream, rmSync, type Stats, type WriteStream } from "node:fs";
import { access, lstat, mkdir, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { msg } from "./messages.js";
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

/** Room for the unique tail of a temp name when the target's own name is shorter. */
const MIN_TEMP_NAME_BYTES = 40;

/** The longest prefix of `s` that is at most `bytes` long in UTF-8, without splitting a character. */
function utf8Prefix(s: string, bytes: number): string {
  let out = "";
  let used = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch);
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * `dir/.NAME.gongkai-PID-RANDOM.tmp`: hidden (so folder walks skip it), unique, on the same file system
 * as the target, and never longer than the target's own name (or 40 bytes): a temp name fits
 * wherever the target's name fits (NAME_MAX, PATH_MAX), however long the input's name was.
 */
export function tempPathFor(target: string): string {
  const base = path.basename(target);
  const tail = `.gongkai-${process.pid.toString(36)}-${randomBytes(4).toString("hex")}.tmp`;
  const budget = Math.max(Buffer.byteLength(base), MIN_TEMP_NAME_BYTES) - 1 - tail.length;
  return path.join(path.dirname(target), `.${utf8Prefix(base, budget)}${tail}`);
}

const errnoCode = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

const outputError = (target: string, e: unknown): GongkaiError => {
  if (e instanceof GongkaiError) return e;
  const code = errnoCode(e);
  const hint = msg(code === "ENOSPC" || code === "EDQUOT" ? "diskFull"
    : code === "EROFS" ? "readOnlyFs"
    : code === "EACCES" || code === "EPERM" ? "mayNotWrite"
    : code === "ENAMETOOLONG" ? "nameTooLongOut"
    : "checkWritable");
  return new GongkaiError("E_OUTPUT", msg("cannotWrite", { target, why: oneLine((e as Error).message) }), { hint, cause: e });
};

const oneLine = (s: string): string => s.replace(/[\r\n]+/gu, " ");

/** What may be done to an existing path: replace it (regular file or nothing there), write into it (a device or FIFO), or nothing. */
export type TargetKind = "replace" | "stream" | "refuse";

export function targetKind(st: Stats | null): TargetKind {
  if (st === null || st.isFile()) return "replace";
  if (st.isCharacterDevice() || st.isFIFO()) return "stream";
  return "refuse";
}

const describeKind = (st: Stats): string =>
  msg(st.isDirectory() ? "kindFolder" : st.isSymbolicLink() ? "kindSymlink" : st.isBlockDevice() ? "kindBlockDevice"
    : st.isSocket() ? "kindSocket" : st.isCharacterDevice() ? "kindCharDevice" : st.isFIFO() ? "kindFifo" : "kindOther");

const notRegular = (target: string, st: Stats): GongkaiError =>
  new GongkaiError("E_OUTPUT", msg("refuseReplaceKind", { target, what: describeKind(st) }), { hint: msg("refuseReplaceKindHint") });

/** Just before a rename: the target must still be a regular file or absent (never replace a device, link or folder). */
async function assertReplaceable(target: string): Promise<void> {
  const st = await lstat(target).catch(() => null);
  if (st !== null && !st.isFile()) throw notRegular(target, st);
}

/** Write the whole content to a temp file, then rename it over the target. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, temps: TempFiles): Promise<void> {
  const tmp = tempPathFor(target);
  temps.add(tmp);
  try {
    await writeFile(tmp, data, { flag: "wx" });
    await assertReplaceable(target);
    await rename(tmp, target);
    temps.delete(tmp);
  } catch (e) {
    await rm(tmp, { force: true });
    temps.delete(tmp);
    throw outputError(target, e);
  }
}

/** A file output written in chunks: `commit` makes it final, `discard` drops it. */
export interface OutputFile {
  readonly target: string;
  write(chunk: string | Uint8Array): Promise<void>;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * The output for `--out PATH`: an atomic file for a regular file or a new name (through a
 * symbolic link to its real target, as a shell redirection would), a plain write for a character
 * device or FIFO (`/dev/null`, a named pipe), and a refusal for anything else.
 */
export async function openOutputFile(target: string, temps: TempFiles): Promise<OutputFile> {
  const link = await lstat(target).catch(() => null);
  let real = target;
  if (link?.isSymbolicLink()) {
    real = await realpath(target).catch(() => {
      throw new GongkaiError("E_OUTPUT", msg("danglingLink", { target }), { hint: msg("danglingLinkHint") });
    });
  }
  const st = real === target ? link : await lstat(real).catch(() => null);
  switch (targetKind(st)) {
    case "replace":
      await prepareOutDir(path.dirname(real), `the folder of ${target}`);
      return AtomicFile.open(real, temps);
    case "stream":
      return StreamedFile.open(real);
    case "refuse":
      throw notRegular(target, st!);
  }
}

/** Back-pressure and error tracking shared by the two file outputs. */
async function writeChunk(stream: WriteStream, chunk: string | Uint8Array, failed: () => Error | null): Promise<void> {
  if (failed()) return;
  if (!stream.write(chunk)) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        stream.off("drain", done);
        stream.off("error", done);
        stream.off("close", done);
        resolve();
      };
      stream.once("drain", done);
      stream.once("error", done);
      stream.once("close", done);
    });
  }
}

const endStream = (stream: WriteStream, onError: (e: Error) => void): Promise<void> =>
  new Promise<void>((resolve) =>
    stream.end((e?: Error | null) => {
      if (e) onError(e);
      resolve();
    }),
  );

/** A plain (non-atomic) write to a character device or FIFO: nothing is created, renamed or removed. */
class StreamedFile implements OutputFile {
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  private constructor(readonly target: string) {
    this.stream = createWriteStream(target, { flags: "w" });
    this.stream.on("error", (e) => (this.failure = e));
  }

  static open(target: string): StreamedFile {
    return new StreamedFile(target);
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    await writeChunk(this.stream, chunk, () => this.failure);
    if (this.failure) throw outputError(this.target, this.failure);
  }

  async commit(): Promise<void> {
    // the error of the last write comes with the end callback (ENOSPC on /dev/full), before the "error" event
    if (!this.stream.closed && !this.failure) await endStream(this.stream, (e) => (this.failure ??= e));
    if (this.failure) throw outputError(this.target, this.failure);
  }

  async discard(): Promise<void> {
    this.stream.destroy();
  }
}

/** A streamed atomic file: write chunks (respecting back-pressure), then `commit` renames it into place. */
export class AtomicFile implements OutputFile {
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
    await writeChunk(this.stream, chunk, () => this.failure);
    if (this.failure) throw outputError(this.target, this.failure);
  }

  private async close(): Promise<void> {
    if (this.stream.closed) return;
    await endStream(this.stream, (e) => (this.failure ??= e));
  }

  async commit(): Promise<void> {
    await this.close();
    if (this.failure) {
      await this.discard();
      throw outputError(this.target, this.failure);
    }
    try {
      await assertReplaceable(this.target);
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
    throw new GongkaiError("E_OUTPUT", msg("escapesOutDir", { rel }), { hint: msg("escapesOutDirHint") });
  }
  const realRoot = await realpath(root);
  const target = path.join(realRoot, rel);
  await makeDirs(path.dirname(target)).catch((e: unknown) => {
    throw outputError(path.dirname(target), e);
  });
  const realParent = await realpath(path.dirname(target));
  if (realParent !== realRoot && !realParent.startsWith(realRoot + path.sep)) {
    throw new GongkaiError("E_OUTPUT", msg("linkLeavesOutDir", { rel }), { hint: msg("removeLinkHint") });
  }
  const st = await lstat(target).catch(() => null);
  if (st?.isSymbolicLink()) {
    throw new GongkaiError("E_OUTPUT", msg("targetIsLink", { rel }), { hint: msg("removeLinkHint") });
  }
  if (st?.isDirectory()) throw new GongkaiError("E_OUTPUT", msg("folderHasName", { rel }), { hint: msg("folderHasNameHint") });
  if (st && !st.isFile()) throw notRegular(target, st);
  return target;
}

/**
 * `mkdir -p` one level at a time. Node's recursive mkdir spins forever where a parent exists but
 * refuses children with ENOENT (/proc, some network and FUSE file systems).
 */
export async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    const st = await stat(at).catch((e: unknown) => {
      if (errnoCode(e) === "ENOENT") return null;
      throw e;
    });
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: "ENOTDIR" });
      break;
    }
    const parent = path.dirname(at);
    missing.push(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing.reverse()) {
    await mkdir(d).catch((e: unknown) => {
      if (errnoCode(e) !== "EEXIST") throw e;
    });
  }
}

/**
 * The --out-dir folder, created if needed and checked writable once, before any input is read:
 * a read-only or impossible folder is one E_OUTPUT with advice, not one failure per input.
 */
export async function prepareOutDir(dir: string, what: string): Promise<void> {
  try {
    await makeDirs(dir);
    await access(dir, fsConstants.W_OK | fsConstants.X_OK);
  } catch (e) {
    const code = errnoCode(e);
    const why = code === "EACCES" || code === "EPERM" ? msg("whyPermission")
      : code === "EROFS" ? msg("whyReadOnly")
      : code === "ENOENT" ? msg("whyNoParent")
      : code === "ENOTDIR" ? msg("whyParentNotFolder")
      : oneLine((e as Error).message);
    throw new GongkaiError("E_OUTPUT", msg("cannotWriteInto", { what, why }), { hint: msg("chooseWritableFolder"), cause: e });
  }
}

/** A write error that every later input would hit too (disk full, read-only file system): it stops a batch. */
export const isFatalOutputError = (e: unknown): boolean => {
  const code = errnoCode((e as { cause?: unknown } | null)?.cause ?? e);
  return code === "ENOSPC" || code === "EDQUOT" || code === "EROFS";
};

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
