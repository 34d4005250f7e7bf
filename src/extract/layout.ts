/**
 * Layout of a notice (GB/T 9704 版头 · 主体 · 版记): where the header block ends, where the numbered
 * body runs, and where the attachment sections are. Computed once from the paragraphs; every
 * extractor reads it instead of re-scanning.
 */
import type { Paragraph } from "../text/paragraphs.js";
import { ATTACHMENT_HEADER_RE, ATTACHMENT_LIST_RE, CC_RE, DATE_BODY, DATE_LINE_RE, DOC_NUMBER_END_RE, isSignatureLine, PRINT_LINE_RE, RECIPIENTS_RE, TITLE_END_RE } from "./patterns.js";
import { mapColumns } from "./table.js";
import { matchMarker } from "./section-marker.js";
import { fold } from "../text/chars.js";


/** Signature + date on one line: "平潭县国土资源局 二〇一二年九月六日". */
export const SIGNED_DATE_RE = new RegExp(`^(?<agency>[\\p{Script=Han}、()]{2,60}?) ?(?<date>${DATE_BODY})$`, "u");

export interface AttachmentSection {
  /** 附件 number (an unnumbered single 附件 is 1). */
  readonly number: number;
  /** Paragraph index of the "附件 N" line. */
  readonly header: number;
  /** [start, end) paragraph indices of the section's content. */
  readonly start: number;
  readonly end: number;
}

export interface Layout {
  /** Index of the 主送机关 paragraph, or -1. */
  readonly recipients: number;
  /** Paragraphs [0, headerEnd) form the header block (红头, 文号, 标题). */
  readonly headerEnd: number;
  /** The numbered body: paragraphs [bodyStart, bodyEnd). Empty when bodyStart === bodyEnd. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /**
   * Every numbered block, in order: [bodyStart, bodyEnd) first, then each later document printed
   * after a signature, a date or a 附件 header under its own title and numbered from the top again.
   */
  readonly bodies: readonly (readonly [number, number])[];
  /** Index of the first date line that closes the notice part (成文日期), or -1. */
  readonly dateLine: number;
  readonly attachments: readonly AttachmentSection[];
}

const isDateLine = (p: Paragraph): boolean => DATE_LINE_RE.test(p.folded) || (SIGNED_DATE_RE.test(p.folded) && !p.row);

/** Does this paragraph end the numbered body? */
function endsBody(ps: readonly Paragraph[], i: number): boolean {
  const p = ps[i]!;
  if (p.row) return false;
  const f = p.folded;
  if (ATTACHMENT_LIST_RE.test(f) || ATTACHMENT_HEADER_RE.test(f) || CC_RE.test(f) || PRINT_LINE_RE.test(f) || isDateLine(p)) return true;
  // A signature line directly followed by the date.
  const next = ps[i + 1];
  return next !== undefined && isDateLine(next) && isSignatureLine(f);
}

export function computeLayout(ps: readonly Paragraph[]): Layout {
  const recipients = findRecipients(ps);
  const headerEnd = recipients >= 0 ? recipients : headerEndWithoutRecipients(ps);
  const sections = attachmentSections(ps, recipients + 1);
  const firstHeader = sections[0]?.header ?? ps.length;

  // The numbered body: the first item before any "附件 N" section …
  let bodyStart = ps.length;
  let bodySection: AttachmentSection | undefined;
  for (let i = Math.max(0, recipients + 1); i < firstHeader; i++) {
    const p = ps[i]!;
    if (ATTACHMENT_LIST_RE.test(p.folded)) {
      // skip the 附件 list entries (1. … 2. …) that follow it
      while (i + 1 < firstHeader && matchMarker(ps[i + 1]!.folded)?.family === "num") i++;
      continue;
    }
    if (matchMarker(p.row ? p.folded.split("\t")[0]! : p.folded, p.row) !== null) {
      bodyStart = i;
      break;
    }
  }
  // … else the plan printed as an attachment (附件 / XX实施方案 / 一、…), unless that section is a table.
  if (bodyStart === ps.length) {
    for (const sec of sections) {
      for (let i = sec.start; i < sec.end; i++) {
        const p = ps[i]!;
        if (p.row && mapColumns(rowCellTexts(p.text)) !== null) break;
        if (!p.row && matchMarker(p.folded) !== null) {
          bodyStart = i;
          bodySection = sec;
          break;
        }
      }
      if (bodySection) break;
    }
  }
  let bodyEnd = ps.length;
  for (let i = bodyStart + 1; i < ps.length; i++) {
    if (endsBody(ps, i)) {
      bodyEnd = i;
      break;
    }
  }
  if (bodyStart >= ps.length) bodyEnd = bodyStart;

  let dateLine = -1;
  for (let i = Math.max(0, recipients + 1); i < ps.length; i++) {
    const p = ps[i]!;
    if (p.row) continue;
    if (isDateLine(p)) {
      dateLine = i;
      break;
    }
  }

  const bodies = bodyStart < bodyEnd ? [[bodyStart, bodyEnd] as const, ...laterBodies(ps, bodyEnd, sections)] : [];
  let attachments = sections.filter((s) => s !== bodySection && !bodies.some(([a, b]) => s.start < b && s.end > a));
  if (sections.length === 0) {
    // A task table printed without any 附件 header counts as attachment 1.
    for (let i = headerEnd; i < ps.length; i++) {
      if (i >= bodyStart && i < bodyEnd) continue;
      const p = ps[i]!;
      const m = p.row ? mapColumns(rowCellTexts(p.text)) : null;
      // (with a 序号 column, or a role column below the notice's date and the body: a glued 分解表 has no 序号)
      if (m && m.kinds.some((k) => k.kind === "index" || (k.kind === "role" && dateLine >= 0 && i > dateLine && (bodies.length === 0 || i >= bodyEnd)))) {
        attachments = [{ number: 1, header: i, start: i, end: sectionEnd(ps, i + 1, ps.length) }];
        break;
      }
    }
  }
  return { recipients, headerEnd, bodyStart, bodyEnd, bodies, dateLine, attachments };
}

