/**
 * OLE2 sniffing: the streams of the container say what it is, never its extension — every container
 * kind under every extension it may carry, and what readInput does with each.
 */
import { readFileSync } from "node:fs";
import CFB from "cfb";
import { describe, expect, it } from "vitest";
import type { ErrorCode } from "../../src/errors.js";
import { readInput, sniffFormat } from "../../src/input/index.js";
import { isOle, oleKind, type OleKind } from "../../src/input/ole.js";
import { fixture } from "./helpers.js";

/** An OLE2 container with the given streams (small invented contents). */
function container(...streams: string[]): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const s of streams) CFB.utils.cfb_add(cfb, `/${s}`, Buffer.alloc(64, 1));
  return new Uint8Array(CFB.write(cfb, { type: "buffer" }) as Buffer);
}

const word = new Uint8Array(readFileSync(fixture("doc/002_988baf87858b03bd.doc")));
const KINDS: Record<OleKind, Uint8Array> = {
  doc: word,
  xls: container("Workbook"),
  encrypted: container("EncryptionInfo", "EncryptedPackage"),
  powerpoint: container("PowerPoint Document", "Current User"),
  other: container("Contents"),
  corrupt: word.subarray(0, 1024),
};

describe("oleKind tells containers apart by their streams", () => {
  it.each(Object.entries(KINDS))("%s", (kind, bytes) => {
    expect(isOle(bytes)).toBe(true);
    expect(oleKind(bytes)).toBe(kind);
  });

  it.each([
    ["an old Excel 5 workbook (Book)", container("Book"), "xls"],
    ["Word and an encrypted package: the package wins", container("WordDocument", "EncryptedPackage"), "encrypted"],
    ["only the signature", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "corrupt"],
  ] as const)("%s → %s", (_name, bytes, kind) => expect(oleKind(bytes)).toBe(kind));

  it("a zip or a PDF is not OLE2", () => {
    expect(isOle(new TextEncoder().encode("%PDF-1.7"))).toBe(false);
    expect(isOle(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe(false);
  });
});

const EXTENSIONS = ["a.doc", "a.wps", "a.dot", "a.xls", "a.et", "a.txt", "a.bin", "noext"];
// an empty Workbook stream goes to the spreadsheet reader, which finds no BIFF records in it
const EXPECT: Record<OleKind, ErrorCode | "doc"> = {
  doc: "doc",
  xls: "E_XLS_CORRUPT",
  encrypted: "E_ENCRYPTED",
  powerpoint: "E_UNSUPPORTED",
  other: "E_UNSUPPORTED",
  corrupt: "E_DOC_CORRUPT",
};
/** A container that does not open, named as a workbook, is reported by the spreadsheet reader. */
const SHEET_NAMES = new Set(["a.xls", "a.et"]);
const want = (kind: OleKind, path: string): ErrorCode | "doc" => (kind === "corrupt" && SHEET_NAMES.has(path) ? "E_XLS_CORRUPT" : EXPECT[kind]);
const sniffed = (kind: OleKind, path: string): string => (kind === "xls" || (kind === "corrupt" && SHEET_NAMES.has(path)) ? "xls" : "doc");
const cases = (Object.keys(KINDS) as OleKind[]).flatMap((kind) => EXTENSIONS.map((path) => ({ kind, path, want: want(kind, path) })));

describe("every OLE2 kind under every extension", () => {
  it.each(cases)("$kind named $path → $want", async ({ kind, path, want }) => {
    expect(sniffFormat(KINDS[kind], path)).toBe(sniffed(kind, path));
    const got = await readInput(KINDS[kind], { path }).then(
      (d) => d.format,
      (e: { code: string }) => e.code,
    );
    expect(got).toBe(want);
  });
});

describe("Word and Kingsoft extensions on other content", () => {
  it.each<{ name: string; bytes: Uint8Array; path: string; want: string }>([
    { name: "a WPS 2000 file named .wps", bytes: new Uint8Array(readFileSync(fixture("doc/not_word_compatible.wps"))), path: "a.wps", want: "E_UNSUPPORTED" },
    { name: "text named .wps", bytes: new TextEncoder().encode("关于印发的通知\n"), path: "a.wps", want: "E_UNSUPPORTED" },
    { name: "random bytes named .et", bytes: new Uint8Array(512).map((_, i) => (i * 37) & 0xff), path: "a.et", want: "E_UNSUPPORTED" },
    { name: "text named .doc (content decides)", bytes: new TextEncoder().encode("关于印发的通知\n"), path: "a.doc", want: "text" },
    { name: "a web page saved as .doc", bytes: new TextEncoder().encode("<html><body><p>关于印发的通知</p></body></html>"), path: "a.doc", want: "html" },
  ])("$name → $want", async ({ bytes, path, want }) => {
    const got = await readInput(bytes, { path }).then(
      (d) => d.format,
      (e: { code: string; hint?: string }) => e.code,
    );
    expect(got).toBe(want);
  });

  it("the .wps refusal says to save as .docx", async () => {
    await expect(readInput(new TextEncoder().encode("WPS"), { path: "a.wps" })).rejects.toMatchObject({ hint: expect.stringMatching(/\.docx/u) });
  });
});
