/**
 * 断行恢复 — restoring the line breaks a crawl lost. A page crawled to text can hold the whole notice,
 * from the breadcrumb to 附件下载, on one line: `…取得新成效。（二）强化市场监管1.建立台账。…牵头单位：A配合单位：B2.开展…`.
 * Such a line is cut into virtual lines (blocks whose offsets still point into the source) where the
 * notice's own structure says a line began:
 *
 *   - white space next to a CJK character (a crawler writes a space where a block element ended);
 *   - a number marker that continues its family's sequence (一、 → （一） → 1. → （1） → ①), never a
 *     `1.` inside `1.5亿` or a cited `第（一）项`;
 *   - a role or deadline label outside brackets (`…。责任单位：A配合单位：B` → one line per label);
 *   - the head of the notice: the 文号, the title (ends in 通知 / 意见 / 方案 …), the 主送 line ending in `：`;
 *   - a signature followed directly by its date (`XX管委会2015年12月25日`), the plan title after it;
 *   - 附件 lines and the page's own keys (`时间：`, `来源：`, `附件下载`).
 *
 * Used only when the text is under-broken (most of its characters sit on overlong lines): normally
 * broken text is never touched. Over-cutting is harmless — the paragraph joiner rejoins a virtual line
 * that does not end a sentence — so the cuts favour recall, and every cut is a structural shape.
 */
import { DATE_BODY, LABEL_LINE_RE, ORG_SUFFIX_RE, ROLE_OF_LABEL, PERSON_LABELS, DEADLINE_LABELS } from "../extract/patterns.js";
import { matchMarker, FAMILY_LEVEL, type MarkerFamily } from "../extract/section-marker.js";
import type { Block } from "./blocks.js";
import { BRACKET, fold, isCjk, isSpace } from "./chars.js";

/** A line this long holds more than one paragraph of a notice as printed. */
const OVERLONG = 300;
/** Share of the text on overlong lines from which the text counts as under-broken. */
const UNDER_BROKEN_SHARE = 0.6;

/** What a line's cutting found: lost breaks (white space next to CJK), marker families and labels inside it. */
export interface CutStats {
  spaces: number;
  families: Set<MarkerFamily>;
  labels: number;
}

/**
 * Is this text under-broken? Most of its characters sit on overlong lines, and those lines hide
 * structure: white space where breaks were lost, markers of two levels, or several labels inside them.
 * A normal paragraph with an inline enumeration (`…：1.…；2.…`) shows only one marker family.
 */
export function isUnderBroken(blocks: readonly Block[], stats?: CutStats): boolean {
  let total = 0;
  let long = 0;
  for (const b of blocks) {
    const n = b.text.length;
    total += n;
    if (n >= OVERLONG) long += n;
  }
  if (total === 0 || long < OVERLONG || long / total < UNDER_BROKEN_SHARE) return false;
  if (!stats) return true;
  return stats.spaces >= 3 || stats.families.size >= 2 || stats.labels >= 2;
}

/** Cut the overlong lines of an under-broken text into virtual lines; other texts are returned as they are. */
export function relineBlocks(blocks: readonly Block[]): Block[] {
  if (!isUnderBroken(blocks)) return blocks as Block[];
  const out: Block[] = [];
  const state = new MarkerState();
  const stats: CutStats = { spaces: 0, families: new Set(), labels: 0 };
  for (const b of blocks) {
    if (b.text.length < OVERLONG) {
      out.push(b);
      continue;
    }
    for (const [s, e] of cutLine(b.text, state, stats)) {
      out.push({ text: b.text.slice(s, e), offsets: b.offsets.subarray(s, e), end: e < b.text.length ? b.offsets[e]! : b.end });
    }
  }
  return isUnderBroken(blocks, stats) ? out : (blocks as Block[]);
}

