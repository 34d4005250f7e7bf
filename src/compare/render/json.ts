/** JSON output: the validated result, compact or indented. */
import type { CompareResult, CoverageResult } from "../schema.js";

export function renderJson(r: CompareResult | CoverageResult, pretty = false): string {
  return JSON.stringify(r, null, pretty ? 2 : undefined) + "\n";
}
