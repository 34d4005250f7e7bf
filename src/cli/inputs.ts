/**
 * Expanding command-line inputs into an ordered list of files: explicit files as given, folders
 * walked recursively (sorted, hidden entries and the output location skipped, `--glob` to
 * filter), `-` for stdin. Output order follows this order.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { escapePath, glob } from "tinyglobby";
import type { AttachmentRef } from "./bundles.js";
import type { SerializedError } from "./failure.js";
import { isOwnOutput } from "./out-guard.js";

export interface InputRef {
  /** As shown in messages and stored in `source.path` (forward slashes); "-" for stdin. */
  readonly display: string;
  /** Absolute path; null for stdin. */
  readonly abs: string | null;
  /** Path relative to the folder it was found in (a file argument: its base name); drives --out-dir and --shard. */
  readonly rel: string;
  /** Found by walking a folder (not named on the command line). */
  readonly fromFolder: boolean;
  /** A failure known before parsing (e.g. a folder with no notices). */
  readonly error?: SerializedError;
  /** Attachment files read with this notice as one document (--attachment, --bundles). */
  readonly attachments?: readonly AttachmentRef[];
}

/** Extensions picked up when walking a folder without --glob. */
export const NOTICE_EXTENSIONS = ["txt", "text", "md", "markdown", "pdf", "docx", "html", "htm", "xhtml", "doc", "wps", "dot", "ofd", "xlsx", "xls", "et"] as const;
const DEFAULT_GLOB = `**/*.{${NOTICE_EXTENSIONS.join(",")}}`;

export interface ExpandOptions {
  cwd: string;
  globs: readonly string[];
  /** Absolute paths never read as inputs (the --out-dir folder). */
  exclude: readonly string[];
}

const toPosix = (p: string): string => p.split(path.sep).join("/");

const inside = (parent: string, child: string): string | null => {
  const rel = path.relative(parent, child);
  return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? null : rel;
};

/** A file a folder walk passed over because of its kind (extension), shown in the summary. */
export interface SkippedFile {
  readonly display: string;
  /** Lower-case extension with its dot, or "" for none. */
  readonly ext: string;
  /** A task workbook or report page gongkai wrote, not a notice: reading it back would duplicate its tasks. */
  readonly ownOutput?: true;
}

export async function expandInputs(args: readonly string[], opts: ExpandOptions): Promise<InputRef[]> {
  return (await walkInputs(args, opts)).refs;
}

/** The inputs, and the files folder walks skipped because gongkai does not read their kind. */
export async function walkInputs(args: readonly string[], opts: ExpandOptions): Promise<{ refs: InputRef[]; skipped: SkippedFile[] }> {
  const out: InputRef[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  const push = (ref: InputRef): void => {
    const key = ref.abs ?? "-";
    if (seen.has(key) && ref.abs !== null) return;
    seen.add(key);
    out.push(ref);
  };
  for (const arg of args) {
    if (arg === "-") {
      push({ display: "-", abs: null, rel: "stdin", fromFolder: false });
      continue;
    }
    const abs = path.resolve(opts.cwd, arg);
    const display = toPosix(path.normalize(arg));
    const st = await stat(abs).catch(() => null);
    if (!st?.isDirectory()) {
      // Missing or unreadable files fail later, in order, with their own code.
      push({ display, abs, rel: path.basename(abs), fromFolder: false });
      continue;
    }
    const ignore = opts.exclude.flatMap((x) => {
      const rel = inside(abs, x);
      const pattern = rel === null ? null : escapePath(toPosix(rel)); // a folder named "out[1]" is a name, not a pattern
      return pattern === null ? [] : [pattern, `${pattern}/**`];
    });
    const found = await glob(opts.globs.length > 0 ? [...opts.globs] : [DEFAULT_GLOB], {
      cwd: abs, dot: false, onlyFiles: true, ignore, caseSensitiveMatch: false, expandDirectories: false, followSymbolicLinks: false,
    });
    found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const shown = (rel: string): string => (display === "." ? rel : `${display.replace(/\/$/u, "")}/${rel}`);
    if (opts.globs.length === 0) {
      // Without --glob the walk decides by kind: say what it passed over (with --glob the user chose).
      const taken = new Set(found);
      const all = await glob(["**/*"], { cwd: abs, dot: false, onlyFiles: true, ignore, expandDirectories: false, followSymbolicLinks: false });
      for (const rel of all.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (!taken.has(rel)) skipped.push({ display: shown(rel), ext: path.posix.extname(rel).toLowerCase() });
      }
    }
    if (found.length === 0) {
      push({
        display, abs, rel: display, fromFolder: false,
        error: { code: "E_NOT_FOUND", message: "no notice files in this folder", hint: opts.globs.length > 0 ? "check --glob" : `looked for ${DEFAULT_GLOB}` },
      });
      continue;
    }
    for (const rel of found) {
      const file = path.join(abs, rel);
      const own = /\.xlsx$/iu.test(rel) ? "xlsx" : /\.html?$/iu.test(rel) ? "html" : null;
      if (own !== null && (await isOwnOutput(file, own))) {
        skipped.push({ display: shown(rel), ext: path.posix.extname(rel).toLowerCase(), ownOutput: true });
        continue;
      }
      push({ display: shown(rel), abs: file, rel, fromFolder: true });
    }
  }
  return { refs: out, skipped };
}
