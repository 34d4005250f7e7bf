import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// taken before anything in this file loads pdf.js (the imports below are dynamic on purpose)
const push = Array.prototype.push;
const jsonParse = JSON.parse;
const pdfBytes = (): Uint8Array => new Uint8Array(readFileSync(join(import.meta.dirname, "../../fixtures/pdf/borderless_table.pdf")));

describe("pdf.js and the thread's builtins", () => {
  it("starts from Node's own builtins (pdf.js's polyfills not loaded yet)", () => {
    expect((globalThis as Record<string, unknown>)["__core-js_shared__"]).toBeUndefined();
  });

  it("a PDF read through readInput does not load pdf.js on the calling thread", async () => {
    const { readInput } = await import("../../src/input/index.js");
    const d = await readInput(pdfBytes(), {});
    expect(d.format).toBe("pdf");
    expect((globalThis as Record<string, unknown>)["pdfjsLib"]).toBeUndefined();
    expect(Array.prototype.push).toBe(push);
  });

  it("loading pdf.js and reading with it leave Array.prototype.push and JSON.parse as Node's", async () => {
    const { readPdfInProcess } = await import("../../src/input/pdf.js");
    expect(Array.prototype.push).toBe(push);
    const d = await readPdfInProcess(pdfBytes(), {});
    expect(d.blocks.length).toBeGreaterThan(0);
    expect((globalThis as Record<string, unknown>)["pdfjsLib"]).toBeDefined(); // it did load here
    expect(Array.prototype.push).toBe(push);
    expect(JSON.parse).toBe(jsonParse);
  });
});
