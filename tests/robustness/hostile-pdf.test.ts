/**
 * PDF limits (issue 13): a compression bomb is refused by its expanded size before pdf.js inflates
 * it, at any size past the cap; real PDFs (text pages, fonts) stay far below it; a step that holds
 * pdf.js is stopped by the step limit, not by the whole-file limit.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { isGongkaiError } from "../../src/errors.js";
import { checkPdfExpansion, PDF_MAX_EXPANDED_MB } from "../../src/input/pdf-guard.js";
import { parseBuffer } from "../../src/pipeline.js";
// @ts-expect-error plain JavaScript module shared with the stress script
import * as gen from "../../stress/generators.mjs";

const MB = 1024 * 1024;
const bomb = (mb: number): Promise<Buffer> => (gen as { pdfBomb: (mb: number) => Promise<Buffer> }).pdfBomb(mb);

/** A stream object with `dict` entries and Flate data unpacking to `bytes` spaces. */
const streamObj = (dict: string, bytes: number): Buffer => {
  const data = deflateSync(Buffer.alloc(bytes, 0x20));
  return Buffer.concat([Buffer.from(`7 0 obj\n<< /Length ${data.length} ${dict} >>\nstream\r\n`, "latin1"), data, Buffer.from("\nendstream\nendobj\n", "latin1")]);
};

describe("the expanded-size cap", () => {
  it.each([1, 8, 40])("a %i MB content stream is counted, not refused", async (mb) => {
    expect(checkPdfExpansion(await bomb(mb))).toBeGreaterThanOrEqual(mb * MB);
  });

  it.each([PDF_MAX_EXPANDED_MB + 1, 150, 700])("a bomb of %i MB is E_PDF_CORRUPT within a second or two", async (mb) => {
    const bytes = await bomb(mb);
    const t0 = performance.now();
    let code = "";
    try {
      checkPdfExpansion(bytes);
    } catch (e) {
      code = isGongkaiError(e) ? e.code : "?";
      expect((e as Error).message).toMatch(/expand past \d+ MB/u);
    }
    expect(code).toBe("E_PDF_CORRUPT");
    expect(performance.now() - t0).toBeLessThan(15_000);
  }, 60_000);

  it.each([
    ["/Filter /FlateDecode", true],
    ["/Filter [/FlateDecode]", true],
    ["/Subtype /Image /Width 10 /Height 10 /Filter /FlateDecode", false], // pixels are not read
    ["/Filter /DCTDecode", false],
    ["", false],
  ] as const)("a stream with %s counts: %s", (dict, counts) => {
    const check = (): number => checkPdfExpansion(streamObj(dict, 3000), 2000);
    if (counts) expect(check).toThrow(/expand past/u);
    else expect(check()).toBe(0);
  });

  it("the cap is the sum over streams", () => {
    const two = Buffer.concat([streamObj("/Filter /FlateDecode", 1500), streamObj("/Filter /FlateDecode", 1500)]);
    expect(checkPdfExpansion(two, 4000)).toBe(3000);
    expect(() => checkPdfExpansion(two, 2000)).toThrow(/expand past/u);
  });

  it("a truncated or non-zlib stream is left to pdf.js", () => {
    const data = deflateSync(Buffer.alloc(5000, 0x20)).subarray(0, 20);
    const cut = Buffer.concat([Buffer.from("1 0 obj << /Filter /FlateDecode >>\nstream\n", "latin1"), data]);
    expect(checkPdfExpansion(cut)).toBeLessThanOrEqual(5000);
    expect(checkPdfExpansion(Buffer.from("1 0 obj << /Filter /FlateDecode >>\nstream\nnot zlib\nendstream", "latin1"))).toBe(0);
  });

  it("real PDFs stay far below the cap", () => {
    const dir = path.join(import.meta.dirname, "../../fixtures/pdf");
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".pdf"))) {
      expect(checkPdfExpansion(readFileSync(path.join(dir, f)))).toBeLessThan(4 * MB);
    }
  });

  it("a bomb given to the reader is the typed error", async () => {
    let code = "";
    try {
      await parseBuffer(await bomb(PDF_MAX_EXPANDED_MB + 20), { path: "bomb.pdf" });
    } catch (e) {
      code = isGongkaiError(e) ? e.code : "?";
    }
    expect(code).toBe("E_PDF_CORRUPT");
  }, 60_000);
});

describe("the step limit", () => {
  it("a page that holds pdf.js is stopped by the step limit, well before the whole-file limit", async () => {
    process.env["GONGKAI_READ_STEP_MS"] = "1500";
    try {
      const t0 = performance.now();
      let message = "";
      try {
        await parseBuffer(gen.pdfNestedQ(400_000), { path: "q.pdf" });
      } catch (e) {
        message = (e as Error).message;
      }
      // a fast machine may read it: then there is nothing to stop
      if (message) expect(message).toMatch(/page 1\) took longer than 1.5 s|took longer/u);
      expect(performance.now() - t0).toBeLessThan(20_000);
    } finally {
      delete process.env["GONGKAI_READ_STEP_MS"];
    }
  }, 40_000);
});
