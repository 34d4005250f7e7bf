import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBuffer } from "../../src/index.js";

describe("a PDF with some scanned pages", () => {
  it("parses the text pages and warns about the pages without a text layer", async () => {
    const path = join(import.meta.dirname, "../../fixtures/pdf/partly_scanned_002.pdf");
    const r = await parseBuffer(readFileSync(path), { path });
    expect(r.source.pages).toBe(4);
    expect(r.tasks.length).toBeGreaterThan(0);
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: "W_PDF_PAGES_NO_TEXT", line: null }));
    expect(r.warnings.find((w) => w.code === "W_PDF_PAGES_NO_TEXT")!.message).toMatch(/page 4 /u);
  });
});
