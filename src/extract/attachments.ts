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
  /** The item marker (2.) a row of a table without 序号 takes its id from, as printed. */
  readonly marker?: string;
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
      let marked: MarkedRow[] = []; // rows of a table without 序号, numbered by their marker cells
      const flush = (): void => {
        out.push(...markerSerials(marked));
        marked = [];
      };
      for (let i = a.start; i < a.end; i++) {
        const p = ps[i]!;
        if (!p.row) {
          if (!caption) caption = squash(p.text);
          continue;
        }
        const cells = rowCells(p);
        const header = mapColumns(cells.map((c) => c.text));
        if (header) {
          flush();
          columns = header;
          continue;
        }
        if (columns && !columns.kinds.some((k) => k.kind === "index")) {
          marked.push({ ...markersOf(cells, columns), finding: { kind: "tableRow", span: spanOf(p), raw: p.text, attachment: a.number, serial: "", cells, columns, caption } });
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
      flush();
    }
    return out;
  },
});

interface MarkedRow {
  /** Ordinal of the category marker (一、) of the row or of the rows above it; 0 before any. */
  category: number;
  /** Ordinal of the item marker (1.) printed in the row, null when the row continues the item above. */
  item: number | null;
  /** A category row (一、… alone): no task. */
  only: boolean;
  /** The item marker as printed ("" when none). */
  marker: string;
  finding: TableRowFinding;
}

/**
 * The marker cells of a row of a table without 序号: a category (一、…) and an item (1.…) among its
 * leading text cells (those before the first role column, the last of them — the task text — aside),
 * or the category of a row that is only a category line.
 */
function markersOf(cells: readonly Seg[], columns: ColumnMap): { category: number; item: number | null; only: boolean; marker: string } {
  const firstRole = columns.kinds.findIndex((k) => k.kind === "role");
  const leading = columns.kinds.map((k, c) => (c < firstRole && (k.kind === "text" || k.kind === "group") ? c : -1)).filter((c) => c >= 0);
  leading.pop(); // the task text
  let category = 0;
  let item: number | null = null;
  let marker = "";
  const single = cells.length === 1;
  for (const c of single ? [0] : leading) {
    const text = squash(cells[c]?.text ?? "");
    const m = matchMarker(fold(text), true);
    if (!m) continue;
    if ((m.family === "zh" || m.family === "zhParen") && category === 0) category = m.ordinal;
    else if ((m.family === "num" || m.family === "numParen") && item === null) {
      item = m.ordinal;
      marker = text.slice(0, m.markerLength);
    }
  }
  if (single) return { category, item: null, only: category > 0, marker };
  return { category, item, only: false, marker };
}

/**
 * Ids of the rows of a table without 序号 (a choice, docs/decisions.md): the item number printed in
 * the row (1.做好规划配套 → A1.1); the rows under one merged item cell get -1, -2 … (A1.2-1, A1.2-2);
 * when item numbers restart under each category, the category's ordinal leads (A1.2.1). A table
 * without any item marker keeps numbering its rows 1, 2, 3 ….
 */
function markerSerials(rows: readonly MarkedRow[]): TableRowFinding[] {
  const tasks = rows.filter((r) => !r.only);
  if (tasks.length === 0) return [];
  const hasItems = tasks.some((r) => r.item !== null);
  // carry the category and the item down the rows of merged cells
  let category = 0;
  let item: number | null = null;
  const keyed = rows.flatMap((r) => {
    if (r.category > 0) category = r.category;
    if (r.only) {
      item = null;
      return [];
    }
    if (r.item !== null) item = r.item;
    return [{ r, category, item }];
  });
  if (!hasItems) return keyed.map((k, i) => ({ ...k.r.finding, serial: String(i + 1) }));
  const itemCats = new Map<number, Set<number>>();
  for (const k of keyed) if (k.item !== null) itemCats.set(k.item, (itemCats.get(k.item) ?? new Set()).add(k.category));
  const restart = [...itemCats.values()].some((cats) => cats.size > 1);
  const keyOf = (k: (typeof keyed)[number], i: number): string =>
    k.item === null ? `0.${i + 1}` : restart ? `${k.category}.${k.item}` : String(k.item);
  const counts = new Map<string, number>();
  keyed.forEach((k, i) => counts.set(keyOf(k, i), (counts.get(keyOf(k, i)) ?? 0) + 1));
  const seen = new Map<string, number>();
  return keyed.map((k, i) => {
    const key = keyOf(k, i);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const serial = (counts.get(key) ?? 0) > 1 ? `${key}-${n}` : key;
    return { ...k.r.finding, serial, ...(k.r.marker ? { marker: k.r.marker } : {}) };
  });
}
