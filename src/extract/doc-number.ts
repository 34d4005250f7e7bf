/**
 * 发文字号 (document number), in the header block, under the title, or in front matter.
 *
 *   锡政办函〔2022〕13号
 *   ^^^^^^^^^^^^^^^^^^  agency=锡政办函 year=2022 serial=13
 */
import { fold, squash } from "../text/chars.js";
import { DOC_NUMBER_RE } from "./patterns.js";
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
  const raw = squash(s.slice(m.index, m.index + m[0].length));
  return { raw, agency: m.groups.agency!, year: Number(m.groups.year), serial: Number(m.groups.serial), index: m.index, length: m[0].length };
}

const META_KEYS = ["文号", "发文字号", "docNumber", "doc_number"];

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
      if (d && p.text.length - d.length <= 12 && !/^[(（]/u.test(p.text.slice(Math.max(0, d.index - 1), d.index))) {
        return [{ kind: "docNumber", span: spanOf(p, d.index, d.index + d.length), raw: d.raw, agency: d.agency, year: d.year, serial: d.serial }];
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
