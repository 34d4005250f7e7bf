/**
 * 成文日期 and 印发日期, and the 发文机关 printed next to them (落款 signature, 版记 印发 line).
 *
 *   无锡市人民政府办公室          → signature issuer
 *   2022年 5月 31日               → issueDate 2022-05-31
 *   湖州市人民政府办公室 2022年7月18日印发 → printDate 2022-07-18 (+ issuer)
 */
import { squash } from "../text/chars.js";
import { agencyNames, metaField } from "./header.js";
import { SIGNED_DATE_RE } from "./layout.js";
import { isSignatureLine, PRINT_LINE_RE } from "./patterns.js";
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
  extract({ text, layout }) {
    if (layout.dateLine < 0) {
      // no date closes the notice: the 成文日期 a metadata block states
      const m = metaField(text.input.meta, "成文日期");
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
    const prev = ps[layout.dateLine - 1];
    if (!issuer && prev && !prev.row && isSignatureLine(prev.folded)) issuer = agencyNames(prev, text.source).join("、");
    return [{ kind: "issueDate", span: spanOf(p), raw: p.text, date, issuer }];
  },
});

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
