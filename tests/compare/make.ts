/** Hand-made tasks and documents for compare tests. */
import { SCHEMA_VERSION, type Result, type Task } from "../../src/schema.js";
import { FULL_COVERAGE } from "../helpers/coverage.js";

export function task(id: string, text: string, extra: Partial<Task> = {}): Task {
  return {
    id, path: [], marker: `${id}.`, title: text.split("。")[0] ?? text, text,
    leadUnits: [], responsibleUnits: [], supportUnits: [], guideUnits: [], deadlines: [],
    origin: id.startsWith("A") ? "table" : "body",
    source: { line: 1, start: 0, end: text.length },
    ...extra,
  };
}

export function doc(tasks: Task[], title = "测试通知", path: string | null = null): Result {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path, format: "text", encoding: "utf-8", sha256: "0".repeat(64), chars: 0 },
    document: {
      issuer: null, docNumber: null, title, recipients: [], issueDate: null, printDate: null, disclosure: null,
      year: 2022, attachments: [], references: [], cc: [],
    },
    coverage: FULL_COVERAGE,
    sections: [],
    tasks,
    warnings: [],
  };
}

/** Task texts on clearly different subjects, in the style of 政务公开 要点. */
export const TEXT = {
  epidemic: "规范疫情信息发布。严格执行疫情防控信息发布各项制度，统筹用好各类信息发布平台，规范流调信息发布和管理，注意保护个人隐私。",
  subsidy: "惠民惠农结果公示到村。各类惠民惠农财政补贴资金发放结果以村为单位通过村务公开栏公示，期满相关材料留存村委会供村民查询。",
  rules: "主动发布管理行政规范性文件。建立本地区统一的现行有效行政规范性文件库，在政府网站集中公开并动态更新。",
  openMonth: "组织举办政府开放月活动。邀请人大代表、政协委员、市民代表走进机关，实地体验政务服务，听取意见建议。",
  enterprise: "逐步推进公共企事业单位信息公开。教育、卫生健康、供水、供电、供气等行业主管部门要制定完善公共企事业单位信息公开规定。",
} as const;
