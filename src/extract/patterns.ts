/**
 * Shared label lists and line patterns. All patterns run on folded text (see text/chars.ts:
 * （）→(), 〔〕【】→[], ：→:, ；→;, ，→, and full-width digits → ASCII), so each is written once.
 * Every pattern is anchored or bounded: none can backtrack catastrophically.
 */
import { isCloseBracket, isOpenBracket } from "../text/chars.js";

export type Role = "lead" | "responsible" | "support" | "guide";

/** Role labels (GOLD.md "Role labels"), longest first where one is a prefix of another. */
export const ROLE_LABELS: Readonly<Record<Role, readonly string[]>> = {
  lead: ["牵头单位", "牵头部门", "牵头处室", "牵头科室", "牵头机构", "主办单位", "主办部门", "主责单位", "主责部门"],
  responsible: [
    "责任单位", "责任部门", "责任处室", "责任科室", "责任主体", "实施单位", "实施主体", "推进单位", "承办单位",
    "完成单位", "落实单位", "承担单位",
  ],
  support: [
    "配合单位", "配合部门", "配合处室", "协办单位", "协助单位", "协同单位", "参与单位", "参加单位", "支撑单位",
  ],
  guide: ["指导单位", "指导部门"],
};

/** Labels that name people, not units: their clause segment is dropped. */
export const PERSON_LABELS = ["牵头领导", "责任领导", "分管领导", "包保领导", "责任人", "联系人", "牵头人"] as const;

/** Labels of a deadline field (完成时限：2019年8月). */
export const DEADLINE_LABELS = ["完成时限", "完成时间", "完成期限", "办结时限", "时间节点", "时限要求", "时间要求", "时限"] as const;

export const ROLE_OF_LABEL = new Map<string, Role>(
  (Object.entries(ROLE_LABELS) as [Role, readonly string[]][]).flatMap(([role, labels]) => labels.map((l) => [l, role] as const)),
);

const alt = (xs: readonly string[]): string => [...xs].sort((a, b) => b.length - a.length).join("|");

/** Role words (GOLD.md "Role labels"): a label is recognised by its role word, not only by the listed strings. */
export const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  lead: ["牵头", "主办", "主责"],
  responsible: ["责任", "实施", "推进", "承办", "落实", "完成", "承担"],
  support: ["配合", "协办", "协助", "协同", "参与", "参加", "支撑"],
  guide: ["指导"],
};
const ROLE_OF_WORD = new Map<string, Role>(
  (Object.entries(ROLE_WORDS) as [Role, readonly string[]][]).flatMap(([role, ws]) => ws.map((w) => [w, role] as const)),
);

/**
 * A label by shape: a role word, at most four more characters, then 单位 / 部门 / 处室 / 科室 / 处
 * (牵头督办单位, 责任处室, 牵头处（单位）). Bounded, so it cannot backtrack.
 */
const ROLE_SHAPE = String.raw`(?:${alt([...ROLE_OF_WORD.keys()])})\p{Script=Han}{0,4}?(?:单位|部门|处室|科室|处)`;

export const ANY_LABEL = `${alt([...ROLE_OF_LABEL.keys(), ...PERSON_LABELS, ...DEADLINE_LABELS])}|${ROLE_SHAPE}`;

/** A label followed by a colon, optionally with a short parenthetical: 责任单位（部门）：. */
export const LABEL_RE = new RegExp(`(${ANY_LABEL})(?:\\([^()]{0,8}\\))?[ ]?:`, "gu");

/** A paragraph that starts with a label and a colon (a label line). */
export const LABEL_LINE_RE = new RegExp(`^(?:${ANY_LABEL})(?:\\([^()]{0,8}\\))?[ ]?:`, "u");

export type LabelKind = { kind: "role"; role: Role } | { kind: "person" } | { kind: "deadline" };

