import { describe, expect, it } from "vitest";
import { readInput, sniffFormat } from "../../src/input/index.js";
import type { ErrorCode } from "../../src/errors.js";

const b = (s: string | number[]): Uint8Array => new Uint8Array(typeof s === "string" ? Buffer.from(s, "utf8") : s);
const zipWith = (name: string): Uint8Array => b([0x50, 0x4b, 0x03, 0x04, ...Buffer.from(`\0\0\0\0${name}`)]);

describe("sniffFormat: content first, then extension", () => {
  it.each([
    { name: "PDF magic in a .txt", bytes: b("%PDF-1.7\n..."), path: "a.txt", want: "pdf" },
    { name: "PDF magic after junk", bytes: b("\r\n\r\n%PDF-1.4\n"), path: null, want: "pdf" },
    { name: "zip named .txt", bytes: zipWith("word/document.xml"), path: "a.txt", want: "docx" },
    { name: "doctype", bytes: b("<!DOCTYPE html><html><body><p>通知</p>"), path: "a.txt", want: "html" },
    { name: "xml declaration and comment before <html>", bytes: b('<?xml version="1.0"?>\n<!-- saved -->\n<html><body>'), path: null, want: "html" },
    { name: "BOM then <html>", bytes: b("\uFEFF<html lang=zh>"), path: null, want: "html" },
    { name: "HTML fragment named .htm", bytes: b("<div><p>通知</p></div>"), path: "a.htm", want: "html" },
    { name: "text named .pdf", bytes: b("关于印发的通知\n"), path: "a.pdf", want: "text" },
    { name: "text named .html", bytes: b("关于印发的通知\n"), path: "a.html", want: "text" },
    { name: "Markdown by extension", bytes: b("# 标题\n"), path: "a.md", want: "markdown" },
    { name: "text by default", bytes: b("关于印发的通知\n"), path: null, want: "text" },
  ])("$name → $want", ({ bytes, path, want }) => expect(sniffFormat(bytes, path)).toBe(want));
});

describe("readInput refuses what it cannot read, each with its own code", () => {
  it.each<{ name: string; bytes: Uint8Array; path: string; code: ErrorCode }>([
    { name: "empty file", bytes: b(""), path: "a.txt", code: "E_EMPTY" },
    { name: "white space only", bytes: b(" \n\t\n"), path: "a.txt", code: "E_EMPTY" },
    { name: "zip that is not a .docx", bytes: zipWith("ppt/presentation.xml"), path: "a.zip", code: "E_UNSUPPORTED" },
    { name: "OLE2 signature without a container", bytes: b([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), path: "a.doc", code: "E_DOC_CORRUPT" },
    { name: "PNG image", bytes: b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), path: "scan.png", code: "E_UNSUPPORTED" },
    { name: "RTF", bytes: b("{\\rtf1\\ansi 通知}"), path: "a.rtf", code: "E_UNSUPPORTED" },
    { name: "page without article text", bytes: b("<!DOCTYPE html><html><body><nav>首页</nav><script>x()</script></body></html>"), path: "a.html", code: "E_EMPTY" },
  ])("$name → $code", async ({ bytes, path, code }) => {
    await expect(readInput(bytes, { path })).rejects.toMatchObject({ code });
  });
});

describe("opts.format forces a reader", () => {
  it("reads HTML-looking text as text", async () => {
    const d = await readInput(b("<html>不是网页</html>\n"), { format: "text" });
    expect(d.format).toBe("text");
    expect(d.blocks[0]?.text).toBe("<html>不是网页</html>");
  });
  it("reads a text file as HTML", async () => {
    const d = await readInput(b("<p>一、总体要求</p><p>（一）做好公开。</p>"), { format: "html" });
    expect(d.format).toBe("html");
    expect(d.blocks.map((x) => x.text)).toEqual(["一、总体要求", "（一）做好公开。"]);
  });
  it("forces an encoding", async () => {
    const d = await readInput(new Uint8Array(Buffer.from("一、总体要求\n", "utf16le")), { encoding: "utf-16le" });
    expect(d.encoding).toBe("utf-16le");
    expect(d.source).toBe("一、总体要求\n");
  });
});
