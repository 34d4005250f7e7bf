/** An unexpected exception (a bug) is still one line, E_INTERNAL, with the stack only under --debug. */
import { describe, expect, it } from "vitest";
import { serializeError } from "../../src/cli/failure.js";
import { failureLine } from "../../src/cli/reporter.js";

describe("E_INTERNAL", () => {
  const boom = new TypeError("cannot read properties of undefined\n    at somewhere (file.js:1:1)");
  it("is one line naming the file and the code", () => {
    const line = failureLine("notice.txt", serializeError(boom), false);
    expect(line).toBe("gongkai: notice.txt: E_INTERNAL: cannot read properties of undefined (run with --debug for details, and please report it)");
    expect(line.split("\n")).toHaveLength(1);
  });
  it("shows the stack under --debug", () => {
    expect(failureLine("notice.txt", serializeError(boom), true)).toContain("TypeError");
  });
});
