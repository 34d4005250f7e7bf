import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_COLUMNS, TASK_COLUMNS } from "../../src/output/columns.js";
import { buildXlsx, SHEET_DOCUMENTS, SHEET_TASKS } from "../../src/output/xlsx.js";
import { TRICKY } from "../helpers/results.js";

async function readBack(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const col = (key: string): number => TASK_COLUMNS.findIndex((c) => c.key === key) + 1;

describe("XLSX", () => {
  it("has a Tasks sheet with one row per task and real date cells", async () => {
    const wb = await readBack(await buildXlsx(TRICKY, "zh"));
    const ws = wb.getWorksheet(SHEET_TASKS)!;
    const tasks = TRICKY.flatMap((d) => d.tasks);
    expect(ws.rowCount).toBe(1 + tasks.length);
    expect(ws.getRow(1).getCell(col("lead")).value).toBe("牵头单位");
    tasks.forEach((t, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(col("taskId")).value).toBe(t.id);
      expect(row.getCell(col("text")).value ?? "").toBe(t.text.replace(/\r\n/gu, "\n")); // XML normalises CR LF
      expect(row.getCell(col("responsible")).value ?? "").toBe(t.responsibleUnits.join("、"));
      const deadline = row.getCell(col("deadline"));
      if (t.deadlines[0]) {
        expect(deadline.type).toBe(ExcelJS.ValueType.Date);
        expect((deadline.value as Date).toISOString().slice(0, 10)).toBe(t.deadlines[0].date);
        expect(deadline.numFmt).toBe("yyyy-mm-dd");
      } else {
        expect(deadline.value).toBeNull();
      }
      expect(row.getCell(col("line")).value).toBe(t.source.line);
    });
    // The document's issue date is a date cell too.
    expect(ws.getRow(2).getCell(col("issueDate")).type).toBe(ExcelJS.ValueType.Date);
  });

  it("freezes and filters the header row and sets column widths", async () => {
    const wb = await readBack(await buildXlsx(TRICKY, "en"));
    for (const [name, n] of [[SHEET_TASKS, TASK_COLUMNS.length], [SHEET_DOCUMENTS, DOCUMENT_COLUMNS.length]] as const) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.columns.length).toBe(n);
      expect(ws.columns.every((c) => (c.width ?? 0) >= 7)).toBe(true);
    }
  });

  it("has a Documents sheet with one row per document", async () => {
    const wb = await readBack(await buildXlsx(TRICKY, "en"));
    const ws = wb.getWorksheet(SHEET_DOCUMENTS)!;
    expect(ws.rowCount).toBe(1 + TRICKY.length);
    expect(ws.getRow(2).getCell(1).value).toBe("a/通知,一.txt");
    expect(ws.getRow(3).getCell(1).value).toBe("-");
    expect(ws.getRow(2).getCell(9).value).toBe(2); // task count
  });
});
