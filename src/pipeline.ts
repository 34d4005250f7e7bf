/**
 * The pipeline, declared as one ordered list of small extractors (chrono's configuration,
 * attw's check list). Each extractor reads the SourceText (normalised once), the layout, and the
 * findings of the extractors before it; `assemble` turns the findings into the validated Result.
 */
import { createHash } from "node:crypto";
import { type AttachmentFinding, type TableRowFinding, attachmentList, attachmentTables } from "./extract/attachments.js";
import { type CcFinding, cc } from "./extract/cc.js";
import { type IssueDateFinding, type PrintDateFinding, issueDate, printDate } from "./extract/dates.js";
import { type DocNumberFinding, docNumber } from "./extract/doc-number.js";
import { type DisclosureFinding, type HeaderIssuerFinding, type RecipientsFinding, type TitleFinding, disclosure, headerIssuer, metaField, recipients, title } from "./extract/header.js";
import { noticeMeta } from "./extract/header-meta.js";
import { computeLayout } from "./extract/layout.js";
import { ORG_SUFFIX_RE } from "./extract/patterns.js";
import { type ReferenceFinding, references } from "./extract/references.js";
import { type ItemFinding, sections } from "./extract/sections.js";
import type { Diagnostic, ExtractContext, Extractor, Finding } from "./extract/types.js";
import { checkDecodedSize } from "./input/decoded-limits.js";
import { say } from "./messages.js";
import { readInput, readTextString, type ReadOptions } from "./input/index.js";
import { lowCoverage, measureCoverage, scanCoverage } from "./normalize/coverage.js";
import { itemTasks, sectionTree, tableTasks } from "./normalize/tasks.js";
import { SCHEMA_VERSION, type Result, type Warning } from "./schema.js";
import type { DecodedInput } from "./text/blocks.js";
import { SourceText } from "./text/source-text.js";

/** The extractors, in the order they run. */
export const extractors: readonly Extractor<Finding>[] = [
  docNumber,
  headerIssuer,
  title,
  recipients,
  disclosure,
  issueDate,
  printDate,
  references,
  attachmentList,
  sections,
  attachmentTables,
  cc,
];

export interface ParseOptions extends ReadOptions {
  /** Raw bytes of the input, for the sha256 in `source` (defaults to the UTF-8 of the text). */
  bytes?: Uint8Array;
}

/** Parse a notice given as text (plain text or Markdown). */
export function parseNotice(text: string, opts: ParseOptions = {}): Result {
  const fmt = opts.format === "markdown" || opts.format === "text" ? opts.format : undefined;
  return parseDecoded(readTextString(text, fmt, opts.encoding ?? "utf-8"), opts);
}

/** Parse a notice from bytes in any supported format. */
export async function parseBuffer(bytes: Uint8Array, opts: ParseOptions = {}): Promise<Result> {
  const decoded = await readInput(bytes, opts);
  return parseDecoded(decoded, { ...opts, bytes });
}

/** Run the extractors over an already decoded input. */
export function parseDecoded(input: DecodedInput, opts: ParseOptions = {}): Result {
  checkDecodedSize(input); // memory grows with lines and characters: past the caps, a typed error
  const text = new SourceText(input);
  const layout = computeLayout(text.paragraphs);
  const found = new Map<string, Finding[]>();
  const diagnostics: Diagnostic[] = [];
  const ctx: ExtractContext = {
    text,
    layout,
    findings: <K extends string>(kind: K) => (found.get(kind) ?? []) as (Finding & { kind: K })[],
    report: (d) => void diagnostics.push(d),
  };
  for (const e of extractors) found.set(e.name, e.extract(ctx));
  return assemble(input, text, found, diagnostics, opts);
}

const one = <T>(found: Map<string, Finding[]>, kind: string): T | undefined => found.get(kind)?.[0] as T | undefined;
const all = <T>(found: Map<string, Finding[]>, kind: string): T[] => (found.get(kind) ?? []) as T[];