export function labelKind(label: string): LabelKind {
  const role = ROLE_OF_LABEL.get(label);
  if (role) return { kind: "role", role };
  if ((DEADLINE_LABELS as readonly string[]).includes(label)) return { kind: "deadline" };
  if ((PERSON_LABELS as readonly string[]).includes(label)) return { kind: "person" };
  const byWord = ROLE_OF_WORD.get(label.slice(0, 2));
  return byWord ? { kind: "role", role: byWord } : { kind: "person" };
}

/** Chinese numerals as used in markers and dates. */
export const ZH_DIGITS = "〇零一二三四五六七八九十百两";

/** Page furniture: "— 8 —", "- 3 -", "第3页 共9页", "共9页第3页", "-- 1 of 9 --", a lone number. */
export const PAGE_FURNITURE_RE =
  /^(?:[—–\-－─]{1,3} ?\d{1,4} ?[—–\-－─]{1,3}|第 ?\d{1,4} ?页(?: ?[,/]? ?共 ?\d{1,4} ?页)?|共 ?\d{1,4} ?页 ?[,/]? ?第 ?\d{1,4} ?页|-- ?\d{1,4} of \d{1,4} ?--|\d{1,4}|[-—]?\s?\d{1,4} ?\/ ?\d{1,4}\s?[-—]?)$/u;

const Y = `(?:\\d{4}|[〇零一二三四五六七八九]{4})`;
const M = `(?:\\d{1,2}|[一二三四五六七八九十]{1,3})`;
export const DATE_BODY = `${Y} ?年 ?${M} ?月 ?(?:\\d{1,2}|[一二三四五六七八九十]{1,3}) ?日`;

/** A paragraph that is only a date (成文日期). */
export const DATE_LINE_RE = new RegExp(`^${DATE_BODY}$`, "u");

/** The 版记 line: "[agency] 2022年7月18日印发". */
export const PRINT_LINE_RE = new RegExp(`^(?<agency>[^\\d〇零一二三四五六七八九]{0,40}?) ?(?<date>${DATE_BODY}) ?印发$`, "u");

/** 发文字号 anywhere: 锡政办函〔2022〕13号, 湖政办发[2022]8号, 国办发(2018)126号. */
export const DOC_NUMBER_RE =
  /(?<agency>[\p{Script=Han}A-Za-z]{1,16}?) ?[[(] ?(?<year>(?:19|20)\d{2}) ?[\])] ?第?(?<serial>\d{1,6}) ?号/gu;

/** 公开属性 line: （此件公开发布）, 此件主动公开, （此件不公开）. */
export const DISCLOSURE_RE = /^\(?(?<value>此件[^()]{1,12}|(?:主动|依申请|不予)公开)\)?$/u;

/** 附件 list line: "附件：1. …", "- 附件：…", "附表：1. …" (attached tables). */
export const ATTACHMENT_LIST_RE = /^[-•*·]? ?附[件表] ?(?:\d{1,2})? ?[:]/u;

/** An attachment section header on its own line: "附件1", "附件 2", "附件", "附表1". */
export const ATTACHMENT_HEADER_RE = /^附[件表] ?(?<n>\d{1,2})?$/u;

/** A line ending in a 文号 (〔2022〕13号): the 文号 line of the header. */
export const DOC_NUMBER_END_RE = /[[(]\d{4}[\])]第?\d{1,6}号$/u;

/** 抄送 line. */
export const CC_RE = /^抄送 ?[:]/u;

/** Heading-like endings of a notice title: a line ending so is complete. */
export const TITLE_END_RE = /(?:通知|意见|决定|通报|批复|报告|函|公告|通告|命令|决议)$/u;

/** 主送机关 line: starts like an addressee and ends with a colon. */
export const RECIPIENTS_RE = /^(?:各|全|有关|市|区|县|省|国务院|自治区|州|镇|乡|街道|中共|党|本)[^。:;!?]{1,300}:$/u;

/** Organisation-name endings, used to recognise a signature line and an issuer. */
export const ORG_SUFFIX_RE =
  /(?:办公室|办公厅|人民政府|政府|委员会|管委会|管理委员会|指挥部|办事处|领导小组|小组|党委|党组|中心|公司|集团|局|厅|部|委|办|院|署|会|所|队|处|科|站|社|行|馆|团|组|室)$/u;