const TERMINAL = new Set([..."。；;！!？?：:"]);
const CLOSERS = new Set([..."）)〕]】］」』”"]);
const ZH_NUMERAL = new Set([..."〇零一二三四五六七八九十百千两"]);
const MARKER_FIRST = new Set([..."一二三四五六七八九十(0123456789"]);
const LABEL_FIRST = new Set([...ROLE_OF_LABEL.keys(), ...PERSON_LABELS, ...DEADLINE_LABELS].map((l) => l[0]!));
/** What follows a cited marker, not an item: `（二）、（三）`, `（一）至（三）`, `1、2` (`第（一）项` is caught by 第). */
const CITED_AFTER = new Set([..."、,，.。;；:：)）至到"]);
/** What precedes a cited marker: `第（一）项`, `按照（二）`. */
const CITED_BEFORE = new Set([..."第按照见据依如同在于、"]);
/** Title endings of a notice or of the plan it issues. */
const TITLE_END = /(?:通知|意见|决定|通报|批复|报告|公告|通告|决议|方案|计划|要点|办法|规定|细则|规划|安排|分解表|纲要|清单|预案)/gu;
/** A date closing the notice (成文日期), on folded text. */
export const DATE_AT = new RegExp(`^${DATE_BODY}`, "u");
/** A date ending a string (`…2016年5月10日`). */
export const DATE_END = new RegExp(`${DATE_BODY}$`, "u");
/** Keys a web page prints around the notice. */
const PAGE_KEY = /^(?:当前位置|您的位置|你的位置|所在位置|(?:发布|发文|更新)?时间|(?:发布)?日期|来源|信息来源|文章来源|附件下载|相关附件|浏览次数|阅读次数|点击数)[:]?/u;
/** A file name of an attachment link. */
const FILE_NAME_END = /\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|txt|jpg|png)$/iu;

/** Where each marker family stands while a line is read. */
class MarkerState {
  private last = new Map<MarkerFamily, number>();
  /** Families whose numbering may restart at 1 (a shallower marker came since). */
  private restartable = new Set<MarkerFamily>();

  accepts(family: MarkerFamily, ordinal: number): boolean {
    const last = this.last.get(family);
    if (last === undefined) return ordinal === 1;
    if (ordinal === last + 1) return true;
    return ordinal === 1 && this.restartable.has(family);
  }

  started(family: MarkerFamily): boolean {
    return this.last.has(family);
  }

  /** Is this the first marker of its family since a shallower one (a sub-list may follow its heading directly)? */
  opens(family: MarkerFamily, ordinal: number): boolean {
    return ordinal === 1 && (this.last.get(family) === undefined || this.restartable.has(family));
  }

  take(family: MarkerFamily, ordinal: number): void {
    this.last.set(family, ordinal);
    this.restartable.delete(family);
    for (const f of Object.keys(FAMILY_LEVEL) as MarkerFamily[]) if (FAMILY_LEVEL[f] > FAMILY_LEVEL[family]) this.restartable.add(f);
  }
}

