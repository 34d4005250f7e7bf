/**
 * 成文日期 and 印发日期, and the 发文机关 printed next to them (落款 signature, 版记 印发 line).
 *
 *   无锡市人民政府办公室          → signature issuer
 *   2022年 5月 31日               → issueDate 2022-05-31
 *   湖州市人民政府办公室 2022年7月18日印发 → printDate 2022-07-18 (+ issuer)
 */
import { squash } from "../text/chars.js";
import { agencyNames, metaField, type TitleFinding } from "./header.js";
import { noticeMeta } from "./header-meta.js";
import { SIGNED_DATE_RE } from "./layout.js";
import { isSignatureLine, ORG_SUFFIX_RE, PRINT_LINE_RE } from "./patterns.js";
import type { Paragraph } from "../text/paragraphs.js";
import { spanOf } from "./span.js";
import { defineExtractor, type Finding } from "./types.js";
import { zhNumber } from "./zh-numerals.js";

export interface DateFinding<K extends string> extends Finding<K> {
  readonly date: string;
  /** The agency printed with the date (signature or 版记), if any. */
  readonly issuer: string | null;
}
export type IssueDateFinding = DateFinding<"issueDate">;
export type PrintDateFinding = DateFinding<"printDate">;

const DATE_PARTS_RE = /(?<y>\d{4}|[〇零一二三四五六七八九]{4}) ?年 ?(?<m>\d{1,2}|[一二三四五六七八九十]{1,3}) ?月 ?(?<d>\d{1,2}|[一二三四五六七八九十]{1,3}) ?日/u;

/** "2022年 5月 31日" / "二〇一二年九月六日" → ISO date, or null when invalid. */
export function parseChineseDate(s: string): string | null {
  const m = DATE_PARTS_RE.exec(s.replace(/\s+/gu, ""));
  if (!m?.groups) return null;
  const y = zhNumber(m.groups.y!);
  const mo = zhNumber(m.groups.m!);
  const d = zhNumber(m.groups.d!);
  if (y === null || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "2019-01-27" / "2019/1/27" / "2019.01.27" → ISO date, or null. */
function isoDate(s: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u.exec(s.trim());
  return m ? parseChineseDate(`${m[1]}年${m[2]}月${m[3]}日`) : null;
}

export const issueDate = defineExtractor<IssueDateFinding>({
  name: "issueDate",
  extract({ text, layout, findings }) {
    if (layout.dateLine < 0) {
      // no date closes the notice: the 成文日期 a metadata block states
      const m = metaField(noticeMeta(text), "成文日期");
      const date = m ? parseChineseDate(m) ?? isoDate(m) : null;
      return date ? [{ kind: "issueDate", span: [0, 0], raw: m!, date, issuer: null }] : [];
    }
    const ps = text.paragraphs;
    const p = ps[layout.dateLine]!;
    const date = parseChineseDate(p.text);
    if (!date) return [];
    let issuer: string | null = null;
    const signed = SIGNED_DATE_RE.exec(p.folded);
    if (signed?.groups?.agency && isSignatureLine(signed.groups.agency)) issuer = squash(p.text.slice(0, signed.groups.agency.length));
    if (!issuer) issuer = signatureAbove(ps, layout.dateLine, text.source, findings("title")[0] as TitleFinding | undefined);
    return [{ kind: "issueDate", span: spanOf(p), raw: p.text, date, issuer }];
  },
});

/** Offices that sign together print one per line (or two per line): at most this many lines. */
const MAX_SIGNATURE_LINES = 16;

/**
 * The 落款 above the date: every consecutive signature line, each office once, joined with 、.
 * A line that lost the space between two offices (`甲区水务局甲区财政局`) is split where the next
 * office repeats the first one's place prefix; offices printed without any separator are matched
 * against the title's leading agencies (`国务院办公厅、中央军委办公厅关于…`).
 */
function signatureAbove(ps: readonly Paragraph[], dateLine: number, source: string, t: TitleFinding | undefined): string | null {
  const names: string[] = [];
  for (let k = dateLine - 1; k >= 0 && dateLine - k <= MAX_SIGNATURE_LINES; k--) {
    const p = ps[k]!;
    if (p.row || !isSignatureParagraph(p, source)) break;
    names.unshift(...agencyNames(p, source).flatMap(splitJoinedOffices));
  }
  if (names.length === 0) return null;
  const unique = [...new Set(names)];
  const titleOrgs = t ? /^(?<org>[^关]{2,60}?)关于/u.exec(t.title)?.groups?.org : undefined;
  if (unique.length === 1 && titleOrgs?.includes("、") && titleOrgs.replace(/、/gu, "") === unique[0]) return titleOrgs;
  return unique.join("、");
}

/** A signature line, or a paragraph whose every line is one (offices stacked and joined by the reader). */
function isSignatureParagraph(p: Paragraph, source: string): boolean {
  if (isSignatureLine(p.folded)) return true;
  return p.lines.length > 1 && p.lines.every((l) => isSignatureLine(squash(source.slice(l.offsets[0] ?? l.end, l.end))));
}

/** Split `甲区水务局甲区财政局` where the next office repeats the first one's place prefix (2 characters). */
export function splitJoinedOffices(line: string): string[] {
  const prefix = line.slice(0, 2);
  if (line.length < 8 || !/^\p{Script=Han}{2}$/u.test(prefix)) return [line];
  const parts: string[] = [];
  let from = 0;
  for (let at = line.indexOf(prefix, 4); at > 0; at = line.indexOf(prefix, at + 4)) {
    const part = line.slice(from, at);
    if (part.length < 4 || !ORG_SUFFIX_RE.test(part)) continue;
    parts.push(part);
    from = at;
  }
  const last = line.slice(from);
  if (parts.length === 0 || !ORG_SUFFIX_RE.test(last)) return [line];
  return [...parts, last];
}

export const printDate = defineExtractor<PrintDateFinding>({
  name: "printDate",
  extract({ text }) {
    const ps = text.paragraphs;
    for (let i = ps.length - 1; i >= 0; i--) {
      const p = ps[i]!;
      const m = PRINT_LINE_RE.exec(p.folded);
      if (!m?.groups) continue;
      const date = parseChineseDate(m.groups.date!);
      if (!date) continue;
      let issuer: string | null = squash(p.text.slice(0, m.groups.agency!.length)) || null;
      if (issuer && !isSignatureLine(issuer)) issuer = null;
      const prev = ps[i - 1];
      if (!issuer && prev && !prev.row && isSignatureLine(prev.folded)) issuer = squash(prev.text);
      return [{ kind: "printDate", span: spanOf(p), raw: p.text, date, issuer }];
    }
    return [];
  },
});
