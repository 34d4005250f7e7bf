import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { TASK_COLUMNS } from "../../src/output/columns.js";
import { BOM, renderDelimited, renderDelimitedHeader, renderDelimitedRows } from "../../src/output/csv.js";
import type { Result } from "../../src/schema.js";
import { TRICKY } from "../helpers/results.js";

const ratio = (r: number | null): string => (r === null ? "" : String(r));

/** The row a spreadsheet user expects for each task, written out independently of src/output. */
const expectedRows = (docs: Result[]): string[][] =>
  docs.flatMap((d) =>
    d.tasks.map((t) => [
      d.source.path ?? "-", d.document.docNumber?.raw ?? "", d.document.title ?? "", d.document.issuer ?? "",
      d.document.issueDate ?? "", d.document.year === null ? "" : String(d.document.year),
      ratio(d.coverage.phrases.ratio), ratio(d.coverage.markers.ratio),
      t.id, t.path.join(" > "), t.title, t.leadUnits.join("、"), t.responsibleUnits.join("、"), t.supportUnits.join("、"), t.guideUnits.join("、"),
      t.deadlines.map((x) => x.raw).join("；"), t.deadlines[0]?.date ?? "", t.text, String(t.source.line), t.source.page ? String(t.source.page) : "",
      t.source.file ?? "",
    ]),
  );

const cases = [
  { kind: "csv" as const, delimiter: "," },
  { kind: "tsv" as const, delimiter: "\t" },
];

describe("CSV / TSV", () => {
  it.each(cases)("$kind parsed back with csv-parse equals the JSON tasks", ({ kind, delimiter }) => {
    const text = renderDelimited(TRICKY, kind, { headers: "en", bom: false });
    const rows: string[][] = parse(text, { delimiter, relax_column_count: false });
    expect(rows[0]).toEqual(TASK_COLUMNS.map((c) => c.en));
    expect(rows.slice(1)).toEqual(expectedRows(TRICKY));
  });

  it("writes a BOM only when asked, and csv-parse strips it", () => {
    const withBom = renderDelimited(TRICKY, "csv", { headers: "zh", bom: true });
    expect(withBom.startsWith(BOM)).toBe(true);
    expect(renderDelimited(TRICKY, "csv", { headers: "zh", bom: false }).startsWith(BOM)).toBe(false);
    const rows: string[][] = parse(withBom, { bom: true });
    expect(rows[0]?.slice(0, 3)).toEqual(["文件", "文号", "标题"]);
    expect(rows[0]).toContain("牵头单位");
    expect(rows[0]).toContain("完成时限");
    expect(rows.slice(1)).toEqual(expectedRows(TRICKY));
  });

  it("uses CRLF records for CSV and LF for TSV", () => {
    expect(renderDelimitedHeader("csv", { headers: "en", bom: false }).endsWith("\r\n")).toBe(true);
    expect(renderDelimitedHeader("tsv", { headers: "en", bom: false }).endsWith("source_file\n")).toBe(true);
  });

  it("gives no rows for a document without tasks, so streamed parts concatenate", () => {
    const empty = { ...TRICKY[0]!, tasks: [] };
    expect(renderDelimitedRows(empty, "csv")).toBe("");
    const whole = renderDelimited(TRICKY, "csv", { headers: "en", bom: false });
    const parts = renderDelimitedHeader("csv", { headers: "en", bom: false }) + TRICKY.map((d) => renderDelimitedRows(d, "csv")).join("");
    expect(parts).toBe(whole);
  });
});
