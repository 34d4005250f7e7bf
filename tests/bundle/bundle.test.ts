import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBundle, parseBundleBuffers } from "../../src/bundle/index.js";
import { readTextString } from "../../src/input/index.js";
import { ResultSchema } from "../../src/schema.js";
import { diffGold, type Gold } from "../helpers/gold.js";

const root = join(import.meta.dirname, "../..");
const seed = readFileSync(join(root, "seeds/003_ddd698d8236a8cbd.txt"), "utf8");
const gold = JSON.parse(readFileSync(join(root, "fixtures/gold/003_ddd698d8236a8cbd.gold.json"), "utf8")) as Gold;
const text = (s: string) => readTextString(s, "text", "utf-8");

/** Seed 003 cut the way it is published: the notice (with its 版记) and one file per 附件. */
function split(): { notice: string; parts: string[] } {
  const lines = seed.split("\n");
  const at = (s: string): number => lines.findIndex((l) => l === s);
  const [a1, a2, a3, cc] = [at("附件 1"), at("附件 2"), at("附件 3"), lines.findIndex((l) => l.startsWith("抄送"))];
  return {
    notice: [...lines.slice(0, a1), ...lines.slice(cc)].join("\n"),
    parts: [lines.slice(a1, a2), lines.slice(a2 + 1, a3), lines.slice(a3 + 1, cc)].map((x) => x.join("\n")),
  };
}

describe("parseBundle", () => {
  const { notice, parts } = split();

  it("reads the seed's attachment files as the one notice they are (gold)", () => {
    // given out of order, under opaque names: matched by title (附件2, 3) and by the 附件 line (附件1)
    const r = parseBundle(text(notice), [
      { path: "b/P02.txt", input: text(parts[2]!) },
      { path: "b/P01.txt", input: text(parts[1]!) },
      { path: "b/P00.txt", input: text(parts[0]!) },
    ], { path: "b/notice.txt" });
    expect(ResultSchema.safeParse(r).success).toBe(true);
    expect(diffGold(r, gold)).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.document.attachments.map((a) => [a.number, a.source, a.format])).toEqual([[1, "b/P00.txt", "text"], [2, "b/P01.txt", "text"], [3, "b/P02.txt", "text"]]);
    expect(r.source.chars).toBe(notice.length);
  });

  it("points every task into its own file: file, line and offsets", () => {
    const files = [{ path: "a1.txt", input: text(parts[0]!) }, { path: "a2.txt", input: text(parts[1]!) }, { path: "a3.txt", input: text(parts[2]!) }];
    const r = parseBundle(text(notice), files, { path: "n.txt" });
    const sources: Record<string, string> = { "n.txt": notice, "a1.txt": parts[0]!, "a2.txt": parts[1]!, "a3.txt": parts[2]! };
    for (const t of r.tasks) {
      const src = sources[t.source.file!]!;
      expect(t.source.file).toBe(t.id.startsWith("A") ? `a${t.id[1]}.txt` : "n.txt");
      expect(t.source.end).toBeLessThanOrEqual(src.length);
      expect(src.slice(0, t.source.start).split("\n").length).toBe(t.source.line);
    }
    const a24 = r.tasks.find((t) => t.id === "A1.24")!;
    expect(parts[0]!.slice(a24.source.start, a24.source.end)).toContain("以吴兴区为试点");
  });

  it("warns about a file that matches no 附件 entry and still reads it", () => {
    const extra = "政策解读\n\n序号\t工作任务\t责任单位\n1\t开展解读。\t市政府办公室";
    const r = parseBundle(text(notice), [...parts.map((p, i) => ({ path: `a${i + 1}.txt`, input: text(p) })), { path: "解读.txt", input: text(extra) }], { path: "n.txt" });
    expect(r.warnings.map((w) => [w.code, w.file])).toEqual([["W_ATTACHMENT_UNLISTED", "解读.txt"]]);
    expect(r.document.attachments.at(-1)).toEqual({ number: 4, title: "政策解读", source: "解读.txt", format: "text" });
    expect(r.tasks.find((t) => t.id === "A4.1")?.responsibleUnits).toEqual(["市政府办公室"]);
  });

  it("warns about a listed attachment with no file and no printed copy", () => {
    const r = parseBundle(text(notice), [{ path: "a1.txt", input: text(parts[0]!) }], { path: "n.txt" });
    expect(r.warnings.map((w) => w.code)).toEqual(["W_ATTACHMENT_MISSING", "W_ATTACHMENT_MISSING"]);
    expect(r.warnings[0]!.message).toContain("附件2");
    expect(r.tasks.filter((t) => t.id.startsWith("A")).length).toBe(25);
  });

  it("a file replaces the copy of its attachment printed in the notice (read once)", () => {
    const r = parseBundle(text(seed), [{ path: "a2.txt", input: text(parts[1]!) }], { path: "seed.txt" });
    expect(diffGold(r, gold)).toEqual([]);
    expect(r.tasks.filter((t) => t.id.startsWith("A2.")).every((t) => t.source.file === "a2.txt")).toBe(true);
    expect(r.tasks.filter((t) => t.id.startsWith("A1.")).every((t) => t.source.file === "seed.txt")).toBe(true);
  });

  it("an attachment file that cannot be read is a warning naming it; the rest is read", async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const r = await parseBundleBuffers(enc(notice), [
      { path: "a1.txt", bytes: enc(parts[0]!) },
      { path: "附件2.txt", bytes: new Uint8Array(0) },
      { path: "a3.txt", bytes: enc(parts[2]!) },
    ], { path: "n.txt" });
    expect(r.warnings.map((w) => [w.code, w.file])).toEqual([["W_ATTACHMENT_UNREADABLE", "附件2.txt"]]);
    expect(r.warnings[0]!.message).toContain("E_EMPTY");
    expect(r.document.attachments[1]).toEqual({ number: 2, title: "2022年度政务公开质效提升五大行动任务清单", source: "附件2.txt" });
    expect(r.tasks.filter((t) => t.id.startsWith("A")).length).toBe(30);
  });

  it("maps a warning's line to the attachment file it is about", () => {
    const dup = parts[2]!.replace("\n2\t南浔区", "\n1\t南浔区");
    const r = parseBundle(text(notice), parts.map((p, i) => ({ path: `a${i + 1}.txt`, input: text(i === 2 ? dup : p) })), { path: "n.txt" });
    const w = r.warnings.find((x) => x.code === "W_NUMBERING_DUPLICATE")!;
    expect(w.file).toBe("a3.txt");
    expect(dup.split("\n")[w.line! - 1]).toMatch(/^1\t南浔区/u);
  });
});
