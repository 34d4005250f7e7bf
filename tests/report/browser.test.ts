/**
 * End to end: render the report of the seeds (plus a hostile notice), open it from disk in
 * headless Debian Chromium and use it like a reader would. One browser launch for all checks.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBuffer } from "../../src/pipeline.js";
import { groupUnits, renderReport, unitKey } from "../../src/report/index.js";
import type { Result, Task } from "../../src/schema.js";
import { hostile, wuxi } from "./fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-quic",
];
const ROOT = resolve(__dirname, "../..");
const OUT = join(ROOT, "test-results", "report");
const TODAY = "2022-09-20";
const missing = !existsSync(CHROMIUM);
if (missing) console.warn(`tests/report/browser.test.ts: skipped: ${CHROMIUM} not found (apt-get install chromium)`);

/** A notice whose text carries markup, parsed like any other input. */
const SCRIPT_NOTICE = [
  "关于<script>window.__pwned=4</script>做好测试工作的通知",
  "一、工作任务",
  "1. 完成<img src=x onerror=\"window.__pwned=5\">检查。（牵头单位：区司法局）2022年11月底前完成。",
].join("\n");

const allUnitKeys = (t: Task) => new Set([...t.leadUnits, ...t.responsibleUnits, ...t.supportUnits, ...t.guideUnits].map(unitKey));
const refs = (results: readonly Result[], keep: (t: Task) => boolean) =>
  results.flatMap((r, d) => r.tasks.flatMap((t, i) => (keep(t) ? [`d${d}t${i}`] : []))).sort();

