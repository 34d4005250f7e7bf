/** Extractor interface (after chrono's parsers and attw's defineCheck): small, ordered, span-carrying. */
import type { SourceText } from "../text/source-text.js";
import type { Layout } from "./layout.js";

/** 0-based UTF-16 offsets into SourceText.source, end exclusive. */
export type Span = readonly [start: number, end: number];

export interface Finding<K extends string = string> {
  readonly kind: K;
  readonly span: Span;
  readonly raw: string;
}

export interface Diagnostic {
  readonly ruleId: string;
  readonly reason: string;
  readonly span?: Span;
}

export interface ExtractContext {
  readonly text: SourceText;
  /** Zones of the notice (header, body, tail), computed once. */
  readonly layout: Layout;
  /** Findings of the extractors that ran before this one. */
  findings<K extends string>(kind: K): readonly (Finding & { kind: K })[];
  report(d: Diagnostic): void;
}

export interface Extractor<F extends Finding = Finding> {
  readonly name: F["kind"];
  extract(ctx: ExtractContext): F[];
}

export const defineExtractor = <F extends Finding>(e: Extractor<F>): Extractor<F> => e;
