/**
 * 单位名称 splitting. Names split on 、，, ; never inside brackets; notes are dropped
 * (〔含南太湖新区管委会，下同〕, 以下责任单位均包含…). One joining rule (GOLD.md "Names"): a piece that is
 * not a complete organisation name by itself — a bare place such as 浦东新区, 各省, 自治区, 各市（县） —
 * joins the next piece, up to a piece that adds the body they share:
 *
 *   各省、自治区、直辖市人民政府        → one name
 *   浦东新区、徐汇区、嘉定区政府        → one name
 *   区法院、检察院                      → two (区法院 is complete)
 *
 * A piece that is only an organisation type continues the name before it (`区政府各委、办、局`).
 * 等 ends a group and separates it from what follows (`A等和各省级人民政府` → A, 各省级人民政府).
 */
import { fold, isCloseBracket, isOpenBracket, trimChars } from "../text/chars.js";

/** A bracket whose content is a note, not part of a name. */
const NOTE_IN_BRACKET_RE = /^(?:含|包括|包含|不含|注|以下|下同|其中|即|如)|下同|除外/u;
/** A whole piece that is a note, not a name. */
export const NOTE_PIECE_RE = /^(?:以下|上述|其中|注|备注|各项任务中|列第一位|排位靠前|不再列出)|下同|均包含|均含|不再列出|为牵头单位|排名第一|列第一/u;
/** Place levels that end a bare place name (longest first). */
const PLACE_LEVEL = "(?:自治区|自治州|自治县|直辖市|新区|街道|[省市县区镇乡州旗盟])";
/** A bare place, not an organisation: 各市（县）, 浦东新区, 自治区, 各相关镇. Bounded, anchored. */
const BARE_PLACE_RE = new RegExp(String.raw`^(?:各|全)?(?:相关|有关)?\p{Script=Han}{0,8}?${PLACE_LEVEL}(?:\([^()]{1,6}\))?$`, "u");
/** A piece that ends with a place level and the body the bare places share: 区人民政府, 嘉定区政府, 直辖市人民政府. */
const SHARED_BODY_RE = new RegExp(
  String.raw`${PLACE_LEVEL}(?:\([^()]{1,6}\))?(?:人民政府|政府|党委|党工委|办事处|管委会|管理委员会)(?:\([^()]{1,8}\))?$`,
  "u",
);

/** A piece that is only an organisation type (委, 办, 局 …): it shares the rest of the name before it. */
const ORG_TYPE_RE = /^[委办局厅室处科部所站队]$/u;

/** Is `piece` a bare place that shares the body of a later piece (it is not a complete name)? */
export const isBarePlace = (piece: string): boolean => BARE_PLACE_RE.test(fold(piece));

export interface SplitOptions {
  /** Also split on 会同 and on 等 before a generic group (verb clauses). */
  readonly verbClause?: boolean;
}

/** Split a run of unit names as printed. */
export function splitNames(text: string, opts: SplitOptions = {}): string[] {
  const pieces: { name: string; sep: string }[] = [];
  let depth = 0;
  let buf = "";
  let bracketStart = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (isOpenBracket(ch)) {
      if (depth === 0) bracketStart = buf.length;
      depth++;
      buf += ch;
      continue;
    }
    if (isCloseBracket(ch)) {
      if (depth > 0) {
        depth--;
        buf += ch;
        if (depth === 0 && bracketStart >= 0) {
          const inner = fold(buf.slice(bracketStart + 1, -1));
          if (NOTE_IN_BRACKET_RE.test(inner)) buf = buf.slice(0, bracketStart);
          bracketStart = -1;
        }
      }
      continue; // a stray closing bracket is dropped
    }
    if (depth === 0 && "、，,；;\n".includes(ch)) {
      pieces.push({ name: buf, sep: ch });
      buf = "";
      continue;
    }
    buf += ch;
  }
  if (depth > 0 && bracketStart >= 0) buf = buf.slice(0, bracketStart); // unclosed note
  pieces.push({ name: buf, sep: "" });

  let names: { name: string; sep: string }[] = [];
  for (const p of pieces) {
    const parts = opts.verbClause ? splitVerbNames(p.name) : splitAtDeng(p.name);
    parts.forEach((part, k) => names.push({ name: part, sep: k < parts.length - 1 ? "等" : p.sep }));
  }
  names = names.map((p) => ({ ...p, name: cleanName(p.name) })).filter((p) => p.name !== "" && !NOTE_PIECE_RE.test(fold(p.name)));

  const out: string[] = [];
  for (let i = 0; i < names.length; i++) {
    // a run of bare places joined by 、 up to a piece that adds their shared body is one name
    let j = i;
    while (j < names.length - 1 && names[j]!.sep === "、" && isBarePlace(names[j]!.name)) j++;
    if (j > i && SHARED_BODY_RE.test(fold(names[j]!.name))) {
      out.push(names.slice(i, j + 1).map((p) => p.name).join("、"));
      i = j;
      continue;
    }
    // a lone organisation type continues the name before it: 市政府各委、办、局 is one name
    if (out.length > 0 && names[i - 1]?.sep === "、" && ORG_TYPE_RE.test(fold(names[i]!.name))) {
      out[out.length - 1] += `、${names[i]!.name}`;
      continue;
    }
    out.push(names[i]!.name);
  }
  return [...new Set(out)];
}

function splitVerbNames(s: string): string[] {
  return s.split(/会同|协同/u).flatMap(splitAtDeng);
}

/** 等 ends a group: `A等和各省级人民政府` → A, 各省级人民政府; `A等有关部门` → A, 有关部门 (高等学校 stays). */
function splitAtDeng(s: string): string[] {
  return s.split(/等(?=和|及|以及|有关|相关|其他|各)/u).map((x, k) => (k > 0 ? x.replace(/^(?:以及|和|及)/u, "") : x));
}

/** Trim white space, a leading 由/请, a trailing 等, and stray punctuation. */
export function cleanName(s: string): string {
  let name = trimChars(s.replace(/\s+/gu, ""), "：:。.·—-");
  name = name.replace(/^(?:由|请)(?=.{2,})/u, "");
  name = name.replace(/等$/u, "");
  return name;
}