/** The [start, end) ranges of the virtual lines of one overlong line. */
export function cutLine(text: string, state: MarkerState = new MarkerState(), stats?: CutStats): [number, number][] {
  const f = fold(text);
  const n = f.length;
  const cuts = new Set<number>();
  /** Position after the last cut (or white space), to tell "at a line start" from "inside a sentence". */
  let pieceStart = 0;
  let depth = 0;
  let openAt = -1;
  /** Where the last accepted marker ended, and whether a sentence ended since (a heading runs into its first sub-marker). */
  let markerEnd = -1;
  let sentenceSince = true;
  let headDone = false;
  /** A label line is open: its content ends at its sentence end (the text after 。 began a new line). */
  let labelOpen = false;

  const add = (at: number): void => {
    if (at > 0 && at < n) cuts.add(at);
  };
  const cut = (at: number): void => {
    add(at);
    pieceStart = at;
  };
  const head = (to: number): void => {
    if (headDone) return;
    headDone = true;
    cutHead(f, 0, to, add);
  };

  for (let i = 0; i < n; i++) {
    const c = f[i]!;
    const code = f.charCodeAt(i);
    if (isSpace(code)) {
      // white space next to a CJK character is a lost line break; `2016-02-18 08:00` stays one piece
      let j = i;
      while (j < n && isSpace(f.charCodeAt(j))) j++;
      const before = i > 0 ? f.charCodeAt(i - 1) : 0;
      const after = j < n ? f.charCodeAt(j) : 0;
      if (depth === 0 && (isCjk(before) || isCjk(after))) {
        if (i > 0 && j < n && stats) stats.spaces++;
        cut(i);
        cut(j);
        labelOpen = false;
      }
      i = j - 1;
      continue;
    }
    const prev = i > pieceStart ? f[i - 1]! : "";
    const atStart = i === pieceStart;
    const afterBreak = atStart || TERMINAL.has(prev) || CLOSERS.has(prev);

    if (depth === 0) {
      // a number marker that continues its family
      if (MARKER_FIRST.has(c) || (code >= 0x2460 && code <= 0x2487)) {
        const m = matchMarker(f.slice(i, i + 16));
        if (m && markerFits(f, i, m.family, m.ordinal, m.markerLength, prev, afterBreak, state, markerEnd, sentenceSince)) {
          head(i);
          if (i > 0) stats?.families.add(m.family);
          cut(i);
          labelOpen = false;
          state.take(m.family, m.ordinal);
          markerEnd = i + m.markerLength;
          sentenceSince = false;
          i += m.markerLength - 1; // a bracketed marker's brackets are balanced: skipped with it
          continue;
        }
      }
      // a role / deadline label outside brackets starts a label line
      if (LABEL_FIRST.has(c) && LABEL_LINE_RE.test(f.slice(i, i + 16))) {
        if (i > 0 && stats) stats.labels++;
        cut(i);
        labelOpen = true;
        const colon = f.indexOf(":", i);
        if (colon > 0) i = colon;
        continue;
      }
      // the page's own keys (`时间：`, `来源：`, `附件下载`) after a break
      if (afterBreak && PAGE_KEY.test(f.slice(i, i + 8)) && !atLabelTail(f, i)) cut(i);
      // 附件 / 附件1 / 附件： after a break starts a line
      if (c === "附" && f.startsWith("附件", i) && (afterBreak || dateEndsAt(f, i)) && !f.startsWith("附件下载", i)) {
        const next = f[i + 2] ?? "";
        if (/[\d:一二三四五六七八九十\p{Script=Han}]/u.test(next)) cut(i);
      }
      // a closing date: after a signature (`…贡献。XX管委会2016年2月17日`) or alone after a break
      if (DATE_FIRST.has(c) && (i === 0 || !/[\d〇零一二三四五六七八九十]/u.test(f[i - 1]!))) {
        const d = DATE_AT.exec(f.slice(i, i + 24));
        if (d) {
          const end = i + d[0].length;
          const rest = f.slice(end, end + 4);
          const org = NOT_CLOSING_AFTER.test(rest) ? -1 : signatureBefore(f, i, pieceStart);
          if (org >= 0 || (afterBreak && closingDate(rest))) {
            if (org >= 0) cut(org);
            cut(i);
            const after = rest.startsWith("印发") ? end + 2 : end;
            cut(after);
            planTitleAfter(f, after, cut);
            i = after - 1;
            continue;
          }
        }
      }
    }

    if (c === "。" || c === ";" || c === "；") sentenceSince = true;
    if (c === "。" && depth === 0 && labelOpen) {
      cut(i + 1);
      labelOpen = false;
    }
    const b = BRACKET[code];
    if (b === 1) {
      if (depth === 0) openAt = i;
      depth++;
    } else if (b === 2 && depth > 0) depth--;
    // an unclosed bracket must not hold the rest of the text
    if (depth > 0 && i - openAt > 300) depth = 0;

    // the head of the notice: 文号, title, 主送 — before the first sentence of the body
    if (c === "。") head(i);
  }
  head(n);

  const sorted = [...cuts].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  let s = 0;
  for (const c of [...sorted, n]) {
    // drop white space at both ends of a piece
    let a = s;
    let e = c;
    while (a < e && isSpace(text.charCodeAt(a))) a++;
    while (e > a && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > a) ranges.push([a, e]);
    s = c;
  }
  return ranges;
}

