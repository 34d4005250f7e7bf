import { describe, expect, it } from "vitest";
import { parseNotice, ResultSchema } from "../src/index.js";

describe("parseNotice", () => {
  it("returns a schema-valid document", () => {
    const r = parseNotice("一、工作目标\n做好工作。");
    expect(ResultSchema.safeParse(r).success).toBe(true);
  });
});
