/** Output format names and file extensions (kept tiny: imported at start-up). */
export const OUTPUT_FORMATS = ["json", "ndjson", "csv", "tsv", "xlsx"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const EXTENSION: Record<OutputFormat, string> = { json: ".json", ndjson: ".ndjson", csv: ".csv", tsv: ".tsv", xlsx: ".xlsx" };
