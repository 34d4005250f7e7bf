/**
 * 责任分工 (responsibility clauses) in the three shapes of GOLD.md:
 *
 *   labelled bracket  〔牵头单位：市司法局；责任单位：市政府各部门〕
 *   label line(s)     责任单位：区民政局、区财政局        (consecutive label lines form one clause)
 *   verb bracket      （生态环境部牵头，国家发展改革委、工业和信息化部参与）
 *
 * Any open bracket closes with any close bracket (〔…] and （…) occur). A bracket that is none of
 * these — an alias, a date, a cited 文号, 村（居） — is not a clause.
 */
import { say } from "../messages.js";
import { BRACKET, fold, isCloseBracket, isOpenBracket, trimChars } from "../text/chars.js";
import { NOTE_PIECE_RE, splitNames } from "../normalize/units.js";
import { type DeadlineMatch, findDeadlines } from "./deadline.js";
import { foreignKeyStart, gluedTextStart, LABEL_LINE_RE, LABEL_RE, type Role, labelKind } from "./patterns.js";

export type Units = Record<Role, string[]>;

export interface Clause {
  readonly shape: "labelled" | "labelLine" | "verb" | "column";
  /** [start, end) in the item content. */
  readonly start: number;
  readonly end: number;
  readonly units: Units;
  /** Deadlines given in the clause's own deadline field (完成时限：…). */
  readonly deadlines: DeadlineMatch[];
}

export const emptyUnits = (): Units => ({ lead: [], responsible: [], support: [], guide: [] });

/** Role verbs of verb brackets, longest first (牵头负责 is lead, 负责配合落实 is support). */
const VERBS: readonly (readonly [string, Role])[] = (
  [
    ["按职责分工负责", "responsible"], ["按职责分工配合", "support"], ["按职责分工落实", "responsible"], ["负责配合落实", "support"],
    ["按职责负责", "responsible"], ["牵头负责", "lead"], ["牵头落实", "lead"], ["牵头推进", "lead"], ["配合落实", "support"],
    ["负责落实", "responsible"], ["分工负责", "responsible"], ["共同负责", "responsible"], ["具体负责", "responsible"],
    ["参与配合", "support"], ["协助配合", "support"], ["负总责", "responsible"], ["组织落实", "responsible"], ["组织实施", "responsible"], ["负责实施", "responsible"], ["牵头实施", "lead"],
    ["配合实施", "support"], ["督促指导", "guide"], ["业务指导", "guide"], ["牵头", "lead"], ["负责", "responsible"], ["落实", "responsible"],
    ["抓好", "responsible"], ["配合", "support"], ["参与", "support"], ["协助", "support"], ["协办", "support"], ["指导", "guide"],
  ] as const
).slice().sort((a, b) => b[0].length - a[0].length);

/** Words that show a piece is a sentence, not a list of names. */
const SENTENCE_RE = /[要将需把使对为是了的。:]|应(?!急)|加强|推进|做好|完善|建立|开展/u; // 应急 is a unit word (应急管理局)

/**
 * The time piece before the first label of a bracket (`6月底完成，牵头单位：…`): short, ends with a
 * separator, holds a time point. It is the bracket's deadline field (GOLD.md "Deadlines").
 */
const TIME_PIECE_MAX = 30;

function timePiece(prefix: string, planYear: number | null): DeadlineMatch[] | null {
  const m = /^(?<piece>[^;,。:]{1,30})[;,]\s*$/u.exec(prefix);
  if (!m?.groups || prefix.length > TIME_PIECE_MAX + 2) return null;
  const found = findDeadlines(m.groups.piece!, planYear, "field");
  return found.length > 0 ? found : null;
}

/** Parse the inside of a labelled bracket or a label line; null when it does not start with a label. */
export function parseLabelled(inner: string, planYear: number | null): { units: Units; deadlines: DeadlineMatch[] } | null {
  const folded = fold(inner);
  const lead = /^[\s]*/u.exec(folded)![0].length;
  const labels = [...folded.matchAll(LABEL_RE)];
  if (labels.length === 0) return null;
  const deadlines: DeadlineMatch[] = [];
  if (labels[0]!.index !== lead) {
    const time = timePiece(folded.slice(lead, labels[0]!.index), planYear);
    if (!time) return null;
    deadlines.push(...time);
  }
  const units = emptyUnits();
  const add = (role: Role, names: readonly string[]): void => {
    for (const n of names) if (!units[role].includes(n)) units[role].push(n);
  };
  labels.forEach((m, k) => {
    const from = m.index + m[0].length;
    const to = labels[k + 1]?.index ?? inner.length;
    let seg = trimChars(inner.slice(from, to), " \t\u3000;；,，、", " \t\u3000;；,，、。");
    const lk = labelKind(m[1]!);
    if (lk.kind === "role") {
      // names never hold a 。: a label's content ends there (text whose line breaks were lost runs on)
      const stop = seg.indexOf("。");
      if (stop >= 0) seg = seg.slice(0, stop);
      seg = seg.slice(0, foreignKeyStart(seg));
      seg = seg.slice(0, gluedTextStart(seg));
      // a label's content may itself be a verb clause: its verbs decide the roles
      const verb = parseVerbClause(seg, lk.role);
      if (verb) for (const role of Object.keys(units) as Role[]) add(role, verb[role]);
      else add(lk.role, splitNames(seg));
    } else if (lk.kind === "deadline") deadlines.push(...findDeadlines(seg, planYear, "field"));
  });
  return { units, deadlines };
}

