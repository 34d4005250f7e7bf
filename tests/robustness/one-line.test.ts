/**
 * Every message is one stderr line (issue 13): a warning that quotes a span with a line break
 * (an unclosed bracket running over lines, a marker split by a break), a file name holding a
 * line break, any warning code. Generated: notices made of clause shapes that raise each warning,
 * with line breaks of every kind put at random places.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { failureLine, warningLine } from "../../src/cli/reporter.js";
import { parseNotice } from "../../src/index.js";

const BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\v", "\f"];
const BREAK_RE = /[\n\r\v\f\u0085\u2028\u2029]/u;

const HEAD = "某局关于印发工作要点的通知\n各单位：\n现印发给你们。\n某局\n2022年3月1日\n";
/** Clause shapes that raise the warnings: gaps, duplicates, order, open brackets, unread clauses, early deadlines, tables. */
const SHAPES = [
  "一、任务\n",
  "（一）做好甲工作。（责任单位：市司法局",
  "（二）做好乙工作。（由各部门根据职能自行确定）",
  "（二）做好丙工作。（牵头单位：市财政局）",
  "（五）做好丁工作。",
  "（三）2022年1月底前完成戊工作。",
  "附件1\n清单\n1\t做好甲工作\t市财政局",
  "甲：做好甲。（牵头单位：A局）",
  "1.做好己工作（配合单位：各区\n人民政府）",
  "二、",
  "（",
  "【牵头单位：",
];

const notice = fc
  .record({
    parts: fc.array(fc.constantFrom(...SHAPES), { minLength: 1, maxLength: 12 }),
    breaks: fc.array(fc.record({ at: fc.nat(), br: fc.constantFrom(...BREAKS) }), { maxLength: 6 }),
  })
  .map(({ parts, breaks }) => {
    let text = HEAD + parts.join("\n");
    for (const { at, br } of breaks) {
      const i = HEAD.length + (at % (text.length - HEAD.length + 1));
      text = text.slice(0, i) + br + text.slice(i);
    }
    return text;
  });

describe("every warning message is one line", () => {
  it("over generated notices, for every code raised", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(notice, (text) => {
        for (const w of parseNotice(text).warnings) {
          seen.add(w.code);
          if (BREAK_RE.test(w.message)) return false;
          if (BREAK_RE.test(warningLine("a.txt", w))) return false;
        }
        return true;
      }),
      { numRuns: 300, seed: 13 },
    );
    // the shapes reach the structural warnings, so the property is not vacuous
    for (const code of ["W_UNCLOSED_BRACKET", "W_NUMBERING_GAP", "W_NUMBERING_DUPLICATE", "W_MARKER_ORDER"]) expect(seen).toContain(code);
  });

  it("a bracket opened before a line break is quoted on one line", () => {
    const w = parseNotice(`${HEAD}一、任务\n（一）做好工作。（牵头单位：市司法局\n责任单位：各区`).warnings;
    expect(w.length).toBeGreaterThan(0);
    for (const x of w) expect(x.message).not.toMatch(BREAK_RE);
  });

  it("file names and messages with line breaks still print one line", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "公", " ", ":", ...BREAKS), maxLength: 30 });
    fc.assert(
      fc.property(text, text, fc.option(fc.nat({ max: 9999 }), { nil: null }), (file, message, line) => {
        expect(warningLine(file, { code: "W_NO_ITEMS", message, line })).not.toMatch(BREAK_RE);
        expect(failureLine(file, { code: "E_EMPTY", message, hint: message } as Parameters<typeof failureLine>[1], false)).not.toMatch(BREAK_RE);
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});
