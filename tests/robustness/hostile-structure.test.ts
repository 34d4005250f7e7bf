/**
 * Time and memory on hostile structure (issue 13), at small sizes: every generator in
 * stress/generators.mjs ends quickly with a valid document or a typed error (never E_INTERNAL),
 * and every message is one line. `npm run stress` runs the same generators at full size.
 */
import { describe, expect, it } from "vitest";
import { isGongkaiError } from "../../src/errors.js";
import { parseBuffer } from "../../src/pipeline.js";
import { ResultSchema } from "../../src/schema.js";
import { maxDepth } from "../../src/input/docx.js";
import { capHtmlDepth, HTML_MAX_DEPTH } from "../../src/input/html-depth.js";
import { markdownShape, MARKDOWN_MAX_DEPTH } from "../../src/input/markdown-guard.js";
// @ts-expect-error plain JavaScript module shared with the stress script
import * as gen from "../../stress/generators.mjs";

type Case = [string, string, (n: number) => Uint8Array | Promise<Uint8Array>, number, number];
const CASES = (gen as { CASES: Case[] }).CASES;
const BOUND_MS = 30_000; // generous: a shared, busy machine (and the reader thread starts once); super-linear cases took minutes

async function outcome(bytes: Uint8Array, ext: string): Promise<{ ok: boolean; code?: string; warnings: string[]; messages: string[] }> {
  try {
    const r = await parseBuffer(bytes, { path: `case.${ext}` });
    expect(ResultSchema.safeParse(r).success).toBe(true);
    return { ok: true, warnings: r.warnings.map((w) => w.code), messages: r.warnings.map((w) => w.message) };
  } catch (e) {
    expect(isGongkaiError(e)).toBe(true);
    const err = e as { code: string; message: string };
    return { ok: false, code: err.code, warnings: [], messages: [err.message] };
  }
}

describe("hostile structure at small sizes", () => {
  it.each(CASES.map((c) => [c[0], c[4], c] as const))("%s (%i)", async (_name, small, c) => {
    const bytes = await c[2](small);
    const t0 = performance.now();
    const r = await outcome(bytes, c[1]);
    expect(performance.now() - t0).toBeLessThan(BOUND_MS);
    expect(r.code).not.toBe("E_INTERNAL");
    for (const m of r.messages) expect(m).not.toMatch(/[\r\n]/u);
  }, 60_000);
});

describe("limits give their warning or error", () => {
  it.each([40, 100, 1000])("a Markdown list %i levels deep is read as text with W_MARKDOWN_AS_TEXT", async (n) => {
    const r = await outcome(gen.mdNestedList(n), "md");
    expect(r.warnings).toContain("W_MARKDOWN_AS_TEXT");
  });

  it.each([10, 20])("a Markdown list %i levels deep is still parsed as Markdown", async (n) => {
    expect(markdownShape(new TextDecoder().decode(gen.mdNestedList(n))).depth).toBeLessThanOrEqual(MARKDOWN_MAX_DEPTH);
    const r = await outcome(gen.mdNestedList(n), "md");
    expect(r.warnings).not.toContain("W_MARKDOWN_AS_TEXT");
  });

  it.each([["div", 300], ["span", 2000], ["li", 1000], ["table", 40], ["unclosedB", 3000], ["svg", 1000]] as const)("HTML %s nested %i deep gives W_HTML_TOO_DEEP", async (tag, n) => {
    const r = await outcome(gen.htmlNested(tag, n), "html");
    if (r.ok) expect(r.warnings).toContain("W_HTML_TOO_DEEP");
    else expect(r.code).toBe("E_EMPTY"); // svg text is no article text
  });

  it("the HTML depth cap keeps every offset (same length) and the text", () => {
    const page = new TextDecoder().decode(gen.htmlNested("div", 1000));
    const { html, depth } = capHtmlDepth(page);
    expect(depth).toBe(1000 + 2);
    expect(html.length).toBe(page.length);
    expect(html).toContain("一、做好工作。");
    expect(capHtmlDepth(new TextDecoder().decode(gen.htmlNested("div", HTML_MAX_DEPTH - 10))).html).toBe(new TextDecoder().decode(gen.htmlNested("div", HTML_MAX_DEPTH - 10)));
  });

  it.each([600, 5000])("a .docx nested %i deep is E_TOO_LARGE", async (n) => {
    const r = await outcome(await gen.docxDeep(n), "docx");
    expect(r.code).toBe("E_TOO_LARGE");
  });

  it("a .docx that unpacks to more than 32 MB of XML is E_TOO_LARGE", async () => {
    const r = await outcome(await gen.docxBomb(40), "docx");
    expect(r.code).toBe("E_TOO_LARGE");
  }, 60_000);

  it.each([100, 3000])("list labels from a level text of %i counters are left out, the paragraphs read", async (n) => {
    const r = await outcome(await gen.docxLongLabels(n, 50), "docx");
    expect(r.ok).toBe(true);
  }, 60_000);

  it("element depth is counted linearly", () => {
    expect(maxDepth("<a><b/><c><d></d></c></a>")).toBe(3);
    expect(maxDepth("<?xml?><!-- x --><a>" + "<b>".repeat(10_000))).toBeGreaterThan(512);
  });

  it("a PDF that holds pdf.js is stopped from outside at the time limit", async () => {
    process.env["GONGKAI_READ_TIMEOUT_MS"] = "1500";
    try {
      const t0 = performance.now();
      const r = await outcome(gen.pdfNestedQ(400_000), "pdf");
      expect(performance.now() - t0).toBeLessThan(10_000);
      if (!r.ok) expect(r.code).toBe("E_PDF_CORRUPT");
    } finally {
      delete process.env["GONGKAI_READ_TIMEOUT_MS"];
    }
  }, 30_000);
});
