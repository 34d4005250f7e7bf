import { describe, expect, it } from "vitest";
import { GramTable } from "../../src/compare/gram-table.js";
import { gramKey } from "../../src/compare/text.js";

describe("GramTable", () => {
  it("gives dense ids in order of first sight, and finds them again after growing", () => {
    const t = new GramTable(4);
    const keys = Array.from({ length: 5000 }, (_, i) => gramKey(String.fromCharCode(0x4e00 + (i % 300), 0x4e00 + Math.floor(i / 300), 0x5000 + i)));
    keys.forEach((k, i) => expect(t.intern(k)).toBe(i));
    keys.forEach((k, i) => expect(t.get(k)).toBe(i));
    expect(t.intern(keys[42]!)).toBe(42);
    expect(t.size).toBe(5000);
    expect(t.get(gramKey("未见"))).toBe(-1);
  });
});
