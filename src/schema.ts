/**
 * The output contract. This zod schema is the single source of truth: TypeScript types are
 * inferred from it, `gongkai schema` prints its JSON Schema, and every document is validated
 * against it before it is written.
 */
import { z } from "zod";

/** Minor bumps add fields (1.1: `coverage`; 1.2: attachment files of a bundle); a major bump would change or remove one. */
export const SCHEMA_VERSION = "1.2";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const InputFormatSchema = z.enum(["text", "markdown", "pdf", "docx", "doc", "html", "json", "ofd", "xlsx", "xls"]);
export type InputFormat = z.infer<typeof InputFormatSchema>;

export const SourceInfoSchema = z.object({
  path: z.string().nullable().describe("the input path as given, null for stdin or a library call"),
  format: InputFormatSchema,
  encoding: z.string().nullable().describe("text encoding used to decode the input (null for binary formats)"),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  chars: z.number().int().nonnegative().describe("length of the decoded text in UTF-16 units"),
  pages: z.number().int().positive().optional().describe("number of pages (PDF only)"),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

export const DocNumberSchema = z.object({
  raw: z.string().describe("发文字号 as printed, white space removed"),
  agency: z.string().describe("发文机关代字, e.g. 锡政办函"),
  year: z.number().int(),
  serial: z.number().int(),
});
export type DocNumber = z.infer<typeof DocNumberSchema>;

export const AttachmentSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  source: z.string().nullable().optional().describe("the attachment's own file (path as given) when it was read as a file of a bundle"),
  format: InputFormatSchema.optional().describe("format of that file"),
});
export const ReferenceSchema = z.object({ title: z.string(), docNumber: z.string().nullable() });

export const DocumentInfoSchema = z.object({
  issuer: z.string().nullable().describe("发文机关; two offices are joined with 、"),
  docNumber: DocNumberSchema.nullable(),
  title: z.string().nullable().describe("标题, white space removed"),
  recipients: z.array(z.string()).describe("主送机关"),
  issueDate: IsoDate.nullable().describe("成文日期"),
  printDate: IsoDate.nullable().describe("印发日期"),
  disclosure: z.string().nullable().describe("公开属性, e.g. 此件公开发布"),
  year: z.number().int().nullable().describe("plan year the notice is about"),
  attachments: z.array(AttachmentSchema),
  references: z.array(ReferenceSchema).describe("cited documents 《title》（文号）"),
  cc: z.array(z.string()).describe("抄送"),
});
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;

export interface Section {
  id: string;
  marker: string;
  title: string;
  children: Section[];
}
export const SectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    id: z.string(),
    marker: z.string(),
    title: z.string(),
    children: z.array(SectionSchema),
  }),
);

export const SourceSpanSchema = z.object({
  line: z.number().int().positive().describe("1-based line of the task's first character in the decoded input"),
  start: z.number().int().nonnegative().describe("0-based UTF-16 offset into the decoded input"),
  end: z.number().int().nonnegative().describe("exclusive end offset"),
  page: z.number().int().positive().optional().describe("1-based page (PDF only)"),
  file: z.string().nullable().optional().describe("bundles only: the file the task was read from (the notice or an attachment file, path as given); line, start and end point into that file"),
});
export type SourceSpan = z.infer<typeof SourceSpanSchema>;

export const DeadlineSchema = z.object({
  raw: z.string().describe("the deadline expression as printed"),
  date: IsoDate.describe("normalised date"),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const TaskSchema = z.object({
  id: z.string().describe("marker-path id (2.1.1), split suffix (1.2-1) or table id (A1.7)"),
  path: z.array(z.string()).describe("titles of the enclosing sections"),
  marker: z.string().describe("the item's number marker as printed, or the 序号 of a table row"),
  title: z.string(),
  text: z.string(),
  leadUnits: z.array(z.string()),
  responsibleUnits: z.array(z.string()),
  supportUnits: z.array(z.string()),
  guideUnits: z.array(z.string()),
  deadlines: z.array(DeadlineSchema),
  origin: z.enum(["body", "table"]),
  source: SourceSpanSchema,
});
export type Task = z.infer<typeof TaskSchema>;

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().positive().nullable(),
  file: z.string().nullable().optional().describe("bundles only: the attachment file the warning is about (absent: the notice itself); line is a line of that file"),
});
export type Warning = z.infer<typeof WarningSchema>;

const CoverageCountSchema = z.object({
  found: z.number().int().nonnegative().describe("how many the text holds (gongkai's own scanner, independent of the parser)"),
  read: z.number().int().nonnegative().describe("how many of them ended up in tasks"),
  ratio: z.number().min(0).max(1).nullable().describe("read / found, 3 decimals; null when none was found"),
  firstUnreadLine: z.number().int().positive().nullable().describe("1-based line of the first one not read, or null"),
});
export type CoverageCount = z.infer<typeof CoverageCountSchema>;

export const CoverageSchema = z
  .object({
    phrases: CoverageCountSchema.describe(
      "responsibility-like phrases: role labels (牵头单位：, 责任部门:) and role verbs after unit names in brackets (（区财政局牵头）); read when inside a task's source span",
    ),
    markers: CoverageCountSchema.describe(
      "numbered-looking markers (一、 （一） 1. （1） ① 第X条, a table's 序号) at line starts and after sentence ends; read when inside a task's source span or starting a section",
    ),
  })
  .describe("how much of the notice's visible structure was read: low ratios mean gongkai only partly understood it");
export type Coverage = z.infer<typeof CoverageSchema>;

export const ResultSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: SourceInfoSchema,
  document: DocumentInfoSchema,
  coverage: CoverageSchema,
  sections: z.array(SectionSchema),
  tasks: z.array(TaskSchema),
  warnings: z.array(WarningSchema),
});
export type Result = z.infer<typeof ResultSchema>;

/** A failed input in batch output (`--errors inline`). */
export const ErrorRecordSchema = z.object({
  source: z.object({ path: z.string().nullable() }),
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorRecord = z.infer<typeof ErrorRecordSchema>;
