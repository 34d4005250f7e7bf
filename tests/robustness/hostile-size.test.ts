/**
 * Memory caps (issue 13): the pipeline's memory grows with lines and characters, not with bytes
 * read, so what a reader hands over is capped (E_TOO_LARGE, fast), and an HTML page of tiny
 * elements is refused before its tree is built. Generated at sizes on both sides of each cap.
 */
import { describe, expect, it } from "vitest";
import { isGongkaiError } from "../../src/errors.js";
import { MAX_TEXT_CHARS, MAX_TEXT_LINES } from "../../src/input/decoded-limits.js";
import { HTML_MAX_ELEMENTS } from "../../src/input/html-depth.js";
import { parseBuffer } from "../../src/pipeline.js";

async function codeOf(text: string, ext: string): Promise<string> {
  try {
    await parseBuffer(Buffer.from(text, "utf8"), { path: `case.${ext}` });
    return "ok";
  } catch (e) {
    return isGongkaiError(e) ? e.code : String(e);
  }
}

const lines = (n: number, line: string): string => "一、任务\n" + `${line}\n`.repeat(n - 1);

describe("decoded-size caps", () => {
  it.each([
    [MAX_TEXT_LINES - 10, "ok"],
    [MAX_TEXT_LINES + 1, "E_TOO_LARGE"],
    [MAX_TEXT_LINES * 5, "E_TOO_LARGE"],
  ])("%i short lines: %s", async (n, want) => {
    const t0 = performance.now();
    expect(await codeOf(lines(n, "1.丙"), "txt")).toBe(want);
    if (want !== "ok") expect(performance.now() - t0).toBeLessThan(15_000);
  }, 60_000);

  it.each([
    [MAX_TEXT_CHARS - 1000, "ok"],
    [MAX_TEXT_CHARS + 1000, "E_TOO_LARGE"],
  ])("one line of %i characters: %s", async (n, want) => {
    expect(await codeOf("一、" + "做".repeat(n - 2), "txt")).toBe(want);
  }, 60_000);

  it("the message names the cap", async () => {
    await expect(parseBuffer(Buffer.from(lines(MAX_TEXT_LINES + 5, "甲"), "utf8"), { path: "a.txt" })).rejects.toThrow(/lines \(the limit is 120,000\)/u);
  });
});

describe("HTML element cap", () => {
  const page = (n: number): string => `<!doctype html><html><head><meta charset="utf-8"></head><body><div>${"<span>做好工作</span>".repeat(n)}</div></body></html>`;
  it.each([
    [1000, "ok"],
    [HTML_MAX_ELEMENTS + 10, "E_TOO_LARGE"],
  ])("%i elements: %s", async (n, want) => {
    const t0 = performance.now();
    expect(await codeOf(page(n), "html")).toBe(want);
    if (want !== "ok") expect(performance.now() - t0).toBeLessThan(10_000);
  }, 60_000);
});
