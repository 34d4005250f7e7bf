/**
 * 版头 and 主送: 标题 (may span several lines), 发文机关 from the "……文件" line, 主送机关, 公开属性.
 *
 *   市政府办公室关于印发无锡市 2022年
 *   政务公开工作要点实施方案的通知          → title (lines joined, white space removed)
 *   各市（县）、区人民政府，市各委办局：    → recipients
 */
import { fold, squash } from "../text/chars.js";
import type { Paragraph } from "../text/paragraphs.js";
import { splitNames } from "../normalize/units.js";
import { DATE_LINE_RE, DISCLOSURE_RE, ORG_SUFFIX_RE, TITLE_END_RE } from "./patterns.js";
import { findDecree, parseDocNumber } from "./doc-number.js";
import { noticeMeta, printedMeta } from "./header-meta.js";
import { spanOf } from "./span.js";
import { defineExtractor, type Finding } from "./types.js";

export interface TitleFinding extends Finding<"title"> {
  readonly title: string;
}
export interface HeaderIssuerFinding extends Finding<"headerIssuer"> {
  readonly issuer: string;
}
export interface RecipientsFinding extends Finding<"recipients"> {
  readonly names: readonly string[];
}
export interface DisclosureFinding extends Finding<"disclosure"> {
  readonly value: string;
}

/** Metadata keys for each field (crawler headers, page tables, HTML meta): used only when the notice does not print it. */
const META_FIELD_KEYS: Readonly<Record<string, readonly string[]>> = {
  标题: ["标题", "ArticleTitle"],
  发文机关: ["发文机关"],
  成文日期: ["成文日期"],
};

/** A field stated by the metadata around the notice (GOLD.md "Header fields"), if any. */
export function metaField(meta: Readonly<Record<string, string>> | undefined, field: keyof typeof META_FIELD_KEYS): string | null {
  for (const k of META_FIELD_KEYS[field] ?? []) {
    const v = meta?.[k]?.trim();
    if (v) return v;
  }
  return null;
}

const RED_HEAD_RE = /^(?<org>.{2,80}?)文件$/u;

/** Split a line of one or two agency names (two offices are printed side by side or stacked). */
export function agencyNames(p: Paragraph, source: string, strip?: RegExp): string[] {
  const lines = p.lines.map((l) => source.slice(l.offsets[0] ?? l.end, l.end));
  const parts = lines.flatMap((l) => l.split(/\s+/u)).map((x) => squash(strip ? x.replace(strip, "") : x)).filter(Boolean);
  if (parts.length > 1 && parts.every((x) => ORG_SUFFIX_RE.test(x))) return parts;
  const whole = squash(strip ? p.text.replace(strip, "") : p.text);
  return whole ? [whole] : [];
}

function isMeta(p: Paragraph): boolean {
  const f = p.folded;
  return (
    (RED_HEAD_RE.test(f) && !/关于/u.test(f)) || // 关于…规范性文件 is a title line, not a 红头
    DISCLOSURE_RE.test(f) ||
    DATE_LINE_RE.test(f) ||
    /^(?:签发人|签发|密级|紧急程度|份号|发文字号|文号)[:]/u.test(f) ||
    (parseDocNumber(p.text) !== null && p.text.length <= 40)
  );
}

export const title = defineExtractor<TitleFinding>({
  name: "title",
  extract({ text, layout }) {
    const ps = text.paragraphs;
    const decree = findDecree(ps);
    if (decree) {
      // a 令 promulgates a regulation: its title is the regulation's, else the 令 name with its number
      const p = ps[decree.index]!;
      return [{ kind: "title", span: spanOf(p), raw: p.text, title: decree.promulgated ?? decree.raw }];
    }
    const candidates: number[] = [];
    const end = Math.min(layout.headerEnd, ps.length);
    const metaLines = printedMeta(text).lines;
    for (let i = 0; i < end; i++) if (!isMeta(ps[i]!) && !ps[i]!.row && !metaLines.has(i)) candidates.push(i);
    let pick = candidates.find((i) => /关于/u.test(ps[i]!.text)) ?? candidates.find((i) => TITLE_END_RE.test(ps[i]!.folded));
    if (pick === undefined) {
      // No header block: a title taken from the first heading, else the first short line.
      const top = ps.slice(0, Math.min(ps.length, 12));
      pick = top.findIndex((p, i) => p.heading && !isMeta(p) && !metaLines.has(i));
      if (pick < 0) pick = candidates[0] ?? -1;
    }
    if (pick === undefined || pick < 0) {
      // the text shows no title: the one a metadata block states (crawler header, page table)
      const m = metaField(noticeMeta(text), "标题");
      return m ? [{ kind: "title", span: [0, 0], raw: m, title: squash(m) }] : [];
    }
    const p = ps[pick]!;
    // metadata lines the text stage joined with the title line go
    const skip = printedMeta(text).lead.get(pick) ?? 0;
    let t = squash(p.text.slice(skip)).replace(/[：:]$/u, "");
    let last = pick;
    // a title printed over several paragraphs (one <p> per line): join the next ones up to its ending
    if (!TITLE_END_RE.test(fold(t))) {
      let joined = t;
      for (let k = pick + 1; k < Math.min(end, pick + 3); k++) {
        const q = ps[k]!;
        if (isMeta(q) || q.row || metaLines.has(k) || /[:：]$/u.test(q.text.trim())) break;
        joined += squash(q.text);
        if (TITLE_END_RE.test(fold(joined))) {
          t = joined;
          last = k;
          break;
        }
      }
    }
    const span: readonly [number, number] = [spanOf(p, skip)[0], spanOf(ps[last]!)[1]];
    return t ? [{ kind: "title", span, raw: text.source.slice(span[0], span[1]), title: t }] : [];
  },
});

export const headerIssuer = defineExtractor<HeaderIssuerFinding>({
  name: "headerIssuer",
  extract({ text, layout }) {
    const ps = text.paragraphs;
    const decree = findDecree(ps);
    if (decree) {
      const p = ps[decree.index]!;
      return [{ kind: "headerIssuer", span: spanOf(p), raw: p.text, issuer: decree.org }];
    }
    for (let i = 0; i < Math.min(ps.length, Math.max(layout.headerEnd, 3)); i++) {
      const p = ps[i]!;
      if (RED_HEAD_RE.test(p.folded) && !/关于/u.test(p.text)) {
        const names = agencyNames(p, text.source, /文件$/u);
        if (names.length) return [{ kind: "headerIssuer", span: spanOf(p), raw: p.text, issuer: names.join("、") }];
      }
    }
    return [];
  },
});

export const recipients = defineExtractor<RecipientsFinding>({
  name: "recipients",
  extract({ text, layout }) {
    if (layout.recipients < 0) return [];
    const p = text.paragraphs[layout.recipients]!;
    const body = p.text.replace(/[：:]\s*$/u, "");
    return [{ kind: "recipients", span: spanOf(p), raw: p.text, names: splitNames(body) }];
  },
});

export const disclosure = defineExtractor<DisclosureFinding>({
  name: "disclosure",
  extract({ text }) {
    for (const p of text.paragraphs) {
      const m = DISCLOSURE_RE.exec(p.folded);
      if (m?.groups?.value) {
        const v = p.text.replace(/^[（(]|[）)]$/gu, "");
        return [{ kind: "disclosure", span: spanOf(p), raw: p.text, value: v }];
      }
    }
    return [];
  },
});
