/**
 * `--attachment FILE` and `--bundles`: which files are read together as one notice with its
 * attachment files. A folder that holds a notice (scored: title, 主送, 文号, 附件说明) bundles the
 * other files beside it and in its sub-folders that hold no notice of their own (attachments/,
 * <page>_files/); a saved page's <a href> to a file inside the folder is followed (no network, never
 * outside the folder, no symlink escape). A folder with two notices is two documents.
 */
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { isNotice } from "../bundle/score.js";
import { localTarget, pageLinks } from "../bundle/links.js";
import { type ListEntry, matchAttachments } from "../bundle/match.js";
import { decodeText } from "../input/decode.js";
import { readInput } from "../input/index.js";
import { parseDecoded } from "../pipeline.js";
import type { DecodedInput } from "../text/blocks.js";
import { type InputRef, walkInputs } from "./inputs.js";
import { type ParseSettings, resultOf, runJob } from "./parse-job.js";
import { type ErrorCode, GongkaiError } from "../errors.js";
import type { Result } from "../schema.js";
import { readFileChecked } from "./read-file.js";
import { usage } from "./common.js";
import { msg } from "./messages.js";

export interface AttachmentRef {
  readonly abs: string;
  /** As shown in messages and stored in `source.file` / `document.attachments[].source`. */
  readonly display: string;
  /** Text of the page link that pointed to the file. */
  readonly label?: string;
}

const toPosix = (p: string): string => p.split(path.sep).join("/");

/** The --attachment arguments, resolved against the working folder. */
export const attachmentRefs = (args: readonly string[], cwd: string): AttachmentRef[] =>
  args.map((a) => ({ abs: path.resolve(cwd, a), display: toPosix(path.normalize(a)) }));

/** What planning needs to know of one file. */
interface Probe {
  readonly ref: InputRef;
  readonly notice: boolean;
  readonly entries: readonly ListEntry[];
  readonly firstLines: readonly string[];
  /** Page links to local files (HTML pages only). */
  readonly links: readonly { rel: string; text: string }[];
}

const HTML_EXT = /\.(?:html?|xhtml)$/iu;

function firstLines(input: DecodedInput): string[] {
  const out: string[] = [];
  for (const b of input.blocks) {
    const t = b.text.replace(/\s+/gu, " ").trim();
    if (t) out.push(t);
    if (out.length >= 6) break;
  }
  return out;
}

async function probe(ref: InputRef, settings: ParseSettings): Promise<Probe> {
  const none: Probe = { ref, notice: false, entries: [], firstLines: [], links: [] };
  if (ref.abs === null) return none;
  try {
    const bytes = await readFileChecked(ref.abs, settings.maxSize);
    const opts = { path: ref.display, ...(settings.encoding ? { encoding: settings.encoding } : {}), ...(settings.password ? { password: settings.password } : {}) };
    const input = await readInput(bytes, opts);
    const r = parseDecoded(input, opts);
    const links = input.format === "html" || HTML_EXT.test(ref.abs)
      ? pageLinks(decodeText(bytes, settings.encoding).text).flatMap((l) => {
        const rel = localTarget(l.href);
        return rel === null ? [] : [{ rel, text: l.text }];
      })
      : [];
    return { ref, notice: isNotice(r), entries: r.document.attachments, firstLines: firstLines(input), links };
  } catch {
    return none; // unreadable: not a notice; as an attachment it fails with its own warning
  }
}

