/**
 * 发文字号 (document number), in the header block, under the title, or in front matter.
 *
 *   锡政办函〔2022〕13号
 *   ^^^^^^^^^^^^^^^^^^  agency=锡政办函 year=2022 serial=13
 */
import { fold, squash } from "../text/chars.js";
import type { Paragraph } from "../text/paragraphs.js";
import { zhNumber } from "./zh-numerals.js";
import { DOC_NUMBER_RE, ORG_SUFFIX_RE } from "./patterns.js";
import { printedMeta } from "./header-meta.js";
import { spanOf } from "./span.js";
import { defineExtractor, type Finding } from "./types.js";

export interface DocNumberFinding extends Finding<"docNumber"> {
  readonly agency: string;
  readonly year: number;
  readonly serial: number;
}

/** Parse a string that holds a 文号; null if it holds none. */
export function parseDocNumber(s: string): { raw: string; agency: string; year: number; serial: number; index: number; length: number } | null {
  const folded = fold(s);
  DOC_NUMBER_RE.lastIndex = 0;
  const m = DOC_NUMBER_RE.exec(folded);
  if (!m?.groups) return null;
  // a label glued to its value (`文号沪府办发〔2024〕3号`, a table row read without its cell break) is not the agency
  const label = DOC_NUMBER_LABEL_RE.exec(m.groups.agency!)?.[0].length ?? 0;
  const index = m.index + label;
  const length = m[0].length - label;
  const raw = squash(s.slice(index, index + length));
  return { raw, agency: m.groups.agency!.slice(label), year: Number(m.groups.year), serial: Number(m.groups.serial), index, length };
}

/** The labels of a 文号 (no agency's abbreviation starts with them), when something follows them. */
const DOC_NUMBER_LABEL_RE = /^(?:发文字号|发文文号|文号)(?=[\p{Script=Han}A-Za-z])/u;

const META_KEYS = ["文号", "发文字号", "docNumber", "doc_number"];

/**
 * 令 (decree) header: `中华人民共和国国务院令` then `第707号` (same line or the next), then the text
 * that promulgates a regulation (`现公布《…》，自…起施行`). A decree's 文号 is the 令 name with its
 * number as printed (`中华人民共和国国务院令第707号`); it carries no year, so the year is the signing
 * year (docs/decisions.md).
 */
const DECREE_RE = /^(?<org>\p{Script=Han}{2,24}?)令 ?(?:\(? ?第 ?(?<serial>\d{1,5}) ?号 ?\)?)?/u;
const DECREE_NUMBER_RE = /^\(? ?第 ?(?<serial>\d{1,5}) ?号 ?\)?/u;
/** A 令 header sits in the first lines (after a database's citation lines, or a title printed above it). */
const DECREE_LINES = 8;

export interface Decree {
  /** The paragraph of the 令 name. */
  readonly index: number;
  /** The issuing organ (the 令 name without 令): 中华人民共和国国务院. */
  readonly org: string;
  /** 中华人民共和国国务院令第707号. */
  readonly raw: string;
  readonly serial: number;
  /** The first 《…》 promulgated after the number, if any. */
  readonly promulgated: string | null;
}

/** Find a 令 header in the first lines; null when the notice is not a decree. */
export function findDecree(ps: readonly Paragraph[]): Decree | null {
  const lines: { para: number; text: string }[] = [];
  for (let i = 0; i < ps.length && lines.length < DECREE_LINES + 3; i++) {
    // only the first lines matter: a paragraph may hold a million of them
    for (const l of ps[i]!.lines) {
      if (lines.length >= DECREE_LINES + 3) break;
      lines.push({ para: i, text: squash(fold(l.text)) });
    }
  }
  for (let k = 0; k < Math.min(lines.length, DECREE_LINES); k++) {
    const m = DECREE_RE.exec(lines[k]!.text);
    if (!m?.groups) continue;
    let serial = m.groups.serial;
    let after = k + 1;
    let rest = lines[k]!.text.slice(m[0].length);
    if (!serial) {
      if (rest !== "") continue; // 令 must end its line when the number is on the next one
      const next = lines[k + 1] ? DECREE_NUMBER_RE.exec(lines[k + 1]!.text) : null;
      if (!next?.groups) continue;
      serial = next.groups.serial;
      rest = lines[k + 1]!.text.slice(next[0].length);
      after = k + 2;
    }
    rest += lines.slice(after, after + 2).map((l) => l.text).join("");
    const org = m.groups.org!;
    // the organ of a 令 is an organisation name, not a sentence that cites one (根据国务院令第X号…)
    if (!ORG_SUFFIX_RE.test(org) || /^(?:根据|按照|依据|依照|遵照|经|由|对|按)/u.test(org)) continue;
    const title = /《(?<t>[^《》]{2,80})》/u.exec(rest)?.groups?.t ?? null;
    return { index: lines[k]!.para, org, raw: `${org}令第${serial}号`, serial: Number(serial), promulgated: title };
  }
  return null;
}

export const docNumber = defineExtractor<DocNumberFinding>({
  name: "docNumber",
  extract({ text, layout }) {
    const ps = text.paragraphs;
    const limit = Math.min(ps.length, Math.max(layout.headerEnd + 3, 6), layout.bodyStart);
    for (let i = 0; i < limit; i++) {
      const p = ps[i]!;
      if (p.row || p.text.length > 60) continue;
      const d = parseDocNumber(p.text);
      // A line that is mostly the number (a cited 文号 sits inside a sentence or brackets).
      // a 文号 alone in brackets on its own line (under the title) is the notice's own
      const alone = d !== null && /^\(.{4,40}\)$/u.test(squash(p.folded)) && squash(p.folded).length - 2 === squash(d.raw).length;
      if (d && p.text.length - d.length <= 12 && (alone || !/^[(（]/u.test(p.text.slice(Math.max(0, d.index - 1), d.index)))) {
        return [{ kind: "docNumber", span: spanOf(p, d.index, d.index + d.length), raw: d.raw, agency: d.agency, year: d.year, serial: d.serial }];
      }
    }
    // a metadata block's 文号 row or line (文号 ⇥ 沪府办发〔2024〕3号)
    const printed = printedMeta(text).fields["文号"];
    const pd = printed ? parseDocNumber(ps[printed.index]!.text.slice(printed.from, printed.to)) : null;
    if (printed && pd) {
      const at = printed.from + pd.index;
      return [{ kind: "docNumber", span: spanOf(ps[printed.index]!, at, at + pd.length), raw: pd.raw, agency: pd.agency, year: pd.year, serial: pd.serial }];
    }
    const decree = findDecree(ps);
    if (decree) {
      const y = layout.dateLine >= 0 ? /^(?<y>\d{4}|[〇零一二三四五六七八九]{4}) ?年/u.exec(ps[layout.dateLine]!.folded)?.groups?.y : undefined;
      const year = y ? zhNumber(y) : null;
      if (year) {
        const p = ps[decree.index]!;
        return [{ kind: "docNumber", span: spanOf(p), raw: decree.raw, agency: `${decree.org}令`, year, serial: decree.serial }];
      }
    }
    const meta = text.input.meta ?? {};
    for (const key of META_KEYS) {
      const v = meta[key];
      const d = v ? parseDocNumber(v) : null;
      if (d) return [{ kind: "docNumber", span: [0, 0], raw: d.raw, agency: d.agency, year: d.year, serial: d.serial }];
    }
    return [];
  },
});
