import { describe, expect, it } from "vitest";
import { compareResults } from "../../src/compare/compare.js";
import { parseNotice } from "../../src/index.js";
import { comparisonSection } from "../../src/report/comparison.js";

const HEAD = "某局关于印发要点的通知\n各单位：\n某局\n2022年3月1日\n";

describe("comparisonSection", () => {
  it("lists pairs, changes and unmatched tasks, with notice text escaped", () => {
    const a = parseNotice(HEAD + "一、任务\n（一）推进政务公开专区建设。（责任单位：A局）\n（二）清理规章<script>alert(1)</script>。（责任单位：B局）");
    const b = parseNotice(HEAD + "一、任务\n（一）推进政务公开专区建设。（责任单位：C局）\n（二）建设统一的智能问答平台。（责任单位：D局）");
    const s = comparisonSection(a, b, compareResults(a, b), 0);
    expect(s.id).toBe("compare-1");
    expect(s.html).toContain("<ins>+责任 C局</ins>");
    expect(s.html).toContain("<del>−责任 A局</del>");
    expect(s.html).not.toContain("<script>");
    expect(s.html).toContain("&lt;script&gt;");
  });
});
