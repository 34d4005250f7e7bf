/**
 * Issue 14 in the browser: a report built by the CLI shows the inputs it could not include, labels
 * every year on a timeline that spans several, and gives the comparison's change column room.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDist, runBin } from "../helpers/bin.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = resolve(__dirname, "../..");
const missing = !existsSync(CHROMIUM);
if (missing) console.warn(`tests/report/browser-cli.test.ts: skipped: ${CHROMIUM} not found (apt-get install chromium)`);

/** Two invented notices whose deadlines fall in different years. */
const notice = (year: number, extra: string): string =>
  [`某市人民政府办公室关于印发${year}年重点工作任务的通知`, "各区人民政府，市政府各部门：", "现将重点工作任务印发给你们，请认真贯彻落实。", "一、重点任务",
    `（一）完善政务公开制度，${year}年6月底前完成。（牵头单位：市政府办公室）`,
    `（二）推进平台建设，${year + 1}年3月底前完成。（责任单位：市大数据局${extra}）`,
    "某市人民政府办公室", `${year}年1月10日`].join("\n") + "\n";

describe.skipIf(missing)("report pages from the CLI in Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-report-cli-"));
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    buildDist();
    writeFileSync(join(dir, "a.txt"), notice(2024, ""));
    writeFileSync(join(dir, "b.txt"), notice(2025, "；配合单位：市财政局、市发展改革委、市司法局"));
    writeFileSync(join(dir, "empty.txt"), "");
    const r = await runBin(["report", "a.txt", "b.txt", "empty.txt", "--compare", "--today", "2024-01-01", "-o", "r.html"], { cwd: dir, env: { LANG: "C" } });
    expect(r.code).toBe(1);
    context = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu"], viewport: { width: 1024, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(join(dir, "r.html")).href);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists the input it could not read in the data-quality panel", async () => {
    const panel = page.locator("#q-failed");
    await expect(panel.isVisible()).resolves.toBe(true);
    expect(await panel.innerText()).toMatch(/empty\.txt\s+E_EMPTY/u);
  });

  it("labels each year on a timeline that spans several", async () => {
    const years = await page.locator("svg.timeline text.year").allTextContents();
    expect(years).toEqual(["2024", "2025", "2026"]);
  });

  it("gives the change column of the comparison room", async () => {
    const widths = await page.locator("table.compare thead th").evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().width));
    expect(widths).toHaveLength(5);
    expect(widths[4]!).toBeGreaterThan(200);
    expect(readFileSync(join(dir, "r.html"), "utf8")).toContain('<col class="changes">');
  });
});
