/**
 * 元数据 front matter in its simplest shape — one `键: 值` line per field, what crawled notices
 * carry — read without the YAML parser (which costs more than the rest of such a notice's reading).
 * Anything else in it (quotes, lists, comments, multi-line values, a value YAML reads as a number,
 * a boolean or null, a repeated key) makes this reader give up, and the YAML parser reads it: the
 * result is always what the YAML parser would give (tests/input/front-matter.test.ts holds both to it).
 */
import { trimChars } from "../text/chars.js";

/** A key YAML reads as the same string: letters, digits, underscores. */
const SIMPLE_KEY = /^[\p{L}_][\p{L}\p{N}_]{0,63}$/u;
/** Plain scalars of YAML 1.2's core schema that are not strings: null, booleans, integers, floats. */
const NON_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/u;
/** Characters that give a value's first character a YAML meaning (sequence, flow, quote, anchor, tag, block scalar…). */
const INDICATOR = new Set([..."-?:,[]{}#&*!|>'\"%@`"]);

/** The fields of a front matter made only of `key: value` lines, or null when it has anything else. */
export function simpleFrontMatter(yaml: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const line of yaml.split("\n")) {
    const colon = line.indexOf(": ");
    if (colon < 0) return null;
    const key = line.slice(0, colon);
    if (!SIMPLE_KEY.test(key) || NON_STRING.test(key) || key === "__proto__" || seen.has(key)) return null;
    seen.add(key);
    const value = trimChars(line.slice(colon + 2), " ");
    if (value === "" || INDICATOR.has(value[0]!) || value.includes(": ") || value.endsWith(":") || value.includes(" #") || value.includes("\t")) return null;
    if (NON_STRING.test(value)) return null;
    out[key] = value;
  }
  return out;
}