/** A date followed by these is a time in a sentence, not the date that closes the notice. */
const NOT_CLOSING_AFTER = /^(?:起|前|以前|之前|至|到|开始|召开|举行|以来|后|以后|发布|施行|实施|止|期间|在|的|,|，|、)/u;

/** The second marker of each family, on folded text. */
const SECOND: Readonly<Partial<Record<MarkerFamily, string>>> = {
  chapter: "第二章", section: "第二节", article: "第二条", zh: "二、", zhParen: "(二)", num: "2.", numParen: "(2)", circled: "②",
};

const DATE_FIRST = new Set([..."0123456789〇零一二三四五六七八九"]);

/** Does a number marker at i continue the structure (and not cite or count something)? */
function markerFits(
  f: string, i: number, family: MarkerFamily, ordinal: number, len: number, prev: string, afterBreak: boolean,
  state: MarkerState, markerEnd: number, sentenceSince: boolean,
): boolean {
  if (!state.accepts(family, ordinal)) return false;
  const next = f[i + len] ?? "";
  if (CITED_AFTER.has(next) || next === "") return false;
  if (prev && CITED_BEFORE.has(prev)) return false;
  if (family === "zh" && prev && ZH_NUMERAL.has(prev)) return false; // 十二、 / 统一、
  if ((family === "num" || family === "numParen") && prev && /[\dA-Za-z.%]/u.test(prev)) return false; // 12. / 1.5
  if (family === "num" && /^\d/u.test(next)) return false;
  if (afterBreak) return true;
  // the first sub-marker may follow its heading directly: 一、强化政策规划引导（一）完善…
  if (state.opens(family, ordinal) && markerEnd >= 0 && !sentenceSince && i - markerEnd <= 60) return true;
  // a family's first marker after other text (a flattened table header: …牵头单位一、加强…1.增强…) when its
  // second marker follows: markers in order
  const second = SECOND[family];
  if (!state.started(family)) return ordinal === 1 && second !== undefined && f.indexOf(second, i + len) > 0;
  if (state.opens(family, ordinal)) return false;
  // a continuing ordinal may follow a unit name or a heading (…配合单位：区财政局2.开展…)
  return family !== "zh" || /[\p{Script=Han}]/u.test(prev);
}

/** `完成时间：` — the `时间：` inside a label is not a page key. */
function atLabelTail(f: string, i: number): boolean {
  return i >= 2 && LABEL_LINE_RE.test(f.slice(Math.max(0, i - 4), i + 4));
}

/** Does a date end just before i (`2016年5月10日附件…`)? */
function dateEndsAt(f: string, i: number): boolean {
  return f[i - 1] === "日" && DATE_END.test(f.slice(Math.max(0, i - 16), i));
}

/** What may follow a closing date: nothing, white space, 印发, an attachment, a page key, or a title-like run. */
function closingDate(rest: string): boolean {
  if (rest === "" || isSpace(rest.charCodeAt(0))) return true;
  if (rest.startsWith("印发") || rest.startsWith("附件") || PAGE_KEY.test(rest)) return true;
  return false;
}

/**
 * Start of an organisation name ending just before i (a signature: `…贡献。XX管委会2016年2月17日`), or -1.
 * The name runs back to the previous break and must look like an organisation.
 */
function signatureBefore(f: string, i: number, pieceStart: number): number {
  let s = i;
  while (s > pieceStart && s > i - 60 && !TERMINAL.has(f[s - 1]!) && !CLOSERS.has(f[s - 1]!) && !isSpace(f.charCodeAt(s - 1)) && f[s - 1] !== ",") s--;
  if (s === i - 60) return -1; // ran out of room: a sentence, not a name
  while (s < i && !/\p{Script=Han}/u.test(f[s]!)) s++; // `联系电话：137…XX办公室`: the name starts at its first Han character
  const name = f.slice(s, i);
  if (name.length < 2 || name.length > 60 || !ORG_SUFFIX_RE.test(name)) return -1;
  return s;
}

