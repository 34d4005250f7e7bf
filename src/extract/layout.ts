/**
 * Layout of a notice (GB/T 9704 版头 · 主体 · 版记): where the header block ends, where the numbered
 * body runs, and where the attachment sections are. Computed once from the paragraphs; every
 * extractor reads it instead of re-scanning.
 */
import type { Paragraph } from "../text/paragraphs.js";
import { ATTACHMENT_HEADER_RE, ATTACHMENT_LIST_RE, CC_RE, DATE_BODY, DATE_LINE_RE, PRINT_LINE_RE, RECIPIENTS_RE } from "./patterns.js";
import { matchMarker } from "./section-marker.js";

/** Organisation-name endings, used to recognise a signature line. */
export const ORG_SUFFIX_RE =
  /(?:办公室|办公厅|人民政府|政府|委员会|管委会|管理委员会|指挥部|办事处|领导小组|小组|党委|党组|中心|公司|集团|局|厅|部|委|办|院|署|会|所|队|处|科|站|社|行|馆|团|组|室)$/u;


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
  return f.length <= 40 && ORG_SUFFIX_RE.test(f) && next !== undefined && isDateLine(next) && !/[,，。;；:]/u.test(f);
}

export function computeLayout(ps: readonly Paragraph[]): Layout {
  const firstMarker = ps.findIndex((p) => !p.row && matchMarker(p.folded) !== null);
  const searchTo = firstMarker < 0 ? Math.min(ps.length, 40) : firstMarker;
  let recipients = -1;
  for (let i = 0; i < searchTo && i < 40; i++) {
    if (RECIPIENTS_RE.test(ps[i]!.folded)) {
      recipients = i;
      break;
    }
  }
  const headerEnd = recipients >= 0 ? recipients : headerEndWithoutRecipients(ps);

  let bodyStart = ps.length;
  for (let i = Math.max(0, recipients + 1); i < ps.length; i++) {
    const p = ps[i]!;
    if (ATTACHMENT_LIST_RE.test(p.folded)) {
      // skip the 附件 list entries (1. … 2. …) that follow it
      while (i + 1 < ps.length && matchMarker(ps[i + 1]!.folded)?.family === "num") i++;
      continue;
    }
    if (ATTACHMENT_HEADER_RE.test(p.folded)) break; // attachments before any item: no numbered body
    if (matchMarker(p.row ? p.folded.split("\t")[0]! : p.folded) !== null) {
      bodyStart = i;
      break;
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

  const attachments: AttachmentSection[] = [];
  const headers: { index: number; n: number | null }[] = [];
  for (let i = Math.max(bodyEnd, recipients + 1); i < ps.length; i++) {
    const m = /^附件 ?(?<n>\d{1,2})?$/u.exec(ps[i]!.folded);
    if (m) headers.push({ index: i, n: m.groups?.n ? Number(m.groups.n) : null });
  }
  headers.forEach((h, k) => {
    const next = headers[k + 1]?.index ?? ps.length;
    let end = next;
    for (let i = h.index + 1; i < next; i++) {
      const f = ps[i]!.folded;
      if (CC_RE.test(f) || PRINT_LINE_RE.test(f)) {
        end = i;
        break;
      }
    }
    attachments.push({ number: h.n ?? k + 1, header: h.index, start: h.index + 1, end });
  });

  return { recipients, headerEnd, bodyStart, bodyEnd, dateLine, attachments };
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