describe.skipIf(missing)("report in Chromium", () => {
  let results: Result[] = [];
  let context: BrowserContext;
  let page: Page;
  let profile = "";
  const offsite: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const seedDir = join(ROOT, "seeds");
    const seeds = await Promise.all(
      readdirSync(seedDir).filter((f) => !f.startsWith(".")).sort().map((f) => parseBuffer(readFileSync(join(seedDir, f)), { path: `seeds/${f}` })),
    );
    const scripted = await parseBuffer(Buffer.from(SCRIPT_NOTICE), { path: "script.txt" });
    // Until the extraction finds units and deadlines in the seeds, a hand-made notice stands in.
    const seedsUseful = seeds.some((r) => r.tasks.some((t) => allUnitKeys(t).size > 0 && t.deadlines.length > 0));
    results = [...seeds, ...(seedsUseful ? [] : [wuxi]), scripted, hostile];
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, "report.html");
    writeFileSync(file, renderReport(results, { today: TODAY }));

    profile = mkdtempSync(join(tmpdir(), "gongkai-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, acceptDownloads: true,
    });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) return route.continue();
      offsite.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("dialog", (d) => void (dialogs.push(d.message()), d.dismiss()));
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const visibleRefs = async () =>
    (await page.locator("#task-table tbody tr:not([hidden])").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.ref ?? ""))).sort();

  it("has one row per task and runs its script", async () => {
    const total = results.reduce((n, r) => n + r.tasks.length, 0);
    await expect.poll(() => page.locator("#task-table tbody tr").count()).toBe(total);
    expect(await visibleRefs()).toHaveLength(total);
    expect(await page.locator("html.js").count()).toBe(1); // the CSP hash lets our script run
    await expect.poll(() => page.locator("#f-count").textContent()).toBe(`共 ${total} 项任务`);
  });

  it("filters to exactly one unit's tasks from the responsibility view", async () => {
    const total = results.reduce((n, r) => n + r.tasks.length, 0);
    const unit = groupUnits(results).find((u) => u.total < total);
    expect(unit, "some unit names fewer than all tasks").toBeDefined();
    if (!unit) return;
    await page.locator(`.unit-link[data-unit="${unit.key}"]`).click();
    const want = refs(results, (t) => allUnitKeys(t).has(unit.key));
    expect(want).toHaveLength(unit.total);
    expect(await visibleRefs()).toEqual(want);
    expect(await page.locator("#f-unit").inputValue()).toBe(unit.key);
    await page.locator("#f-reset").click();
    expect(await visibleRefs()).toHaveLength(total);
  });

  it("filters by a unit written in several widths to all its spellings", async () => {
    const unit = groupUnits(results).find((u) => u.rawForms.length > 1);
    if (!unit) return; // the seeds may have no such unit; the unit tests cover grouping
    await page.locator("#f-unit").selectOption(unit.key);
    const want = refs(results, (t) => allUnitKeys(t).has(unit.key));
    expect(await visibleRefs()).toEqual(want);
    const spellings = await page.locator("#task-table tbody tr:not([hidden]) .chip.on").allTextContents();
    expect(new Set(spellings)).toEqual(new Set(unit.rawForms));
    await page.locator("#f-reset").click();
  });

  it("shows the deadline months on the timeline and filters by one", async () => {
    const months = [...new Set(results.flatMap((r) => r.tasks.flatMap((t) => t.deadlines.map((d) => d.date.slice(0, 7)))))].sort();
    expect(months.length).toBeGreaterThan(0);
    const drawn = await page.locator("svg.timeline g.bar").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-month")));
    for (const m of months) expect(drawn).toContain(m);
    const first = months[0] ?? "";
    const label = await page.locator(`svg.timeline g.bar[data-month="${first}"] text.month`).textContent();
    expect(label).toBe(`${Number(first.slice(5))}月`);
    await page.locator(`svg.timeline g.bar[data-month="${first}"]`).click();
    expect(await visibleRefs()).toEqual(refs(results, (t) => t.deadlines.some((d) => d.date.startsWith(first))));
    // Past-due marking against --today.
    const past = refs(results, (t) => t.deadlines.some((d) => d.date < TODAY));
    expect((await page.locator("#task-table tbody tr[data-past]").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.ref ?? ""))).sort()).toEqual(past);
    await page.locator("#f-reset").click();
  });

  it("sorts by a column and reports it with aria-sort", async () => {
    const header = page.locator("#task-table thead th", { hasText: "期限" });
    await header.locator("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    const keys = await page.locator("#task-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => (tr as HTMLTableRowElement).querySelector("time")?.getAttribute("datetime") ?? "9999-99-99"),
    );
    expect(keys).toEqual([...keys].sort());
    await header.locator("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
  });

  it("searches task text", async () => {
    await page.locator("#f-search").fill("测试任务");
    expect(await visibleRefs()).toEqual(refs(results, (t) => t.title.includes("测试任务") || t.text.includes("测试任务")));
    await page.locator("#f-reset").click();
  });

  it("renders markup from notices as text and runs none of it", async () => {
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain(hostile.document.title ?? "?");
    expect(text).toContain(`<img src=x onerror="window.__pwned=2">测试任务`);
    // Whatever the extraction kept of the parsed notice's markup shows up literally.
    const scripted = results.find((r) => r.source.path === "script.txt");
    const marked = [scripted?.document.title, ...(scripted?.tasks ?? []).flatMap((t) => [t.title, t.text])].filter((s): s is string => !!s?.includes("<"));
    for (const s of marked) expect(text).toContain(s);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.locator("tbody b, tbody img").count().then((n) => expect(n).toBe(0));
    expect(dialogs).toEqual([]);
  });

  it("downloads the embedded documents unchanged", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#dl-json").click()]);
    const saved = await download.path();
    expect(JSON.parse(readFileSync(saved, "utf8"))).toEqual(results);
  });

  it("makes no network request and logs no error; saves a screenshot", async () => {
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    const shot = join(OUT, "report.jpeg"); // full page: JPEG encodes a 16 000 px page far faster than PNG
    await page.screenshot({ path: shot, fullPage: true, type: "jpeg", quality: 70 });
    expect(existsSync(shot)).toBe(true);
  });
});
