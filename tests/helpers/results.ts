/** Hand-built documents for output tests: fields holding commas, quotes, line breaks, tabs. */
import { type Result, ResultSchema, SCHEMA_VERSION, type Task } from "../../src/schema.js";
import { FULL_COVERAGE } from "./coverage.js";

export function makeTask(over: Partial<Task> = {}): Task {
  return {
    id: "1", path: [], marker: "一、", title: "任务", text: "做好工作。",
    leadUnits: [], responsibleUnits: [], supportUnits: [], guideUnits: [], deadlines: [], origin: "body",
    source: { line: 1, start: 0, end: 5 },
    ...over,
  };
}

export function makeResult(path: string | null, tasks: Task[], over: Partial<Result["document"]> = {}): Result {
  const r: Result = {
    schemaVersion: SCHEMA_VERSION,
    source: { path, format: "text", encoding: "utf-8", sha256: "0".repeat(64), chars: 100 },
    document: {
      issuer: "无锡市人民政府办公室", docNumber: { raw: "锡政办函〔2022〕13号", agency: "锡政办函", year: 2022, serial: 13 },
      title: "关于印发无锡市2022年政务公开工作要点实施方案的通知", recipients: ["各市（县）、区人民政府", "市各委办局"],
      issueDate: "2022-05-31", printDate: null, disclosure: null, year: 2022, attachments: [], references: [], cc: [],
      ...over,
    },
    coverage: FULL_COVERAGE,
    sections: [],
    tasks,
    warnings: [],
  };
  return ResultSchema.parse(r);
}

/** Two documents whose fields exercise every quoting rule. */
export const TRICKY: Result[] = [
  makeResult("a/通知,一.txt", [
    makeTask({
      id: "2.1.1", path: ["二、主要任务", "（一）\"公开\"，标准化"], marker: "1.", title: "主动公开, \"重要\" 政策",
      text: "第一行，含逗号, comma\n第二行 \"引号\" 'single'\r\n第三行\t制表符",
      leadUnits: ["市司法局"], responsibleUnits: ["市政府各部门", "各市（县）、区人民政府"], supportUnits: ["市委改革办（市政务办）"],
      deadlines: [{ raw: "2022年底前", date: "2022-12-31" }, { raw: "6月底前", date: "2022-06-30" }],
      source: { line: 12, start: 100, end: 180, page: 3 },
    }),
    makeTask({ id: "2.1.2", text: "  leading and trailing spaces  ", title: "=SUM(A1)", source: { line: 20, start: 200, end: 230 } }),
  ]),
  makeResult(null, [makeTask({ id: "A1.7", origin: "table", text: "", title: "" })], { docNumber: null, title: null, issuer: null, issueDate: null, year: null }),
];
