/** Compare a parsed Result with a gold file the way ../shared/tools/score.py does (GOLD.md). */
import type { Result } from "../../src/index.js";

export interface GoldTask {
  id: string;
  lead: string[];
  responsible: string[];
  support: string[];
  guide: string[];
  deadlines: string[];
  titleStart: string;
}
export interface Gold {
  file: string;
  document: { issuer: string | null; docNumber: string | null; title: string | null; recipients: string | null; issueDate: string | null; printDate: string | null; year: number | null };
  tasks: GoldTask[];
}

const norm = (s: string): string => s.normalize("NFKC").replace(/\s+/gu, "");
const loose = (s: string): string => s.normalize("NFKC").replace(/[\s，,、；;：:。．.（）()〔〕[\]【】“”"'《》]/gu, "");

/** Differences between a result and its gold, as readable lines (empty when they agree). */
export function diffGold(r: Result, gold: Gold): string[] {
  const out: string[] = [];
  const d = r.document;
  const g = gold.document;
  const eq = (name: string, got: unknown, want: unknown): void => {
    if (got !== want) out.push(`document.${name}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
  };
  eq("issuer", d.issuer === null ? null : norm(d.issuer), g.issuer === null ? null : norm(g.issuer));
  eq("docNumber", d.docNumber?.raw ?? null, g.docNumber === null ? null : norm(g.docNumber));
  eq("title", d.title === null ? null : norm(d.title), g.title === null ? null : norm(g.title));
  eq("recipients", d.recipients.length ? loose(d.recipients.join("，")) : null, g.recipients === null ? null : loose(g.recipients));
  eq("issueDate", d.issueDate, g.issueDate);
  eq("printDate", d.printDate, g.printDate);
  eq("year", d.year, g.year);
  const got = new Map(r.tasks.map((t) => [t.id, t]));
  const want = new Map(gold.tasks.map((t) => [t.id, t]));
  for (const id of want.keys()) if (!got.has(id)) out.push(`missing task ${id}`);
  for (const id of got.keys()) if (!want.has(id)) out.push(`extra task ${id}`);
  for (const [id, w] of want) {
    const t = got.get(id);
    if (!t) continue;
    const pairs: [string, string[], string[]][] = [
      ["lead", t.leadUnits, w.lead], ["responsible", t.responsibleUnits, w.responsible],
      ["support", t.supportUnits, w.support], ["guide", t.guideUnits, w.guide],
    ];
    for (const [role, a, b] of pairs) {
      const A = a.map(norm).sort().join("|");
      const B = b.map(norm).sort().join("|");
      if (A !== B) out.push(`task ${id} ${role}: got ${A} want ${B}`);
    }
    const dates = [...new Set(t.deadlines.map((x) => x.date))].sort().join(",");
    if (dates !== [...new Set(w.deadlines)].sort().join(",")) out.push(`task ${id} deadlines: got ${dates} want ${w.deadlines.join(",")}`);
    const start = norm(w.titleStart).slice(0, 6);
    const texts = [norm(t.text), norm(t.title + t.text)];
    if (start && !texts.some((x) => { const i = x.indexOf(start); return i >= 0 && i <= 12; })) out.push(`task ${id}: text does not start with ${start}`);
  }
  return out;
}
