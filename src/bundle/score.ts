/**
 * Is a file a notice (通知) or an attachment? A notice has a title naming a kind of 公文 (关于…的通知),
 * a 主送 line, a 文号, a 附件说明 list and a closing date; an attachment (a task table, a plan)
 * has few of these. Scored on the parsed document, so every format is judged the same way.
 */
import type { Result } from "../schema.js";

/** The kinds of 公文 that issue or forward attachments. */
const NOTICE_KIND_RE = /的(?:通知|通报|决定|意见|批复|函|请示|报告|公告|通告)$/u;
const isNoticeTitle = (t: string | null): boolean => t !== null && t.includes("关于") && NOTICE_KIND_RE.test(t);

/** 0 (surely an attachment) … 6 (every part of a notice). */
export function noticeScore(r: Result): number {
  const d = r.document;
  let score = 0;
  if (isNoticeTitle(d.title)) score += 2;
  if (d.recipients.length > 0) score += 2;
  if (d.docNumber !== null) score += 1;
  if (d.attachments.length > 0 && isNoticeTitle(d.title)) score += 1;
  return score;
}

/** A title of a notice plus one more part of one (主送 or 文号) makes a notice. */
export const isNotice = (r: Result): boolean => noticeScore(r) >= 3;
