/**
 * 引用文件 (cited documents): 《title》 optionally followed by its 文号 in brackets.
 *
 *   《国务院办公厅关于印发2022年政务公开工作要点的通知》（国办发〔2022〕8号）
 *    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^  ^^^^^^^^^^^^^^^^^ docNumber
 */
import { squash } from "../text/chars.js";
import { spanOf } from "./span.js";
import { defineExtractor, type Finding } from "./types.js";

export interface ReferenceFinding extends Finding<"reference"> {
  readonly title: string;
  readonly docNumber: string | null;
}

// On folded text: （）→(); 〔〕→[]. The title never contains 《》; the number sits right after 》.
const REFERENCE_RE = /《(?<title>[^《》\n]{2,150})》(?:\((?<dn>[^()\n]{2,40}?号)\))?/gu;

export const references = defineExtractor<ReferenceFinding>({
  name: "reference",
  extract({ text, layout }) {
    const out = new Map<string, ReferenceFinding>();
    const ps = text.paragraphs;
    for (let i = layout.headerEnd; i < ps.length; i++) {
      const p = ps[i]!;
      if (!p.folded.includes("《")) continue;
      for (const m of p.folded.matchAll(REFERENCE_RE)) {
        const title = squash(p.text.slice(m.index + 1, m.index + 1 + m.groups!.title!.length));
        const dnStart = m.groups!.dn ? m.index + m[0].length - 1 - m.groups!.dn.length : -1;
        const docNumber = dnStart >= 0 ? squash(p.text.slice(dnStart, dnStart + m.groups!.dn!.length)) : null;
        const prev = out.get(title);
        if (!prev || (!prev.docNumber && docNumber)) {
          out.set(title, { kind: "reference", span: spanOf(p, m.index, m.index + m[0].length), raw: p.text.slice(m.index, m.index + m[0].length), title, docNumber });
        }
      }
    }
    return [...out.values()];
  },
});
