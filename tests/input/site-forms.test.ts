/**
 * A crawled text carried by a Word file or a web page (the crawler's key lines, page chrome, a body
 * whose line breaks were lost) reads as the same text in its plain form: the converted forms go
 * through the same site-text rule (metadata lines set aside, lost breaks restored).
 */
import { describe, expect, it } from "vitest";
import { readDocxInProcess } from "../../src/input/docx.js";
import { readHtml } from "../../src/input/html.js";
import { parseDecoded, parseNotice } from "../../src/pipeline.js";
import type { Result } from "../../src/schema.js";
import { makeDocx, p } from "../helpers/make-docx.js";

const FILLER = "各单位要高度重视，明确专人负责，细化工作措施，确保各项任务按期完成，";
const CRAWL = [
  "标题: 某县人民政府办公室关于印发甲乙整治方案的通知",
  "发布时间: 2020-03-05 10:00",
  "文号: ",
  "发布机构: 某县人民政府办公室",
  "==================== 正文 ====================",
  "当前位置： 首页 政务公开 文件 时间：2020-03-05 10:00 某政办〔2020〕12号 某县人民政府办公室关于印发甲乙整治方案的通知 " +
    "各乡镇人民政府，县直各单位： 现将《甲乙整治方案》印发给你们，请认真贯彻执行。 某县人民政府办公室 2020年3月2日 甲乙整治方案 " +
    `一、工作目标 ${FILLER.repeat(3)}到2020年底完成整治。 二、主要任务 （一）清理甲项。${FILLER.repeat(2)}全面清理甲项设施。 责任单位：县住建局、县交通局。 ` +
    `（二）整治乙项。${FILLER}开展乙项整治。 责任单位：县生态环境局。 完成时限：2020年6月底前。 三、保障措施 （一）加强领导。${FILLER}成立工作专班。 ` +
    "责任单位：各乡镇人民政府。 附件下载",
];

const tasks = (r: Result) => r.tasks.map((t) => ({ id: t.id, units: [...t.leadUnits, ...t.responsibleUnits, ...t.supportUnits], deadlines: t.deadlines.map((d) => d.date) }));
const head = (r: Result) => ({ docNumber: r.document.docNumber?.raw ?? null, title: r.document.title, issueDate: r.document.issueDate, recipients: r.document.recipients });

describe("a crawled text in a converted form reads as its plain text", async () => {
  const text = parseNotice(CRAWL.join("\n"), { format: "text" });
  const esc = (s: string) => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;");
  // the readers in-process (no reader thread): the rule is the reader's, not the sandbox's
  const forms: [string, () => Promise<Result>][] = [
    ["Word file, one paragraph per line", async () => parseDecoded(await readDocxInProcess(await makeDocx(CRAWL.map((l) => p(l)).join("")), {}))],
    ["web page, one <p> per line", async () => parseDecoded(readHtml(`<!doctype html><html><body>${CRAWL.map((l) => `<p>${esc(l)}</p>`).join("")}</body></html>`, "utf-8"))],
  ];
  it("the plain text is read (the rule the forms must reach)", () => {
    expect(tasks(text).map((t) => t.id)).toEqual(["1", "2.1", "2.2", "3.1"]);
    expect(head(text)).toMatchObject({ docNumber: "某政办〔2020〕12号", issueDate: "2020-03-02" });
  });
  it.each(forms)("%s", async (_, parse) => {
    const r = await parse();
    expect(tasks(r)).toEqual(tasks(text));
    expect(head(r)).toEqual(head(text));
  });
});
