/**
 * 抄送 (copy-to list) of the 版记.
 *
 *   抄送：市委各部门，市人大常委会、市政协办公室，…。
 */
import { cleanName } from "../normalize/units.js";
import { isCloseBracket, isOpenBracket } from "../text/chars.js";
import { CC_RE } from "./patterns.js";
import { spanOf } from "./span.js";
import { defineExtractor, type Finding } from "./types.js";

export interface CcFinding extends Finding<"cc"> {
  readonly names: readonly string[];
}

export const cc = defineExtractor<CcFinding>({
  name: "cc",
  extract({ text }) {
    for (const p of text.paragraphs) {
      const m = CC_RE.exec(p.folded);
      if (!m) continue;
      const names: string[] = [];
      let depth = 0;
      let buf = "";
      for (const ch of p.text.slice(m[0].length)) {
        if (isOpenBracket(ch)) depth++;
        if (isCloseBracket(ch)) depth = Math.max(0, depth - 1);
        if (depth === 0 && "，,、；;。".includes(ch)) {
          names.push(buf);
          buf = "";
        } else buf += ch;
      }
      names.push(buf);
      return [{ kind: "cc", span: spanOf(p), raw: p.text, names: names.map(cleanName).filter(Boolean) }];
    }
    return [];
  },
});
