import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VERSION } from "../src/version.js";

describe("public API", () => {
  it("should expose the public api", async () => {
    expect(Object.keys(await import("../src/index.js")).sort()).toMatchSnapshot();
  });
  it("keeps the CLI version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../package.json"), "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
  it("parseNotice returns the same document as parseBuffer for a text file", async () => {
    const { parseNotice, parseBuffer } = await import("../src/index.js");
    const path = join(import.meta.dirname, "../seeds/000_69dd9e51073771b8.txt");
    const bytes = readFileSync(path);
    expect(parseNotice(bytes.toString("utf8"), { path, bytes })).toEqual(await parseBuffer(bytes, { path }));
  });
});
