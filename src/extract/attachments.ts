/**
 * 附件: the 附件说明 list (附件：1. … 2. …) and the attachment tables (附件1 重点任务清单 …), whose
 * rows are tasks with ids A<attachment>.<序号>.
 *
 *   附件 1
 *   2022 年度全市政务公开工作重点任务清单
 *   序号	重点任务	牵头单位	完成时限        ← header (repeated mid-table after page breaks)
 *   1	高水平推进…	市发展改革委	全年   → task A1.1
 */
import { say } from "../messages.js";
import type { Seg } from "../text/blocks.js";
import { fold, squash } from "../text/chars.js";
import { ATTACHMENT_LIST_RE } from "./patterns.js";
import { rowCells } from "./sections.js";
import { matchMarker } from "./section-marker.js";
import { zhNumber } from "./zh-numerals.js";
import { spanOf } from "./span.js";
import { type ColumnMap, mapColumns } from "./table.js";
import { defineExtractor, type Finding } from "./types.js";

export interface AttachmentFinding extends Finding<"attachment"> {
  readonly number: number;
  readonly title: string;
}

export interface TableRowFinding extends Finding<"tableRow"> {
  readonly attachment: number;
  /** 序号 as printed. */
  readonly serial: string;
  readonly cells: readonly Seg[];
  readonly columns: ColumnMap;
  /** Title of the attachment (the table's caption). */
  readonly caption: string;
}

export const attachmentList = defineExtractor<AttachmentFinding>({
  name: "attachment",
  extract({ text, layout }) {
    const ps = text.paragraphs;
    const out: AttachmentFinding[] = [];
    for (let i = Math.max(0, layout.recipients + 1); i < ps.length; i++) {
      const p = ps[i]!;
      const m = ATTACHMENT_LIST_RE.exec(p.folded);
      if (!m) continue;
      const first = p.text.slice(m[0].length).trim();
      const mm = matchMarker(fold(first));
      const printed = /(\d{1,2})/u.exec(m[0])?.[1];
      if (!mm || mm.family !== "num") {
        if (first) out.push({ kind: "attachment", span: spanOf(p), raw: p.text, number: printed ? Number(printed) : 1, title: squash(first) });
      } else {
        out.push({ kind: "attachment", span: spanOf(p), raw: p.text, number: mm.ordinal, title: squash(first.slice(mm.length)) });
        for (let j = i + 1; j < ps.length; j++) {
          const q = ps[j]!;
          const qm = matchMarker(q.folded);
          if (!qm || qm.family !== "num" || q.row) break;
          out.push({ kind: "attachment", span: spanOf(q), raw: q.text, number: qm.ordinal, title: squash(q.text.slice(qm.length)) });
          i = j;
        }
      }
      break;
    }
    if (out.length === 0) {
      // No 附件说明 list: take the titles printed under each "附件 N" header.
      for (const a of layout.attachments) {
        const t = ps.slice(a.start, a.end).find((p) => !p.row);
        if (t) out.push({ kind: "attachment", span: spanOf(t), raw: t.text, number: a.number, title: squash(t.text) });
      }
    }
    return out;
  },
});

export const attachmentTables = defineExtractor<TableRowFinding>({
  name: "tableRow",
  extract({ text, layout, report }) {
    const ps = text.paragraphs;
    const out: TableRowFinding[] = [];
    for (const a of layout.attachments) {
      let columns: ColumnMap | null = null;
      let caption = "";
      let warned = false;
      const serials = new Set<string>();
      for (let i = a.start; i < a.end; i++) {
        const p = ps[i]!;
        if (!p.row) {
          if (!caption) caption = squash(p.text);
          continue;
        }
        const cells = rowCells(p);
        const header = mapColumns(cells.map((c) => c.text));
        if (header) {
          columns = header;
          continue;
        }
        if (!columns) {
          if (!warned) report({ ruleId: "W_TABLE_COLUMNS", reason: say("tableColumns", { n: a.number }), span: spanOf(p) });
          warned = true;
          continue;
        }
        const indexCol = columns.kinds.findIndex((k) => k.kind === "index");
        const serialCell = indexCol >= 0 ? cells[indexCol] : undefined;
        const printedSerial = serialCell ? /^[(（]?(\d{1,4}|[一二三四五六七八九十百]{1,4})[.．、)）]?$/u.exec(squash(serialCell.text))?.[1] : String(serials.size + 1);
        const n = printedSerial === undefined ? null : zhNumber(printedSerial);
        if (n === null) continue; // a group row (一、…方面) or debris, not a task
        const serial = String(n);
        if (serials.has(serial)) report({ ruleId: "W_NUMBERING_DUPLICATE", reason: say("serialTwice", { serial, n: a.number }), span: spanOf(p) });
        serials.add(serial);
        out.push({ kind: "tableRow", span: spanOf(p), raw: p.text, attachment: a.number, serial, cells, columns, caption });
      }
    }
    return out;
  },
});
