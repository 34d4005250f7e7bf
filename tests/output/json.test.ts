import { describe, expect, it } from "vitest";
import { jsonArray, renderJson, renderNdjsonLine } from "../../src/output/json.js";
import { ResultSchema } from "../../src/schema.js";
import { TRICKY } from "../helpers/results.js";

describe("JSON / NDJSON", () => {
  it("puts each document on one NDJSON line that validates, even with line breaks in fields", () => {
    const text = TRICKY.map(renderNdjsonLine).join("");
    const lines = text.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(TRICKY.length);
    for (const line of lines) expect(ResultSchema.safeParse(JSON.parse(line)).success).toBe(true);
    expect(lines.map((l) => JSON.parse(l))).toEqual(TRICKY);
  });

  it.each([false, true])("streams a JSON array piece by piece (pretty=%s)", (pretty) => {
    const text = jsonArray.open() + TRICKY.map((d, i) => jsonArray.item(d, i === 0, pretty)).join("") + jsonArray.close(false);
    expect(JSON.parse(text)).toEqual(TRICKY);
    expect(JSON.parse(jsonArray.open() + jsonArray.close(true))).toEqual([]);
  });

  it("renders one document as one object", () => {
    expect(JSON.parse(renderJson(TRICKY[0]!, true))).toEqual(TRICKY[0]);
  });
});