/** After the signature date, a plan title that runs into its preamble: cut after its title ending. */
function planTitleAfter(f: string, from: number, cut: (at: number) => void): void {
  let j = from;
  while (j < f.length && isSpace(f.charCodeAt(j))) j++;
  const stop = firstOf(f, j, Math.min(f.length, j + 80), ",。:;");
  const seg = f.slice(j, stop);
  let end = -1;
  TITLE_END.lastIndex = 0;
  for (let m = TITLE_END.exec(seg); m; m = TITLE_END.exec(seg)) end = m.index + m[0].length;
  if (end > 0 && end < seg.length && !/^[》」”"、)]/u.test(seg.slice(end))) cut(j + end);
}

function firstOf(f: string, from: number, to: number, chars: string): number {
  for (let k = from; k < to; k++) if (chars.includes(f[k]!)) return k;
  return to;
}

/**
 * The head of a notice run together: `岚综管办〔2015〕66号XX关于印发《…》的通知区直各单位，各乡镇：经…`.
 * Cut after the 文号, after the title's ending, and after the 主送 colon. `to` is the first sentence end.
 */
function cutHead(f: string, from: number, to: number, cut: (at: number) => void): void {
  // the 主送 colon: the first colon before the first full stop that is not a page key's (`时间：…`)
  // a notice's head is short: looking further would only cost time on hostile input
  const bound = Math.min(f.length, to, from + HEAD_MAX);
  const stop = f.slice(from, bound).indexOf("。");
  const limit = stop < 0 ? bound : from + stop;
  let colon = limit;
  for (let k = from; k < limit; k++) {
    if (f[k] !== ":" || (/\d/u.test(f[k - 1] ?? "") && /\d/u.test(f[k + 1] ?? ""))) continue; // not a time 08:00
    let s = k;
    while (s > from && !isSpace(f.charCodeAt(s - 1))) s--;
    if (!PAGE_KEY.test(f.slice(s, k + 1))) {
      colon = k;
      break;
    }
  }
  // without a 主送 line the title runs into the preamble: it ends before the first comma
  const headEnd = colon < limit ? colon : firstOf(f, from, limit, ",");
  let start = from;
  const docNo = /[[(]\d{4}[\])]第?\d{1,6}号/gu;
  const head = f.slice(from, headEnd);
  for (let m = docNo.exec(head); m; m = docNo.exec(head)) {
    const at = from + m.index;
    const open = f.lastIndexOf("(", at - 1);
    if (open >= 0 && at - open <= 24 && f.lastIndexOf(")", at - 1) < open) continue; // a cited 文号
    cut(at + m[0].length);
    start = at + m[0].length;
  }
  const seg = f.slice(start, headEnd);
  let end = -1;
  TITLE_END.lastIndex = 0;
  for (let m = TITLE_END.exec(seg); m; m = TITLE_END.exec(seg)) {
    const after = seg.slice(m.index + m[0].length, m.index + m[0].length + 1);
    if (!/^[》」”"、)]/u.test(after)) end = m.index + m[0].length;
  }
  // a title has no comma: `根据…要求，现将有关事项通知如下：` is a sentence
  if (end > 0 && /关于|印发|转发|批复/u.test(seg.slice(0, end)) && !/[,，]/u.test(seg.slice(0, end))) cut(start + end);
  if (colon < limit) cut(colon + 1);
}

/** Characters of a line searched for the head of a notice (文号, title, 主送). */
const HEAD_MAX = 600;

/** Is this virtual line only a file name (an attachment link)? */
export const isFileName = (s: string): boolean => s.length <= 120 && FILE_NAME_END.test(s.trim());
