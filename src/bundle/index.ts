/**
 * A notice read together with its attachment files (附件1.doc, 附件2.xls …) as one document: the
 * files are matched to the notice's 附件说明 list (match.ts), appended under 附件N lines as if they
 * were printed after the notice (combine.ts), parsed once, and every task and warning is mapped
 * back to the file it came from (`source.file`, `warnings[].file`).
 */
import { say } from "../messages.js";
import { computeLayout } from "../extract/layout.js";
import { readInput } from "../input/index.js";
import { type ParseOptions, parseDecoded } from "../pipeline.js";
import type { InputFormat, Result, Task, Warning } from "../schema.js";
import type { Block, DecodedInput } from "../text/blocks.js";
import { SourceText } from "../text/source-text.js";
import { combine, lineAt, lineStarts, type Part, segmentAt, type Segment } from "./combine.js";
import { type FileClues, type Match, matchAttachments } from "./match.js";

export { matchAttachments, attachmentNumber, titleKey, type FileClues, type ListEntry, type Match } from "./match.js";
export { noticeScore, isNotice } from "./score.js";

export interface BundleFile {
  /** Path as given (shown in `source.file`, warnings and `document.attachments[].source`). */
  readonly path: string | null;
  readonly input: DecodedInput;
  /** Text of the link that pointed to this file on the notice's web page, if any. */
  readonly label?: string;
}

/** An attachment file that could not be read: it still gets its warning and its place in the list. */
export interface BundleFailure {
  readonly path: string;
  readonly label?: string;
  readonly error: { readonly code: string; readonly message: string };
}

export type BundleAttachment = BundleFile | BundleFailure;

const baseName = (p: string | null): string => (p ?? "").split(/[\\/]/u).pop() ?? "";

/** The first non-empty lines of a decoded file (a row's cells joined by a space). */
function firstLines(input: DecodedInput, n: number): string[] {
  const out: string[] = [];
  for (const b of input.blocks) {
    const t = b.text.replace(/\s+/gu, " ").trim();
    if (t) out.push(t);
    if (out.length >= n) break;
  }
  return out;
}

/** The notice's 附件 sections printed in the notice itself, with their source range. */
function printedSections(input: DecodedInput): Map<number, readonly [number, number]> {
  const text = new SourceText(input);
  const ps = text.paragraphs;
  const out = new Map<number, readonly [number, number]>();
  for (const a of computeLayout(ps).attachments) {
    if (a.start >= a.end) continue;
    const from = ps[a.header]?.offsets[0];
    const last = ps[a.end - 1];
    if (from !== undefined && last && !out.has(a.number)) out.set(a.number, [from, last.end]);
  }
  return out;
}

/**
 * Parse a notice and its attachment files as one document. Attachments are decoded inputs (or
 * failures to read one); the notice's own path and bytes go in `opts` as for parseDecoded.
 */
export function parseBundle(notice: DecodedInput, attachments: readonly BundleAttachment[], opts: ParseOptions = {}): Result {
  const path = opts.path ?? null;
  const alone = parseDecoded(notice, opts);
  const entries = alone.document.attachments;
  const clues: FileClues[] = attachments.map((a) => ({
    name: baseName(a.path),
    ...(a.label !== undefined ? { label: a.label } : {}),
    firstLines: "input" in a ? firstLines(a.input, 6) : [],
  }));
  const matches = matchAttachments(entries, clues);
  const printed = printedSections(notice);

  const parts: Part[] = [];
  const extraWarnings: Warning[] = [];
  const readable: { match: Match; file: BundleFile }[] = [];
  attachments.forEach((a, i) => {
    const m = matches[i]!;
    if (!("input" in a)) {
      extraWarnings.push({ code: "W_ATTACHMENT_UNREADABLE", message: say("attachmentUnreadable", { path: a.path ?? "null", n: m.number, errorCode: a.error.code, error: a.error.message }), line: null, file: a.path });
      return;
    }
    readable.push({ match: m, file: a });
    if (m.by === "unlisted") {
      extraWarnings.push({
        code: "W_ATTACHMENT_UNLISTED",
        message: entries.length
          ? say("attachmentUnlisted", { path: a.path ?? "?", n: m.number })
          : say("attachmentNoList", { path: a.path ?? "?", n: m.number }),
        line: null, file: a.path,
      });
    }
    for (const w of a.input.warnings ?? []) extraWarnings.push({ code: w.code, message: w.message, line: null, file: a.path });
  });
  readable.sort((x, y) => x.match.number - y.match.number);
  for (const r of readable) parts.push({ path: r.file.path, input: r.file.input, number: r.match.number });

  // A file stands for the copy of its attachment printed in the notice: that copy is not read twice.
  const replaced = readable.map((r) => printed.get(r.match.number)).filter((x): x is readonly [number, number] => x !== undefined);
  const drop = replaced.length ? (b: Block): boolean => replaced.some(([s, e]) => (b.offsets[0] ?? b.end) >= s && (b.offsets[0] ?? b.end) < e) : undefined;
  const combined = combine({ path, input: notice }, parts, drop);
  const result = parseDecoded(combined.input, { ...opts, bytes: opts.bytes ?? Buffer.from(notice.source, "utf8") });

  const covered = new Set([...matches.map((m) => m.number)]);
  for (const e of entries) {
    if (!covered.has(e.number) && !printed.has(e.number)) {
      extraWarnings.push({ code: "W_ATTACHMENT_MISSING", message: say("attachmentMissing", { n: e.number, title: e.title }), line: null });
    }
  }
  return remap(result, notice, combined.input.source, combined.segments, attachments, matches, extraWarnings);
}