/**
 * Parse a verb bracket (State Council style); null when the content is not one. `rest` is the role
 * of names after the last verb (a label's content: `责任单位：A牵头，B` → B responsible); without it
 * such names make the content not a verb clause.
 */
/** Separators of a verb clause's groups: ，,；;。 */
const PIECE_END = new Set([..."，,；;。"].map((c) => c.charCodeAt(0)));

export function parseVerbClause(inner: string, rest?: Role): Units | null {
  if (inner.length > 400 || inner.length < 3) return null;
  const pieces: string[] = [];
  let depth = 0;
  let from = 0; // start of the current piece
  for (let i = 0; i < inner.length; i++) {
    const c = inner.charCodeAt(i);
    const b = BRACKET[c];
    if (b === 1) depth++;
    else if (b === 2) depth = Math.max(0, depth - 1);
    // groups are separated by ，；。 — and by 、 right after a role verb (A牵头负责、B组织落实)
    if (depth === 0 && (PIECE_END.has(c) || (c === 0x3001 && VERBS.some(([v]) => i - from >= v.length && inner.startsWith(v, i - v.length))))) {
      pieces.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(inner.slice(from));
  const units = emptyUnits();
  let pending: string[] = [];
  let verbs = 0;
  for (const raw of pieces) {
    const piece = raw.replace(/\s+/gu, "").replace(/^(?:由|请)/u, "").replace(/[。.]$/u, "");
    if (piece === "") continue;
    if (NOTE_PIECE_RE.test(fold(piece))) continue; // 以下均需各片区配合落实，不再列出
    const verb = VERBS.find(([v]) => piece.endsWith(v));
    const namesPart = verb ? piece.slice(0, piece.length - verb[0].length) : piece;
    const names = namesPart ? splitNames(namesPart, { verbClause: true }) : [];
    if (names.some((n) => n.length > 30 || SENTENCE_RE.test(n))) return null;
    if (!verb) {
      pending.push(...names);
      continue;
    }
    const all = [...pending, ...names];
    pending = [];
    if (all.length === 0) return null;
    verbs++;
    for (const n of all) if (!units[verb[1]].includes(n)) units[verb[1]].push(n);
  }
  if (verbs === 0 || (pending.length > 0 && !rest)) return null;
  if (rest) for (const n of pending) if (!units[rest].includes(n)) units[rest].push(n);
  return units;
}

export interface ClauseInput {
  readonly text: string;
  readonly paragraphStarts: readonly number[];
  readonly labelLines: readonly boolean[];
}

/** Find every responsibility clause in an item's content, in text order. */
/** Something a clause reader could not decide: reported as a warning with its position. */
const ALIAS_RE = /^[\s]*(?:以下|下文)?(?:简称|统称|称)/u;

export type ClauseReport = (code: "W_UNCLOSED_BRACKET" | "W_UNREAD_CLAUSE", message: string, at: number) => void;

/** Words that make a bracket look like it names units. */
const UNIT_WORDS_RE = /牵头|负责|配合|单位|部门/u;

export function findClauses(item: ClauseInput, planYear: number | null, report?: ClauseReport): Clause[] {
  const clauses: Clause[] = [];
  const text = item.text;
  // 1. Brackets at top level.
  let depth = 0;
  let start = -1;
  const tops: [number, number, boolean][] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (isOpenBracket(ch)) {
      if (depth === 0) start = i;
      depth++;
    } else if (isCloseBracket(ch) && depth > 0) {
      depth--;
      if (depth === 0) tops.push([start, i + 1, true]);
    }
  }
  if (depth > 0 && start >= 0) {
    report?.("W_UNCLOSED_BRACKET", say("unclosedBracket"), start);
    tops.push([start, text.length, false]);
  }
  for (const [s, e, closed] of tops) {
    const inner = text.slice(s + 1, closed ? e - 1 : e);
    const labelled = parseLabelled(inner, planYear);
    if (labelled) {
      clauses.push({ shape: "labelled", start: s, end: e, units: labelled.units, deadlines: labelled.deadlines });
      continue;
    }
    const verb = parseVerbClause(inner);
    if (verb) clauses.push({ shape: "verb", start: s, end: e, units: verb, deadlines: [] });
    // an alias (`以下简称政务部门`) names units but divides no work: not worth a warning
    else if (inner.length <= 200 && UNIT_WORDS_RE.test(inner) && !/[。]/u.test(inner) && !ALIAS_RE.test(inner)) {
      report?.("W_UNREAD_CLAUSE", say("unreadClause", { clause: inner.slice(0, 40) }), s);
    }
  }
  // 2. Runs of label lines.
  for (let k = 0; k < item.labelLines.length; k++) {
    if (!item.labelLines[k]) continue;
    const s = item.paragraphStarts[k]!;
    let j = k;
    while (j + 1 < item.labelLines.length && item.labelLines[j + 1]) j++;
    const e = item.paragraphStarts[j + 1] ?? text.length;
    const units = emptyUnits();
    const deadlines: DeadlineMatch[] = [];
    for (let q = k; q <= j; q++) {
      const ps = item.paragraphStarts[q]!;
      const pe = item.paragraphStarts[q + 1] ?? text.length;
      const parsed = parseLabelled(text.slice(ps, pe), planYear);
      if (!parsed) continue;
      for (const role of Object.keys(units) as Role[]) for (const n of parsed.units[role]) if (!units[role].includes(n)) units[role].push(n);
      deadlines.push(...parsed.deadlines);
    }
    // a label line may hold brackets already counted: drop those
    for (let c = clauses.length - 1; c >= 0; c--) if (clauses[c]!.start >= s && clauses[c]!.end <= e) clauses.splice(c, 1);
    clauses.push({ shape: "labelLine", start: s, end: e, units, deadlines });
    k = j;
  }
  // 3. A label run that follows the task's text on the same line (`1.建设甲小区，责任单位：区住建局。`).
  // a paragraph may start inside a top-level bracket opened on an earlier line (a PDF wraps inside it)
  let top = 0;
  for (let k = 0; k < item.labelLines.length; k++) {
    const ps = item.paragraphStarts[k]!;
    while (top < tops.length && tops[top]![1] <= ps) top++;
    if (item.labelLines[k]) continue;
    const pe = item.paragraphStarts[k + 1] ?? text.length;
    const run = inlineLabelRun(text.slice(ps, pe), top < tops.length && tops[top]![0] < ps ? 1 : 0);
    if (!run) continue;
    const [s, e] = [ps + run[0], ps + run[1]];
    const parsed = parseLabelled(text.slice(s, e), planYear);
    if (!parsed || Object.values(parsed.units).every((u) => u.length === 0)) continue;
    for (let c = clauses.length - 1; c >= 0; c--) if (clauses[c]!.start >= s && clauses[c]!.end <= e) clauses.splice(c, 1);
    clauses.push({ shape: "labelLine", start: s, end: e, units: parsed.units, deadlines: parsed.deadlines });
  }
  clauses.sort((a, b) => a.start - b.start);
  // A clause that names no unit (only 完成时限：…) belongs to the clause before it, not a task of its own.
  for (let c = clauses.length - 1; c > 0; c--) {
    const cl = clauses[c]!;
    if (Object.values(cl.units).every((u) => u.length === 0)) {
      const prev = clauses[c - 1]!;
      clauses[c - 1] = { ...prev, end: Math.max(prev.end, cl.end), deadlines: [...prev.deadlines, ...cl.deadlines] };
      clauses.splice(c, 1);
    }
  }
  return clauses;
}

/** What may stand right before a label that follows a task's text on its line. */
const BEFORE_INLINE_LABEL = new Set([..."，,。；; \u3000"]);

/**
 * 行内标签 — a role label after the task's text on the same line, outside brackets, after a
 * sentence or clause break: `…小区，责任单位：区住建局。` The run ends at the first 。 not followed by
 * another label (`牵头单位：A。配合单位：B。` is one run). [start, end) within the paragraph, or null.
 */
export function inlineLabelRun(para: string, openBrackets = 0): [number, number] | null {
  let depth = openBrackets;
  for (let i = 0; i < para.length; i++) {
    const ch = para[i]!;
    if (isOpenBracket(ch)) depth++;
    else if (isCloseBracket(ch)) depth = Math.max(0, depth - 1);
    if (i === 0 || depth > 0 || !BEFORE_INLINE_LABEL.has(para[i - 1]!)) continue;
    const head = fold(para.slice(i, i + 20));
    const m = LABEL_LINE_RE.exec(head);
    if (!m) continue;
    const label = /^[^(:]+/u.exec(m[0])![0].trim();
    if (labelKind(label).kind !== "role") continue;
    let end = para.length;
    for (let p = para.indexOf("。", i); p >= 0; p = para.indexOf("。", p + 1)) {
      let q = p + 1;
      while (q < para.length && /\s/u.test(para[q]!)) q++;
      if (q >= para.length || !LABEL_LINE_RE.test(fold(para.slice(q, q + 20)))) {
        end = p + 1;
        break;
      }
    }
    return [i, end];
  }
  return null;
}

/** Does the text end with a responsibility clause (a bracket that names units)? Looks back 400 chars at most. */
export function endsWithClause(text: string): boolean {
  let depth = 0;
  for (let i = text.length - 1; i >= 0 && text.length - i < 400; i--) {
    const ch = text[i]!;
    if (isCloseBracket(ch)) depth++;
    else if (isOpenBracket(ch) && --depth <= 0) {
      const inner = fold(text.slice(i + 1, -1));
      return LABEL_LINE_RE.test(inner) || parseVerbClause(inner) !== null;
    }
    if (depth === 0) return false;
  }
  return false;
}
