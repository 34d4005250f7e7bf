/**
 * CLI snapshots (attw style): each case writes tests/cli/snapshots/<name>.md with the command,
 * stdout, stderr and exit code. Update with `npx vitest run tests/cli/snapshots.test.ts -u`
 * (needed whenever the extraction changes what a notice parses into).
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const NOTICE = "fixtures/cli/notice.txt";
/** Named one by one: fixtures/bad/ is shared with the input readers' tests and grows. */
const BAD = ["fixtures/bad/empty.txt", "fixtures/bad/blank.txt", "fixtures/bad/binary.txt", "fixtures/bad/folder.txt", "missing.txt"];

const CASES: [name: string, args: string[], stdin?: string][] = [
  ["parse notice --pretty", ["parse", NOTICE, "--pretty"]],
  ["parse notice --format csv", ["parse", NOTICE, "--format", "csv"]],
  ["parse notice --format tsv --headers zh", ["parse", NOTICE, "--format", "tsv", "--headers", "zh"]],
  ["parse bad inputs --format ndjson", ["parse", ...BAD, "--format", "ndjson", "-j", "1"]],
  ["parse bad inputs and notice --errors inline", ["parse", ...BAD, NOTICE, "--format", "ndjson", "--errors", "inline", "-j", "1"]],
  ["parse missing file", ["parse", "missing.txt"]],
  ["parse stdin", ["parse", "-", "--format", "csv"], "一、工作目标\n做好工作。\n"],
  ["parse usage error --shard", ["parse", NOTICE, "--shard", "1/0"]],
  ["parse unknown option", ["parse", NOTICE, "--colour"]],
  ["validate not json", ["validate", "fixtures/bad/binary.txt"]],
  ["schema --list", ["schema", "--list"]],
  ["--help", ["--help"]],
  ["parse --help", ["parse", "--help"]],
];

const fence = (s: string): string => "```\n" + s + (s.endsWith("\n") || s === "" ? "" : "\n") + "```";
const stable = (s: string): string => s.replace(/ in \d+\.\ds$/gmu, " in <time>");

describe("CLI snapshots", () => {
  it.each(CASES)("%s", async (name, args, stdin) => {
    const r = await runCli(args, { cwd: process.cwd(), env: {}, ...(stdin !== undefined ? { stdin } : {}) });
    const md = [
      `$ ${stdin !== undefined ? `printf ${JSON.stringify(stdin)} | ` : ""}gongkai ${args.join(" ")}`,
      "", "stdout:", fence(stable(r.stdout)), "", "stderr:", fence(stable(r.stderr)), "", `Exit code: ${r.code}`, "",
    ].join("\n");
    await expect(md).toMatchFileSnapshot(`snapshots/${name}.md`);
  });
});
