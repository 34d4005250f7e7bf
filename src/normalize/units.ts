/**
 * 单位名称 splitting. Names split on 、，, ; never inside brackets; notes are dropped
 * (〔含南太湖新区管委会，下同〕, 以下责任单位均包含…); `各市（县）、区人民政府` stays one name (a bare
 * place joins the next piece when that piece only adds the shared body: 区人民政府).
 */
import { fold, isCloseBracket, isOpenBracket, trimChars } from "../text/chars.js";

/** A bracket whose content is a note, not part of a name. */
const NOTE_IN_BRACKET_RE = /^(?:含|包括|包含|不含|注|以下|下同|其中|即|如)|下同|除外/u;
/** A whole piece that is a note, not a name. */
export const NOTE_PIECE_RE = /^(?:以下|上述|其中|注|备注|各项任务中|列第一位|排位靠前|不再列出)|下同|均包含|均含|不再列出|为牵头单位|排名第一|列第一/u;
/** A bare place with an optional prefix: 各市（县）, 各相关市（县）, 各镇. */
const BARE_PLACE_RE = /^(?:各|全)?(?:相关|有关)?[省市县区镇乡州旗盟场]+(?:\([^()]{1,6}\))?$/u;
/** A place level followed only by the body it shares: 区人民政府, 街道（场）政府（办事处）. */
const SHARED_BODY_RE = /^(?:[省市县区镇乡州旗盟]|街道)(?:\([^()]{1,6}\))?(?:人民政府|政府|党委|党工委|办事处|管委会)(?:\([^()]{1,8}\))?$/u;

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
    for (const part of opts.verbClause ? splitVerbNames(p.name) : [p.name]) names.push({ name: part, sep: p.sep });
  }
  names = names.map((p) => ({ ...p, name: cleanName(p.name) })).filter((p) => p.name !== "" && !NOTE_PIECE_RE.test(fold(p.name)));

  const out: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const cur = names[i]!;
    const next = names[i + 1];
    if (next && cur.sep === "、" && BARE_PLACE_RE.test(fold(cur.name)) && SHARED_BODY_RE.test(fold(next.name))) {
      out.push(`${cur.name}、${next.name}`);
      i++;
      continue;
    }
    out.push(cur.name);
  }
  return [...new Set(out)];
}

function splitVerbNames(s: string): string[] {
  return s
    .split(/会同|协同/u)
    .flatMap((x) => x.split(/等(?=有关|相关|其他|各)/u));
}

/** Trim white space, a leading 由/请, a trailing 等, and stray punctuation. */
export function cleanName(s: string): string {
  let name = trimChars(s.replace(/\s+/gu, ""), "：:。.·—-");
  name = name.replace(/^(?:由|请)(?=.{2,})/u, "");
  name = name.replace(/等$/u, "");
  return name;
}
