/** Hand-made Results for the report tests: realistic units and deadlines, plus a hostile notice. */
import { SCHEMA_VERSION, type Result, type Task } from "../../src/schema.js";
import { FULL_COVERAGE } from "../helpers/coverage.js";

type TaskInput = Partial<Task> & Pick<Task, "id" | "title">;

export function task(t: TaskInput): Task {
  return {
    path: [], marker: `${t.id}.`, text: t.title, leadUnits: [], responsibleUnits: [], supportUnits: [], guideUnits: [],
    deadlines: [], origin: "body", source: { line: 1, start: 0, end: 1 }, ...t,
  };
}

export function result(partial: { title?: string | null; docNumber?: string | null; tasks: Task[]; warnings?: Result["warnings"]; path?: string }): Result {
  const dn = partial.docNumber === undefined ? "锡政办函〔2022〕13号" : partial.docNumber;
  const m = dn ? /^(.+?)〔(\d{4})〕(\d+)号$/u.exec(dn) : null;
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path: partial.path ?? "seeds/000.txt", format: "text", encoding: "utf-8", sha256: "a".repeat(64), chars: 12599 },
    document: {
      issuer: "无锡市人民政府办公室",
      docNumber: m ? { raw: dn ?? "", agency: m[1] ?? "", year: Number(m[2]), serial: Number(m[3]) } : null,
      title: partial.title === undefined ? "市政府办公室关于印发无锡市2022年政务公开工作要点实施方案的通知" : partial.title,
      recipients: ["各市（县）、区人民政府", "市各委办局", "市各直属单位"],
      issueDate: "2022-05-31", printDate: "2022-06-01", disclosure: "此件公开发布", year: 2022,
      attachments: [{ number: 1, title: "无锡市2022年政务公开工作要点实施方案" }],
      references: [{ title: "江苏省2022年政务公开工作要点", docNumber: "苏政办发〔2022〕30号" }],
      cc: [],
    },
    coverage: FULL_COVERAGE,
    sections: [
      { id: "1", marker: "一、", title: "工作目标", children: [] },
      { id: "2", marker: "二、", title: "重点任务", children: [{ id: "2.1", marker: "（一）", title: "助力稳定宏观经济大盘", children: [] }] },
    ],
    tasks: partial.tasks,
    warnings: partial.warnings ?? [],
  };
}

/** The first notice: four tasks, units written in several widths, deadlines over three months. */
export const wuxi = result({
  tasks: [
    task({
      id: "2.1.1", title: "加强政策解读", path: ["重点任务", "助力稳定宏观经济大盘"],
      leadUnits: ["市司法局"], responsibleUnits: ["市政府各部门", "各市（县）、区人民政府"],
      deadlines: [{ raw: "6月底前", date: "2022-06-30" }], source: { line: 91, start: 1200, end: 1300 },
    }),
    task({
      id: "2.1.2", title: "做好惠企政策公开", leadUnits: ["市 司法局"], responsibleUnits: ["各市(县)、区人民政府"],
      deadlines: [{ raw: "2022年9月底前", date: "2022-09-30" }, { raw: "12月底前", date: "2022-12-31" }],
      source: { line: 101, start: 1400, end: 1500 },
    }),
    task({
      id: "2.1.3", title: "优化营商环境信息公开", leadUnits: ["市发展改革委", "市商务局"], supportUnits: ["市市场监管局"],
      deadlines: [{ raw: "9月15日前", date: "2022-09-15" }], source: { line: 134, start: 1600, end: 1700 },
    }),
    task({ id: "2.2", title: "持续做好政府公报工作", source: { line: 258, start: 3000, end: 3100 } }),
  ],
  warnings: [{ code: "W_DEADLINE_UNRESOLVED", message: "无法确定“年底前”所指年份", line: 320 }],
});

/** A notice whose text tries to break out of the page. */
export const hostile = result({
  docNumber: null,
  path: "evil.txt",
  title: `关于</script><script>window.__pwned=1;alert(1)</script>的通知`,
  tasks: [
    task({
      id: "1", title: `<img src=x onerror="window.__pwned=2">测试任务`, text: "正文</script><!-- &amp; \u2028 \u2029",
      leadUnits: [`<b onmouseover="window.__pwned=3">区司法局</b>`], responsibleUnits: ["区政府办公室"],
      deadlines: [{ raw: "11月底前", date: "2022-11-30" }], source: { line: 5, start: 40, end: 80 },
    }),
  ],
  warnings: [{ code: "W_<svg/onload=alert(1)>", message: "<script>alert(2)</script>", line: 3 }],
});