/** The title a document is printed under: a short line without sentence punctuation naming a kind of document. */
export const DOCUMENT_TITLE_RE =
  /^[^。;:,!?]{4,60}(?:方案|规定|办法|意见|细则|要点|计划|条例|规则|措施|纲要|规划|制度|标准|决定|通知|指引|指南|安排)(?:\((?:试行|暂行|修订|修订稿|征求意见稿)\))?$/u;

/** The title of a table printed as an attachment (任务清单, 分工表, 台账). */
const TABLE_TITLE_RE = /^[^。;:,!?]{2,60}(?:清单|表|台账)(?:$|序号|类别|项目|主要|重点|工作|任务)/u;

/** Does this paragraph open with a document title line (XX实施方案)? */
export function isDocumentTitle(p: Paragraph): boolean {
  const first = p.lines[0];
  return first !== undefined && !p.row && DOCUMENT_TITLE_RE.test(fold(first.text));
}

/** A marker that can open a document: 一、 / 第一章 / 第一条 numbered 1. */
function opensDocument(p: Paragraph): boolean {
  if (p.row) return false;
  const m = matchMarker(p.folded);
  return m !== null && m.ordinal === 1 && (m.family === "zh" || m.family === "chapter" || m.family === "article");
}

/**
 * Later numbered blocks: after the first body has ended (signature, date, 附件 header), a block
 * that starts at 一、 (第一章, 第一条) with a document title or a 附件 header before it is another
 * document of the notice. Table attachments stay attachments.
 */
function laterBodies(ps: readonly Paragraph[], from: number, sections: readonly AttachmentSection[]): (readonly [number, number])[] {
  const out: (readonly [number, number])[] = [];
  const headers = new Set(sections.map((s) => s.header));
  let sec = 0; // sections are in order: the last one whose header is at or before i
  let announced = false;
  for (let i = from; i < ps.length; i++) {
    const p = ps[i]!;
    while (sec + 1 < sections.length && sections[sec + 1]!.header <= i) sec++;
    if (p.row && mapColumns(rowCellTexts(p.text)) !== null) {
      // a task table: skip to the end of its attachment section
      const s = sections[sec];
      announced = false;
      if (s && s.start <= i && i < s.end) i = s.end - 1;
      continue;
    }
    if (headers.has(i) || isDocumentTitle(p)) announced = true;
    // 附件 XX任务清单 / XX分工表: a table, even when its rows were flattened into numbered lines
    if (!p.row && TABLE_TITLE_RE.test(fold(p.lines[0]?.text ?? ""))) announced = false;
    if (!announced || !opensDocument(p)) continue;
    let end = ps.length;
    for (let k = i + 1; k < ps.length; k++) {
      if (endsBody(ps, k)) {
        end = k;
        break;
      }
    }
    out.push([i, end]);
    announced = false;
    i = end - 1;
  }
  return out;
}

const rowCellTexts = (s: string): string[] => s.split("\t");

/** 主送机关: an addressee line ending with a colon, or the colon line right under the title. */
function findRecipients(ps: readonly Paragraph[]): number {
  const firstMarker = ps.findIndex((p) => !p.row && matchMarker(p.folded) !== null);
  const searchTo = Math.min(firstMarker < 0 ? ps.length : firstMarker, 40);
  for (let i = 0; i < searchTo; i++) if (RECIPIENTS_RE.test(ps[i]!.folded)) return i;
  for (let i = 1; i < searchTo; i++) {
    const f = ps[i]!.folded;
    const prev = ps[i - 1]!.folded;
    if (/:$/u.test(f) && f.length <= 150 && !/[。;]|如下/u.test(f) && (/关于/u.test(prev) || TITLE_END_RE.test(prev) || DOC_NUMBER_END_RE.test(prev))) return i;
  }
  return -1;
}

/** "附件 N" sections, each running to the next one or to the 版记 (抄送 / 印发). */
function attachmentSections(ps: readonly Paragraph[], from: number): AttachmentSection[] {
  const headers: { index: number; n: number | null }[] = [];
  for (let i = Math.max(0, from); i < ps.length; i++) {
    const m = ps[i]!.row ? null : ATTACHMENT_HEADER_RE.exec(ps[i]!.folded);
    if (m) headers.push({ index: i, n: m.groups?.n ? Number(m.groups.n) : null });
  }
  return headers.map((h, k) => {
    const next = headers[k + 1]?.index ?? ps.length;
    return { number: h.n ?? k + 1, header: h.index, start: h.index + 1, end: sectionEnd(ps, h.index + 1, next) };
  });
}

function sectionEnd(ps: readonly Paragraph[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const f = ps[i]!.folded;
    if (CC_RE.test(f) || PRINT_LINE_RE.test(f)) return i;
  }
  return to;
}

/** Without a 主送 line the header block is the run of short non-sentence paragraphs at the top. */
function headerEndWithoutRecipients(ps: readonly Paragraph[]): number {
  let i = 0;
  while (i < ps.length && i < 8) {
    const p = ps[i]!;
    if (matchMarker(p.folded) || p.row || /[。;!?]/u.test(p.folded) || p.folded.length > 80) break;
    i++;
  }
  return i;
}