/** An attachment file as bytes, or the error met reading it (it still gets its warning and its place). */
export type AttachmentBytes =
  | { readonly path: string; readonly bytes: Uint8Array; readonly label?: string }
  | { readonly path: string; readonly error: { readonly code: string; readonly message: string }; readonly label?: string };

/** Read the notice and its attachment files from bytes; a file that cannot be read becomes a warning. */
export async function parseBundleBuffers(notice: Uint8Array, attachments: readonly AttachmentBytes[], opts: ParseOptions = {}): Promise<Result> {
  const { path: _p, bytes: _b, format: _f, ...readOpts } = opts;
  const decoded = await readInput(notice, opts);
  const files: BundleAttachment[] = [];
  for (const a of attachments) {
    const label = a.label !== undefined ? { label: a.label } : {};
    if ("error" in a) {
      files.push({ path: a.path, error: a.error, ...label });
      continue;
    }
    try {
      files.push({ path: a.path, input: await readInput(a.bytes, { ...readOpts, path: a.path }), ...label });
    } catch (e) {
      const err = e as { code?: unknown; message?: unknown };
      files.push({ path: a.path, error: { code: typeof err.code === "string" ? err.code : "E_INTERNAL", message: String(err.message ?? e) }, ...label });
    }
  }
  return parseBundle(decoded, files, { ...opts, bytes: notice });
}

/** Map the combined document's spans and lines back to each file; record the files in document.attachments. */
function remap(result: Result, notice: DecodedInput, combinedSource: string, segments: readonly Segment[], attachments: readonly BundleAttachment[], matches: readonly Match[], extra: Warning[]): Result {
  const combinedStarts = lineStarts(combinedSource);
  const starts = new Map<Segment, Int32Array>(segments.map((s) => [s, lineStarts(s.part.input.source)]));
  const local = (s: Segment, offset: number): number => Math.min(Math.max(0, offset - s.base), s.length);
  const tasks: Task[] = result.tasks.map((t) => {
    const s = segmentAt(segments, t.source.start);
    const start = local(s, t.source.start);
    const end = Math.max(start, local(s, t.source.end));
    const { page, ...rest } = t.source;
    const keepPage = page !== undefined && s.part.input.pages !== undefined;
    return { ...t, source: { ...rest, line: lineAt(starts.get(s)!, start), start, end, ...(keepPage ? { page } : {}), file: s.part.path } };
  });
  const warnings: Warning[] = result.warnings.map((w) => {
    if (w.line === null) return w;
    const offset = combinedStarts[w.line - 1] ?? 0;
    const s = segmentAt(segments, offset);
    if (s === segments[0]) return w;
    return { ...w, line: lineAt(starts.get(s)!, local(s, offset)), file: s.part.path };
  });
  const firstUnread = (line: number | null): number | null => {
    if (line === null) return null;
    const s = segmentAt(segments, combinedStarts[line - 1] ?? 0);
    return lineAt(starts.get(s)!, local(s, combinedStarts[line - 1] ?? 0));
  };
  const formatOf = (a: BundleAttachment): InputFormat | undefined => ("input" in a ? a.input.format : undefined);
  const listed = new Map(result.document.attachments.map((a) => [a.number, { ...a }]));
  attachments.forEach((a, i) => {
    const m = matches[i]!;
    const format = formatOf(a);
    const entry = listed.get(m.number) ?? { number: m.number, title: m.title };
    listed.set(m.number, { ...entry, source: a.path, ...(format ? { format } : {}) });
  });
  const c = result.coverage;
  return {
    ...result,
    source: { ...result.source, chars: notice.source.length },
    document: { ...result.document, attachments: [...listed.values()].sort((x, y) => x.number - y.number) },
    coverage: {
      phrases: { ...c.phrases, firstUnreadLine: firstUnread(c.phrases.firstUnreadLine) },
      markers: { ...c.markers, firstUnreadLine: firstUnread(c.markers.firstUnreadLine) },
    },
    tasks,
    warnings: [...warnings, ...extra],
  };
}
