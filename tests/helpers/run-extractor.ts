/** Run one extractor on a small text and check that EVERY finding's span covers its raw text. */
import { expect } from "vitest";
import { computeLayout } from "../../src/extract/layout.js";
import type { Diagnostic, ExtractContext, Extractor, Finding } from "../../src/extract/types.js";
import { readTextString } from "../../src/input/index.js";
import { SourceText } from "../../src/text/source-text.js";

const squash = (s: string): string => s.replace(/\s+/gu, "");

export function runExtractor<F extends Finding>(extractor: Extractor<F>, input: string, diagnostics: Diagnostic[] = []): F[] {
  const text = new SourceText(readTextString(input, "text", "utf-8"));
  const ctx: ExtractContext = {
    text,
    layout: computeLayout(text.paragraphs),
    findings: () => [],
    report: (d) => void diagnostics.push(d),
  };
  const found = extractor.extract(ctx);
  for (const f of found) {
    const [s, e] = f.span;
    expect(s).toBeGreaterThanOrEqual(0);
    expect(e).toBeLessThanOrEqual(input.length);
    if (e > s) expect(squash(input.slice(s, e))).toBe(squash(f.raw));
  }
  return found;
}