/** A 落款 signature: an organisation name alone on its line (folded text: no sentence punctuation). */
export const isSignatureLine = (s: string): boolean => s.length >= 2 && s.length <= 60 && ORG_SUFFIX_RE.test(s) && !/[,，。;；:：!?]/u.test(s);

/** Where an unmarked heading starts inside the piece before a colon: 第二阶段：, “互联网+”教育：. */
const HEADING_START_RE = /第[一二三四五六七八九十\d]{1,3}(?:阶段|步|部分|批次|批|环节|方面)|[“"「『]/u;

/**
 * Where a role label's content ends because another `key：` follows that is not a label (所属片区：…,
 * or an unmarked heading such as 第二阶段：… run on where line breaks were lost): names never hold a
 * colon outside brackets. The key is the piece before the colon, back to the last separator; a
 * heading shape inside that piece ends the names where it starts. Clock times (8:30) are not keys.
 */
export function foreignKeyStart(seg: string): number {
  let depth = 0;
  let pieceStart = 0;
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i]!;
    if (isOpenBracket(ch)) depth++;
    else if (isCloseBracket(ch)) depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if ("、，,；;".includes(ch)) pieceStart = i + 1;
    else if ((ch === "：" || ch === ":") && !(/\d/u.test(seg[i - 1] ?? "") && /\d/u.test(seg[i + 1] ?? ""))) {
      const heading = HEADING_START_RE.exec(seg.slice(pieceStart, i));
      return heading && heading.index > 0 ? pieceStart + heading.index : pieceStart;
    }
  }
  return seg.length;
}

/** Endings that close a unit name for sure (a single 处 / 部 / 所 … may be part of a longer name). */
const FIRM_END_RE = /(?:局|委|办|部门|单位|政府|中心|公司|办公室|委员会|管委会|办事处)$/u;
const UNIT_END_RE = /(?:单位|部门|企业|机构|乡镇|街道|村|社区)$/u;
/** What may follow a unit name inside a clause: a bracket, 等 / 和, a role verb (`区甲局牵头`). */
const RUN_ON_OK_RE = /^(?:[(（等及和与]|牵头|配合|参与|负责|落实|抓好|协助|协办|指导|会同|按|共同|分别|组织|具体|为主)/u;

/**
 * Where a role label's content runs on into the text after it (a crawl lost the line break): a
 * quoted heading glued to a unit name (`…商务处“互联网+”安全生产`), or a last name whose firm ending
 * is followed by words that end in no unit ending (`区相关部门广泛宣传推广`). The seg's length when none.
 */
export function gluedTextStart(seg: string): number {
  let depth = 0;
  let pieceStart = 0;
  for (let i = 0; i <= seg.length; i++) {
    const ch = seg[i] ?? "、";
    if (isOpenBracket(ch)) depth++;
    else if (isCloseBracket(ch)) depth = Math.max(0, depth - 1);
    else if (depth > 0 && i < seg.length) continue;
    else if ("、，,；;".includes(ch)) {
      const cut = runOnAt(seg.slice(pieceStart, i));
      if (cut > 0) return pieceStart + cut;
      pieceStart = i + 1;
    } else if ("“\"「『".includes(ch) && i - pieceStart >= 2 && ORG_SUFFIX_RE.test(seg.slice(pieceStart, i))) return i;
  }
  return seg.length;
}

/** Where a name piece runs on into words after its firm ending (`区相关部门广泛宣传推广` → 5); 0 when it does not. */
function runOnAt(piece: string): number {
  if (piece.length > 60 || ORG_SUFFIX_RE.test(piece) || UNIT_END_RE.test(piece)) return 0;
  for (let p = 3; p <= piece.length - 2; p++) {
    const rest = piece.slice(p);
    if (FIRM_END_RE.test(piece.slice(0, p)) && rest.length >= 3 && !RUN_ON_OK_RE.test(rest) && !/[局委办处部室厅院署会所队站科组团社]|中心|公司|政府|集团|单位|机构|企业/u.test(rest)) return p;
  }
  return 0;
}