function assemble(input: DecodedInput, text: SourceText, found: Map<string, Finding[]>, diagnostics: Diagnostic[], opts: ParseOptions): Result {
  const dn = one<DocNumberFinding>(found, "docNumber");
  const t = one<TitleFinding>(found, "title");
  const issue = one<IssueDateFinding>(found, "issueDate");
  const print = one<PrintDateFinding>(found, "printDate");
  const headerOrg = one<HeaderIssuerFinding>(found, "headerIssuer");
  const titleOrg = t ? /^(?<org>.{2,40}?)关于/u.exec(t.title)?.groups?.org : undefined;
  const issuer =
    headerOrg?.issuer ?? issue?.issuer ?? print?.issuer ?? metaField(noticeMeta(text), "发文机关") ??
    (titleOrg && ORG_SUFFIX_RE.test(titleOrg) ? titleOrg : null);
  const titleYear = t ? /(?:19|20)\d{2}/u.exec(t.title)?.[0] : undefined;
  const year = titleYear ? Number(titleYear) : dn?.year ?? (issue ? Number(issue.date.slice(0, 4)) : print ? Number(print.date.slice(0, 4)) : null);

  const warnings: Warning[] = [
    ...(input.warnings ?? []).map((w) => ({ code: w.code, message: w.message, line: null })),
    ...diagnostics.map((d) => ({ code: d.ruleId, message: d.reason, line: d.span ? text.lineOf(d.span[0]) : null })),
    ...text.notes.map((n) => ({ code: n.code, message: n.message, line: text.lineOf(n.offset) })),
  ];
  const warn = (code: string, message: string, offset: number | null): void =>
    void warnings.push({ code, message, line: offset === null ? null : text.lineOf(offset) });

  const items = all<ItemFinding>(found, "item");
  const attachments = all<AttachmentFinding>(found, "attachment");
  const taskCtx = { text, planYear: year, warn };
  const tasks = [...itemTasks(items, taskCtx), ...tableTasks(all<TableRowFinding>(found, "tableRow"), attachments, taskCtx)];

  if (items.length === 0) warn("W_NO_ITEMS", say("noItems"), null);
  if (tasks.length > 0 && tasks.every((x) => !x.leadUnits.length && !x.responsibleUnits.length && !x.supportUnits.length && !x.guideUnits.length)) {
    warn("W_NO_UNITS", say("noUnits"), null);
  }
  const measure = measureCoverage(
    scanCoverage(text),
    {
      tasks: tasks.map((x) => [x.source.start, x.source.end] as const),
      sections: items.map((it) => it.span),
      rows: [...items.filter((it) => it.cells).map((it) => it.span), ...tasks.filter((x) => x.origin === "table").map((x) => [x.source.start, x.source.end] as const)],
    },
    (offset) => text.lineOf(offset),
  );
  const low = lowCoverage(measure);
  if (low) warn("W_LOW_COVERAGE", low.message, low.offset);
  const floor = issue?.date;
  if (floor) {
    for (const task of tasks) {
      for (const d of task.deadlines) if (d.date < floor) warn("W_DEADLINE_BEFORE_ISSUE", say("deadlineBeforeIssue", { id: task.id, date: d.date, issued: floor }), task.source.start);
    }
  }

  const sha256 = createHash("sha256").update(opts.bytes ?? Buffer.from(input.source, "utf8")).digest("hex");
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: opts.path ?? null,
      format: input.format,
      encoding: input.encoding,
      sha256,
      chars: input.source.length,
      ...(input.pages ? { pages: input.pages } : {}),
    },
    document: {
      issuer,
      docNumber: dn ? { raw: dn.raw, agency: dn.agency, year: dn.year, serial: dn.serial } : null,
      title: t?.title ?? null,
      recipients: [...(one<RecipientsFinding>(found, "recipients")?.names ?? [])],
      issueDate: issue?.date ?? null,
      printDate: print?.date ?? null,
      disclosure: one<DisclosureFinding>(found, "disclosure")?.value ?? null,
      year,
      attachments: dedupeAttachments(attachments),
      // the plan this notice issues (关于印发《…》的通知) is not a cited document
      references: all<ReferenceFinding>(found, "reference")
        .filter((r) => !t?.title.includes(r.title))
        .map((r) => ({ title: r.title, docNumber: r.docNumber })),
      cc: [...(one<CcFinding>(found, "cc")?.names ?? [])],
    },
    coverage: measure.coverage,
    sections: sectionTree(items),
    tasks,
    // every message is one line: a quoted span may hold a line break
    warnings: warnings.map((w) => ({ ...w, message: w.message.replace(/[\n\r\v\f\u0085\u2028\u2029]+/gu, " ") })),
  };
}

function dedupeAttachments(list: readonly AttachmentFinding[]): { number: number; title: string }[] {
  const seen = new Set<number>();
  return list.filter((a) => !seen.has(a.number) && seen.add(a.number)).map((a) => ({ number: a.number, title: a.title }));
}
