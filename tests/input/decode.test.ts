import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, encodingName, sniffUtf16 } from "../../src/input/decode.js";
import type { ErrorCode } from "../../src/errors.js";

const TEXT = "市长在线• 民声留言板\n锡政办函〔2022〕13号\n";
const bytes = (...parts: (number[] | Buffer | Uint8Array)[]): Uint8Array => new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p as Uint8Array))));
const utf8 = Buffer.from(TEXT, "utf8");
const utf16le = Buffer.from(TEXT, "utf16le");
const utf16be = Buffer.from(utf16le).swap16();
const gb18030 = iconv.encode(TEXT, "gb18030");

const valid: { name: string; input: Uint8Array; forced?: string; encoding: string; text?: string }[] = [
  { name: "UTF-8", input: bytes(utf8), encoding: "utf-8" },
  { name: "UTF-8 with BOM (BOM stripped)", input: bytes([0xef, 0xbb, 0xbf], utf8), encoding: "utf-8" },
  { name: "UTF-16LE with BOM", input: bytes([0xff, 0xfe], utf16le), encoding: "utf-16le" },
  { name: "UTF-16BE with BOM", input: bytes([0xfe, 0xff], utf16be), encoding: "utf-16be" },
  { name: "UTF-16LE without BOM (NUL pattern)", input: bytes(Buffer.from("2022年\n13号\n", "utf16le")), encoding: "utf-16le", text: "2022年\n13号\n" },
  { name: "GB18030 with the 4-byte •", input: bytes(gb18030), encoding: "gb18030" },
  { name: "GB18030 BOM", input: bytes([0x84, 0x31, 0x95, 0x33], gb18030), encoding: "gb18030" },
  { name: "short GBK string (detectors say Shift_JIS)", input: bytes(iconv.encode("锡政办函〔2022〕13号", "gbk")), encoding: "gb18030", text: "锡政办函〔2022〕13号" },
  { name: "forced gbk decodes as gb18030 (keeps •)", input: bytes(gb18030), forced: "GBK", encoding: "gb18030" },
  { name: "forced utf-16 follows the BOM", input: bytes([0xfe, 0xff], utf16be), forced: "utf-16", encoding: "utf-16be" },
  { name: "forced utf-8 strips its BOM", input: bytes([0xef, 0xbb, 0xbf], utf8), forced: "utf8", encoding: "utf-8" },
  { name: "forced big5", input: bytes(iconv.encode("臺北市政府", "big5")), forced: "big5", encoding: "big5", text: "臺北市政府" },
];

const invalid: { name: string; input: Uint8Array; forced?: string; code: ErrorCode }[] = [
  { name: "random bytes", input: bytes([0x00, 0x13, 0x88, 0xff, 0x02, 0x00, 0x41, 0x99]), code: "E_BINARY" },
  { name: "many control characters", input: bytes(Buffer.from("a\u0001b\u0002c\u0003d\u0004e\u0005f\u0006")), code: "E_BINARY" },
  { name: "neither UTF-8 nor GB18030", input: bytes(utf8.subarray(0, 12), [0xff, 0xff, 0x81, 0x7f], utf8.subarray(12)), code: "E_ENCODING" },
  { name: "forced utf-8 on GB18030 bytes", input: bytes(gb18030), forced: "utf-8", code: "E_ENCODING" },
  { name: "forced big5 on GB18030 bytes gives U+FFFD", input: bytes(gb18030), forced: "big5", code: "E_ENCODING" },
  { name: "forced utf-16le on an odd byte count", input: bytes([0x41, 0x00, 0x42]), forced: "utf-16le", code: "E_ENCODING" },
  { name: "UTF-16LE BOM with a lone surrogate", input: bytes([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), code: "E_ENCODING" },
  { name: "unknown encoding name", input: bytes(utf8), forced: "klingon-8", code: "E_USAGE" },
];

describe("decodeText", () => {
  it.each(valid)("decodes $name", ({ input, forced, encoding, text }) => {
    const d = decodeText(input, forced);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(text ?? TEXT);
  });
  it.each(invalid)("refuses $name", ({ input, forced, code }) => {
    expect(() => decodeText(input, forced)).toThrow(expect.objectContaining({ code }));
  });
});

describe("encodingName", () => {
  it.each([
    ["UTF8", "utf-8"], ["utf_8", "utf-8"], ["GB2312", "gb18030"], ["cp936", "gb18030"], ["UTF-16LE", "utf-16le"], ["Big5", "big5"],
  ])("%s → %s", (name, want) => expect(encodingName(name)).toBe(want));
});

describe("sniffUtf16", () => {
  it.each([
    [Buffer.from("第1条\n", "utf16le"), "utf-16le"],
    [Buffer.from(Buffer.from("第1条\n", "utf16le")).swap16(), "utf-16be"],
    [Buffer.from("plain ascii\n"), null],
  ])("%#", (b, want) => expect(sniffUtf16(new Uint8Array(b))).toBe(want));
});
