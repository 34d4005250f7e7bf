/** Output format names and file extensions (kept tiny: imported at start-up). */
export const OUTPUT_FORMATS = ["json", "ndjson", "csv", "tsv", "xlsx"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const EXTENSION: Record<OutputFormat, string> = { json: ".json", ndjson: ".ndjson", csv: ".csv", tsv: ".tsv", xlsx: ".xlsx" };

/** What a written file holds: a parse format, the report page, or compare's text. */
export type OutputKind = OutputFormat | "html" | "text";

/** The extensions a file of each kind may carry; the first is the one gongkai gives it. */
export const KIND_EXTENSIONS: Record<OutputKind, readonly string[]> = {
  json: [".json"],
  ndjson: [".ndjson", ".jsonl"],
  csv: [".csv"],
  tsv: [".tsv", ".tab"],
  xlsx: [".xlsx"],
  html: [".html", ".htm"],
  text: [".txt", ".text"],
};

/** The parse format an --out name asks for, or null when its extension is not one gongkai knows. */
export function formatOfExtension(ext: string): OutputFormat | null {
  const e = ext.toLowerCase();
  return OUTPUT_FORMATS.find((f) => KIND_EXTENSIONS[f].includes(e)) ?? null;
}

/** Every extension --out may end in, for the usage error that lists them. */
export const KNOWN_OUT_EXTENSIONS: readonly string[] = OUTPUT_FORMATS.flatMap((f) => KIND_EXTENSIONS[f]);