/** `child` inside `dir` (or equal)? */
const within = (dir: string, child: string): boolean => {
  const rel = path.relative(dir, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/** A linked file that exists as a regular file inside the bundle folder, also after resolving links. */
async function linkedFile(dir: string, page: string, rel: string): Promise<string | null> {
  const abs = path.resolve(path.dirname(page), rel);
  if (!within(dir, abs) || abs === page) return null;
  try {
    const [real, realDir] = await Promise.all([realpath(abs), realpath(dir)]);
    if (!within(realDir, real)) return null;
    return (await stat(real)).isFile() ? abs : null;
  } catch {
    return null;
  }
}

const stemOf = (p: string): string => path.basename(p).replace(/\.[^.]*$/u, "");

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export interface Planned {
  readonly refs: InputRef[];
  /** Documents that have attachment files, and how many attachment files they hold. */
  readonly bundles: number;
  readonly attachmentFiles: number;
}

/** Group the files found by walking folders into bundles (files named on the command line stay alone). */
export async function planBundles(refs: readonly InputRef[], settings: ParseSettings): Promise<Planned> {
  const walked = refs.filter((r) => r.fromFolder && r.abs !== null && !r.error);
  const probes = new Map<InputRef, Probe>();
  for (const r of walked) probes.set(r, await probe(r, settings));

  const rootOf = (r: InputRef): string => r.abs!.slice(0, r.abs!.length - r.rel.length);
  const noticeDirs = new Set(walked.filter((r) => probes.get(r)!.notice).map((r) => path.dirname(r.abs!)));
  const attached = new Map<InputRef, AttachmentRef[]>();
  const taken = new Set<string>();

  // folders holding notices, each with the non-notice files it owns (nearest notice folder upwards)
  const owned = new Map<string, InputRef[]>();
  for (const r of walked) {
    if (probes.get(r)!.notice) continue;
    const root = path.resolve(rootOf(r));
    for (let dir = path.dirname(r.abs!); within(root, dir); dir = path.dirname(dir)) {
      if (noticeDirs.has(dir)) {
        owned.set(dir, [...(owned.get(dir) ?? []), r]);
        break;
      }
      if (dir === root) break;
    }
  }

  for (const dir of noticeDirs) {
    const notices = walked.filter((r) => path.dirname(r.abs!) === dir && probes.get(r)!.notice);
    const noticeAbs = new Set(notices.map((n) => n.abs!));
    for (const n of notices) attached.set(n, []);
    // 1. a page's links to files in the folder
    for (const n of notices) {
      const shownRoot = n.display.slice(0, n.display.length - n.rel.length);
      const root = rootOf(n);
      for (const l of probes.get(n)!.links) {
        const abs = await linkedFile(dir, n.abs!, l.rel);
        if (abs === null || taken.has(abs) || noticeAbs.has(abs)) continue;
        taken.add(abs);
        attached.get(n)!.push({ abs, display: shownRoot + toPosix(path.relative(root, abs)), ...(l.text ? { label: l.text } : {}) });
      }
    }
    // 2. the other files the folder owns
    for (const f of owned.get(dir) ?? []) {
      if (taken.has(f.abs!)) continue;
      taken.add(f.abs!);
      const owner = notices.length === 1 ? notices[0]! : ownerOf(f, notices, probes);
      attached.get(owner)!.push({ abs: f.abs!, display: f.display });
    }
  }

  const out: InputRef[] = [];
  let bundles = 0;
  let attachmentFiles = 0;
  for (const r of refs) {
    if (r.abs !== null && taken.has(r.abs) && !attached.has(r)) continue; // read as an attachment
    const atts = attached.get(r);
    if (atts && atts.length > 0) {
      bundles++;
      attachmentFiles += atts.length;
      out.push({ ...r, attachments: atts.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0)) });
    } else out.push(r);
  }
  return { refs: out, bundles, attachmentFiles };
}

/** Which of several notices in one folder a file belongs to: its <page>_files folder, its title, its name. */
function ownerOf(f: InputRef, notices: readonly InputRef[], probes: ReadonlyMap<InputRef, Probe>): InputRef {
  const parent = path.basename(path.dirname(f.abs!));
  const byFolder = notices.find((n) => [`${stemOf(n.abs!)}_files`, `${stemOf(n.abs!)}.files`, `${stemOf(n.abs!)}_附件`].includes(parent));
  if (byFolder) return byFolder;
  const p = probes.get(f)!;
  const clue = { name: path.basename(f.abs!), firstLines: p.firstLines };
  const byTitle = notices.find((n) => matchAttachments(probes.get(n)!.entries, [clue])[0]!.by === "title");
  if (byTitle) return byTitle;
  let best = notices[0]!;
  let bestLen = -1;
  for (const n of notices) {
    const len = commonPrefix(stemOf(n.abs!), stemOf(f.abs!));
    if (len > bestLen) [best, bestLen] = [n, len];
  }
  return best;
}

/** --attachment (one notice file) or --bundles (folder walks) applied to the expanded inputs; usage errors are thrown. */
export async function applyBundleOptions(
  refs: InputRef[], o: { readonly attachments?: readonly string[] | undefined; readonly bundles?: boolean | undefined }, cwd: string, settings: ParseSettings,
): Promise<{ refs: InputRef[]; bundled?: { bundles: number; attachmentFiles: number } }> {
  const attachments = o.attachments ?? [];
  if (attachments.length > 0 && o.bundles) throw usage(msg("attachmentAndBundles"));
  if (attachments.length > 0) {
    if (refs.length !== 1 || refs[0]!.fromFolder || refs[0]!.abs === null || refs[0]!.error) throw usage(msg("attachmentNeedsOneFile"), msg("attachmentNeedsOneFileHint"));
    return { refs: [{ ...refs[0]!, attachments: attachmentRefs(attachments, cwd) }] };
  }
  if (!o.bundles) return { refs };
  const planned = await planBundles(refs, settings);
  return { refs: planned.refs, bundled: { bundles: planned.bundles, attachmentFiles: planned.attachmentFiles } };
}

/** compare --bundles: a folder input is the one notice it holds, read with its attachment files. */
export async function loadBundleFolder(display: string, cwd: string, settings: ParseSettings): Promise<Result> {
  const { refs } = await walkInputs([display], { cwd, globs: [], exclude: [] });
  const planned = await planBundles(refs, settings);
  const notices = planned.refs.filter((r) => r.attachments !== undefined || planned.refs.length === 1);
  if (notices.length !== 1) throw new GongkaiError("E_USAGE", msg("bundleFolderNotOne", { dir: display, n: planned.refs.length }));
  const r = notices[0]!;
  const o = await runJob({ kind: "file", abs: r.abs!, display: r.display, ...(r.attachments ? { attachments: r.attachments } : {}) }, settings);
  if (!o.ok) throw new GongkaiError(o.error.code as ErrorCode, o.error.text ?? o.error.message, { hint: o.error.hintText ?? o.error.hint });
  return resultOf(o);
}
