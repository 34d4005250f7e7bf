/**
 * Escaping for the two places notice text reaches the page: HTML text/attributes and the
 * embedded JSON data block. Notices are untrusted input — a title may well contain `</script>`.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for HTML element content and (double- or single-quoted) attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c] ?? c);

/**
 * Serialise a value for `<script type="application/json">`. `<`, `>` and `&` become `\u003c`…
 * so neither `</script>` nor `<!--` can end or confuse the block; U+2028/2029 are escaped too so
 * the text stays valid if someone pastes it into a JS string literal.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
