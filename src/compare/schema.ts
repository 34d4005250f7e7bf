/**
 * The output contract of `gongkai compare` (pairwise alignment) and `gongkai compare --base`
 * (coverage). As with ResultSchema, types are inferred from these zod schemas and every output is
 * validated against them before it is written; `gongkai schema compare` prints their JSON Schema.
 */
import { z } from "zod";
import { SourceInfoSchema } from "../schema.js";

export const COMPARE_SCHEMA_VERSION = "1.0";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

/** One side of a comparison: where the notice came from and what it is. */
export const CompareSideSchema = z.object({
  source: SourceInfoSchema,
  title: z.string().nullable().describe("标题 of the notice"),
  issuer: z.string().nullable().describe("发文机关"),
  docNumber: z.string().nullable().describe("发文字号 as printed"),
  year: z.number().int().nullable().describe("plan year"),
  tasks: z.number().int().nonnegative().describe("number of tasks in the notice"),
  repeats: z
    .array(z.object({ id: z.string(), of: z.string() }))
    .describe("table tasks (A<n>.<k>) that repeat a body task of the same notice; they are not matched on their own"),
});
export type CompareSide = z.infer<typeof CompareSideSchema>;

export const UnitChangeSchema = z.object({
  added: z.array(z.string()).describe("names in B's task, not in A's (compared after NFKC and white-space removal)"),
  removed: z.array(z.string()).describe("names in A's task, not in B's"),
});
export type UnitChange = z.infer<typeof UnitChangeSchema>;

export const ROLES = ["lead", "responsible", "support", "guide"] as const;
export type Role = (typeof ROLES)[number];

export const ChangesSchema = z.object({
  units: z.object({
    lead: UnitChangeSchema.describe("牵头单位"),
    responsible: UnitChangeSchema.describe("责任单位"),
    support: UnitChangeSchema.describe("配合单位"),
    guide: UnitChangeSchema.describe("指导单位"),
  }),
  deadlines: z.object({
    added: z.array(IsoDate).describe("deadline dates in B's task, not in A's"),
    removed: z.array(IsoDate).describe("deadline dates in A's task, not in B's"),
  }),
  changed: z.boolean().describe("true when any unit or deadline changed"),
});
export type Changes = z.infer<typeof ChangesSchema>;

export const PairSchema = z.object({
  a: z.string().describe("task id in A"),
  b: z.string().describe("task id in B"),
  score: z.number().min(0).max(1).describe("cosine similarity of the two tasks (character n-gram TF-IDF)"),
  shared: z.array(z.string()).describe("key phrases found in both tasks, most telling first"),
  changes: ChangesSchema,
});
export type Pair = z.infer<typeof PairSchema>;

export const CompareResultSchema = z.object({
  compareVersion: z.literal(COMPARE_SCHEMA_VERSION),
  threshold: z.number().min(0).max(1).describe("minimum score for a pair"),
  a: CompareSideSchema,
  b: CompareSideSchema,
  pairs: z.array(PairSchema).describe("matched tasks, one to one, in A's task order"),
  onlyA: z.array(z.string()).describe("tasks of A with no counterpart in B (dropped / not taken up)"),
  onlyB: z.array(z.string()).describe("tasks of B with no counterpart in A (new)"),
});
export type CompareResult = z.infer<typeof CompareResultSchema>;

/** `--base`: for each task of the base notice, which of the other notices take it up. */
export const CoverageCellSchema = z
  .object({ id: z.string().describe("the matching task id in that notice"), score: z.number().min(0).max(1) })
  .nullable();
export type CoverageCell = z.infer<typeof CoverageCellSchema>;

export const CoverageRowSchema = z.object({
  id: z.string().describe("task id in the base notice"),
  title: z.string(),
  cells: z.array(CoverageCellSchema).describe("one cell per other notice, in the order of `others`; null = not taken up"),
  covered: z.number().int().nonnegative().describe("how many of the other notices take this task up"),
});
export type CoverageRow = z.infer<typeof CoverageRowSchema>;

export const CoverageResultSchema = z.object({
  compareVersion: z.literal(COMPARE_SCHEMA_VERSION),
  threshold: z.number().min(0).max(1),
  base: CompareSideSchema,
  others: z.array(CompareSideSchema),
  rows: z.array(CoverageRowSchema),
  onlyOthers: z.array(z.array(z.string())).describe("per other notice: its tasks that match no base task"),
});
export type CoverageResult = z.infer<typeof CoverageResultSchema>;
