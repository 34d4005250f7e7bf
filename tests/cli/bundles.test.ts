import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localTarget, pageLinks } from "../../src/bundle/links.js";
import { type Result, ResultSchema } from "../../src/schema.js";
import { runCli } from "../helpers/cli.js";
import { copyInto, FIXTURES, tempDir } from "../helpers/tmp.js";

const B = path.join(FIXTURES, "bundles");
const json = (s: string): Result => ResultSchema.parse(JSON.parse(s));

describe("parse --attachment", () => {
  it("reads the notice and the files given as one document", async () => {
    const r = await runCli(["parse", "fixtures/bundles/unmatched/notice.txt", "--attachment", "fixtures/bundles/unmatched/附件.docx"]);
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.tasks.filter((t) => t.id.startsWith("A1.")).length).toBe(17);
    expect(doc.document.attachments[0]).toMatchObject({ number: 1, source: "fixtures/bundles/unmatched/附件.docx", format: "docx" });
  });

  it("a missing attachment file is a warning naming it, the notice still comes out (exit 0, 1 with --strict)", async () => {
    const args = ["parse", "fixtures/bundles/unmatched/notice.txt", "--attachment", "nowhere/附件.xls"];
    const r = await runCli(args);
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.warnings.map((w) => [w.code, w.file])).toContainEqual(["W_ATTACHMENT_UNREADABLE", "nowhere/附件.xls"]);
    expect(doc.warnings.find((w) => w.code === "W_ATTACHMENT_UNREADABLE")!.message).toContain("E_NOT_FOUND");
    expect(doc.tasks.length).toBe(7);
    expect(r.stderr).toContain("nowhere/附件.xls");
    expect((await runCli([...args, "--strict"])).code).toBe(1);
  });

  it("goes with exactly one notice file, and not with --bundles", async () => {
    for (const args of [
      ["parse", "seeds", "--attachment", "x.docx"],
      ["parse", "seeds/000_69dd9e51073771b8.txt", "seeds/001_e8d1d175fd1547bc.txt", "--attachment", "x.docx"],
      ["parse", "-", "--attachment", "x.docx"],
      ["parse", "seeds", "--bundles", "--attachment", "x.docx"],
    ]) {
      const r = await runCli(args, { stdin: "" });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("--");
    }
  });
});

describe("parse --bundles", () => {
  it("reads every layout, counts bundles in the summary, CSV rows name their file", async () => {
    const r = await runCli(["parse", "fixtures/bundles", "--bundles", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/6 files, 6 with attachment files \(13 attachment files\)/u);
    const rows = r.stdout.trim().split("\r\n");
    expect(rows[0]!.endsWith(",source_file")).toBe(true);
    expect(rows.filter((l) => l.endsWith("fixtures/bundles/beside/附件3.docx")).length).toBe(5);
  });

  it("without --bundles every file is a document of its own", async () => {
    const r = await runCli(["parse", "fixtures/bundles/beside", "--format", "ndjson"]);
    expect(r.stdout.trim().split("\n").length).toBe(4);
  });

  it("never follows a link out of the bundle folder, through a symlink, or to the network", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "in/b"), { recursive: true });
    copyInto(dir, { "in/outside.docx": path.join(B, "beside/附件1.docx"), "in/b/real.docx": path.join(B, "beside/附件3.docx") });
    symlinkSync(path.join(dir, "in/outside.docx"), path.join(dir, "in/b/escape.docx"));
    const page = (links: string[]): string =>
      `<html><head><meta charset="utf-8"></head><body><p>某某市人民政府办公室关于印发工作要点的通知</p><p>各区人民政府：</p><p>现印发给你们。</p>` +
      links.map((h) => `<p><a href="${h}">附件</a></p>`).join("") + `</body></html>`;
    writeFileSync(path.join(dir, "in/b/page.html"), page(["../outside.docx", "escape.docx", "http://example.com/x.docx", "/etc/passwd", "real.docx"]));
    const r = await runCli(["parse", "in/b", "--bundles", "--format", "json"], { cwd: dir });
    const docs = JSON.parse(r.stdout) as Result[];
    const sources = docs.flatMap((d) => d.document.attachments.map((a) => a.source));
    expect(sources).toEqual(["in/b/real.docx"]);
  });
});

describe("pageLinks / localTarget", () => {
  it("reads hrefs and link texts of a page", () => {
    const links = pageLinks(`<p><A class=x HREF='f/a%20b.xls?x=1'>附件1：<b>清单</b></A><abbr href="no">x</abbr><a>no href</a><a href="#top">t</a></p>`);
    expect(links).toEqual([{ href: "f/a%20b.xls?x=1", text: "附件1：清单" }, { href: "#top", text: "t" }]);
    expect(localTarget(links[0]!.href)).toBe("f/a b.xls");
  });
  const refused = ["#top", "http://x/a.doc", "//x/a.doc", "/abs/a.doc", "javascript:void(0)", "C:/a.doc", "mailto:a@b", "dir/", "%E0%A4%A"];
  it.each(refused)("refuses %s", (h) => expect(localTarget(h)).toBeNull());
  it("stays linear on a page of unclosed tags", () => {
    const t = Date.now();
    pageLinks("<a href=x>".repeat(200_000) + "<a".repeat(200_000));
    expect(Date.now() - t).toBeLessThan(2000);
  });
});

describe("report and compare take bundles", () => {
  it("report --bundles embeds the bundle's attachment tasks", async () => {
    const dir = tempDir();
    const r = await runCli(["report", path.join(B, "subfolder"), "--bundles", "-o", path.join(dir, "r.html")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 notice, 24 tasks|24 tasks/u);
  });
  it("report --attachment reads the one notice with its files", async () => {
    const dir = tempDir();
    const r = await runCli(["report", path.join(B, "unmatched/notice.txt"), "--attachment", path.join(B, "unmatched/附件.docx"), "-o", path.join(dir, "r.html")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/24 tasks/u);
  });
  it("compare --bundles reads a folder input as its notice with its files", async () => {
    const r = await runCli(["compare", "fixtures/bundles/subfolder", "fixtures/bundles/unmatched", "--bundles", "-f", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { a: { tasks: number }; b: { tasks: number } };
    expect(JSON.stringify(out)).toContain("A1.23");
  });
  it("compare --bundles refuses a folder that holds several documents", async () => {
    const r = await runCli(["compare", "fixtures/bundles/two-notices", "fixtures/bundles/unmatched", "--bundles"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("two-notices");
  });
});
