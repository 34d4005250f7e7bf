#!/usr/bin/env node
// `npm run bench`: gongkai against the read-and-scan floor, worker parallelism, PDF against
// pdftotext, linear growth on one 10 MB notice, start-up time, peak RSS. All in one run, runs
// interleaved (floor, --jobs 1, --jobs N, floor, …) so that a busy machine hurts them alike;
// every figure is the median of BENCH_RUNS runs. Prints a table and writes bench/results.json.
//
//   BENCH_SCALE=0.1  a tenth of the corpus (500 notices, 20 PDFs, a 1 MB notice) for a quick run
//   BENCH_RUNS=3     runs per measurement (median)
//   BENCH_ONLY=text,pdf,big,version,compare   a subset of the cases
//   BENCH_HISTORY=0  do not append this run's ratios to bench/history.csv
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCorpus } from "./corpus.mjs";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BENCH = join(ROOT, "bench");
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const ONLY = new Set((process.env.BENCH_ONLY ?? "text,pdf,big,version,compare").split(","));
const CORES = os.availableParallelism?.() ?? os.cpus().length;
const NODE = process.execPath;
const GONGKAI = join(ROOT, "bin/gongkai.js");
const MB = 2 ** 20;
const log = (s) => process.stderr.write(`${s}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------------------------------------
// set-up

if (!existsSync(join(ROOT, "dist/cli/main.js"))) {
  log("dist/ missing: npm run build");
  const b = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const corpus = buildCorpus({ root: ROOT, scale: SCALE, log });
const tmp = mkdtempSync(join(os.tmpdir(), "gongkai-bench-"));
process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));

const help = spawnSync(NODE, [GONGKAI, "parse", "--help"], { encoding: "utf8" }).stdout ?? "";
const hasBatch = help.includes("--jobs") && help.includes("ndjson");
if (!hasBatch) log("note: this gongkai has no `parse DIR --format ndjson --jobs N`; using bench/batch-shim.mjs (library + worker threads) instead");
const hasPdftotext = spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).error === undefined;
if (!hasPdftotext) log("note: pdftotext not found (apt-get install poppler-utils): the PDF reference is skipped");

/** Run a Node script under bench/rss-wrap.mjs: wall time, CPU time, peak RSS (all threads). */
function runNode(script, args, { stdout = "/dev/null", cwd = ROOT } = {}) {
  const usage = join(tmp, `usage-${Math.random().toString(36).slice(2)}.json`);
  const out = openSync(stdout, "w");
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(NODE, [join(BENCH, "rss-wrap.mjs"), usage, script, ...args], { cwd, stdio: ["ignore", out, "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - t0;
      closeSync(out);
      let u = { maxRSSKB: NaN, userUs: NaN, systemUs: NaN };
      try {
        u = JSON.parse(readFileSync(usage, "utf8"));
      } catch {}
      resolve({ code, wallMs, cpuMs: (u.userUs + u.systemUs) / 1000, maxRSSMB: u.maxRSSKB / 1024, stderr: stderr.slice(-2000) });
    });
  });
}

/** Run a shell command line: wall time only (and CPU time of the children). */
function runShell(cmd) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn("bash", ["-c", `${cmd}; times`], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - t0;
      // `times`: 2nd line = user and system time of the children, e.g. "0m1.234s 0m0.123s"
      const secs = (s) => {
        const m = /(\d+)m([\d.]+)s/u.exec(s);
        return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
      };
      const child2 = out.trim().split("\n").pop()?.split(/\s+/u) ?? [];
      resolve({ code, wallMs, cpuMs: (secs(child2[0] ?? "") + secs(child2[1] ?? "")) * 1000, stderr: err.slice(-2000) });
    });
  });
}

const parseArgs = (dir, jobs) =>
  hasBatch ? [GONGKAI, ["parse", dir, "--format", "ndjson", "--jobs", String(jobs), "--quiet"]] : [join(BENCH, "batch-shim.mjs"), [dir, "--jobs", String(jobs)]];

const results = {
  date: new Date().toISOString(),
  machine: { cores: CORES, cpu: os.cpus()[0]?.model ?? "?", memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`, loadavgStart: os.loadavg() },
  scale: SCALE,
  runs: RUNS,
  cli: hasBatch ? "gongkai parse DIR --format ndjson --jobs N --quiet" : "bench/batch-shim.mjs (fallback)",
  corpus: { text: corpus.text, pdf: corpus.pdf, big: corpus.big, key: corpus.key },
  cases: {},
  targets: [],
};
const summarise = (runs, extra = {}) => ({
  wallMs: median(runs.map((r) => r.wallMs)),
  cpuMs: median(runs.map((r) => r.cpuMs)),
  maxRSSMB: Math.max(...runs.map((r) => r.maxRSSMB ?? NaN).filter((x) => !Number.isNaN(x)), 0) || null,
  exitCodes: [...new Set(runs.map((r) => r.code))],
  runsWallMs: runs.map((r) => Math.round(r.wallMs)),
  ...extra,
});
function check(name, runs) {
  for (const r of runs) if (r.code !== 0 && r.code !== 1) log(`warning: ${name} exited ${r.code}: ${r.stderr}`);
}

/** One more run with the output kept: one NDJSON line per input, each a document with tasks. */
async function verify(dir, expected) {
  log(`check: the NDJSON of --jobs ${CORES} over ${dir}`);
  const outFile = join(tmp, "out.ndjson");
  const run = await runNode(...parseArgs(dir, CORES), { stdout: outFile });
  let lines = 0;
  let tasks = 0;
  let bad = 0;
  for (const line of readFileSync(outFile, "utf8").split("\n")) {
    if (!line) continue;
    lines++;
    try {
      const d = JSON.parse(line);
      if (Array.isArray(d.tasks)) tasks += d.tasks.length;
      else bad++;
    } catch {
      bad++;
    }
  }
  rmSync(outFile, { force: true });
  if (lines !== expected || bad) log(`warning: ${dir}: ${lines - bad}/${expected} documents parsed; ${run.stderr.split("\n").slice(0, 5).join(" | ")}`);
  return { exitCode: run.code, documents: lines - bad, failed: expected - (lines - bad), tasks, expected };
}

// ---------------------------------------------------------------------------------------------
// (a)+(b) text corpus: floor, --jobs 1, --jobs N

if (ONLY.has("text")) {
  const runs = { floor: [], jobs1: [], jobsN: [] };
  for (let r = 1; r <= RUNS; r++) {
    log(`text ${r}/${RUNS}: floor`);
    runs.floor.push(await runNode(join(BENCH, "floor.mjs"), [corpus.textDir]));
    log(`text ${r}/${RUNS}: gongkai --jobs 1`);
    runs.jobs1.push(await runNode(...parseArgs(corpus.textDir, 1)));
    log(`text ${r}/${RUNS}: gongkai --jobs ${CORES}`);
    runs.jobsN.push(await runNode(...parseArgs(corpus.textDir, CORES)));
  }
  for (const [k, v] of Object.entries(runs)) check(k, v);
  results.cases["text.check"] = await verify(corpus.textDir, corpus.text.files);
  const { files, bytes } = corpus.text;
  const rate = (s) => ({ docsPerS: files / (s.wallMs / 1000), mbPerS: bytes / MB / (s.wallMs / 1000), cpuMbPerS: bytes / MB / (s.cpuMs / 1000) });
  for (const k of Object.keys(runs)) {
    const s = summarise(runs[k]);
    results.cases[`text.${k}`] = { ...s, ...rate(s) };
  }
}

// ---------------------------------------------------------------------------------------------
// (c) PDFs: pdftotext (one process per file, as a user would script it) vs gongkai

if (ONLY.has("pdf")) {
  const runs = { pdftotext1: [], pdftotextN: [], jobs1: [], jobsN: [] };
  const list = `find '${corpus.pdfDir}' -name '*.pdf' -print0 | sort -z`;
  for (let r = 1; r <= RUNS; r++) {
    if (hasPdftotext) {
      log(`pdf ${r}/${RUNS}: pdftotext`);
      runs.pdftotext1.push(await runShell(`${list} | xargs -0 -I{} pdftotext -q -enc UTF-8 {} - > /dev/null`));
      runs.pdftotextN.push(await runShell(`${list} | xargs -0 -P ${CORES} -I{} pdftotext -q -enc UTF-8 {} - > /dev/null`));
    }
    log(`pdf ${r}/${RUNS}: gongkai --jobs 1 / ${CORES}`);
    runs.jobs1.push(await runNode(...parseArgs(corpus.pdfDir, 1)));
    runs.jobsN.push(await runNode(...parseArgs(corpus.pdfDir, CORES)));
  }
  results.cases["pdf.check"] = await verify(corpus.pdfDir, corpus.pdf.files);
  const { files, pages, bytes } = corpus.pdf;
  for (const [k, v] of Object.entries(runs)) {
    if (v.length === 0) continue;
    check(`pdf.${k}`, v);
    const s = summarise(v);
    results.cases[`pdf.${k}`] = { ...s, docsPerS: files / (s.wallMs / 1000), pagesPerS: pages / (s.wallMs / 1000), mbPerS: bytes / MB / (s.wallMs / 1000) };
  }
}

// ---------------------------------------------------------------------------------------------
// (d) the 10 MB notice: per-MB cost against the small notices (in-process, CPU time) and end to end

if (ONLY.has("big")) {
  log("big: in-process parse cost, small notices vs the large one");
  const ip = spawnSync(NODE, [join(BENCH, "inproc.mjs"), join(ROOT, "dist/index.js"), corpus.textDir, corpus.bigFile, String(RUNS)], { encoding: "utf8", maxBuffer: 1e8 });
  if (ip.status !== 0) log(`warning: inproc.mjs failed: ${ip.stderr}`);
  else results.cases["big.inproc"] = JSON.parse(ip.stdout);
  const runs = [];
  for (let r = 1; r <= RUNS; r++) {
    log(`big ${r}/${RUNS}: gongkai parse big.txt`);
    runs.push(await runNode(...parseArgs(join(corpus.dir, "big"), 1)));
  }
  check("big.cli", runs);
  const s = summarise(runs);
  results.cases["big.cli"] = { ...s, mbPerS: corpus.big.bytes / MB / (s.wallMs / 1000), msPerMB: s.wallMs / (corpus.big.bytes / MB) };
}

// ---------------------------------------------------------------------------------------------
// (e) start-up

if (ONLY.has("version")) {
  log("version: gongkai --version ×10, node -e 0 ×10");
  const v = [];
  const bare = [];
  for (let r = 0; r < 10; r++) {
    v.push(await runShell(`'${NODE}' '${GONGKAI}' --version > /dev/null`));
    bare.push(await runShell(`'${NODE}' -e 0`));
  }
  results.cases["version"] = { wallMs: median(v.map((x) => x.wallMs)), cpuMs: median(v.map((x) => x.cpuMs)), runsWallMs: v.map((x) => Math.round(x.wallMs)) };
  results.cases["version.nodeBare"] = { wallMs: median(bare.map((x) => x.wallMs)), cpuMs: median(bare.map((x) => x.cpuMs)) };
}

// ---------------------------------------------------------------------------------------------
// compare (the compare helper's own bench, when present)

if (ONLY.has("compare") && existsSync(join(BENCH, "compare-bench.mjs")) && existsSync(join(ROOT, "dist/compare/index.js"))) {
  log("compare: bench/compare-bench.mjs");
  const c = spawnSync(NODE, [join(BENCH, "compare-bench.mjs")], { cwd: ROOT, encoding: "utf8" });
  results.cases["compare"] = { exitCode: c.status, output: (c.stdout + c.stderr).trim().split("\n").slice(-6) };
}

results.machine.loadavgEnd = os.loadavg();

// ---------------------------------------------------------------------------------------------
// targets and table

const C = results.cases;
const target = (name, value, op, limit, unit, why) => {
  if (value === undefined || value === null || Number.isNaN(value)) return results.targets.push({ name, value: null, target: `${op} ${limit}${unit}`, met: null, note: why ?? "not measured" });
  results.targets.push({ name, value: Number(value.toFixed(3)), target: `${op} ${limit}${unit}`, met: op === ">=" ? value >= limit : value < limit || (op === "<=" && value === limit) });
};
if (C["text.jobs1"]) {
  target("text MB/s per core ÷ floor MB/s (wall)", C["text.jobs1"].mbPerS / C["text.floor"].mbPerS, ">=", 0.25, "");
  target("  same, by CPU time (less sensitive to other load on the machine)", C["text.jobs1"].cpuMbPerS / C["text.floor"].cpuMbPerS, ">=", 0.25, "");
  target(`--jobs ${CORES} speed-up over --jobs 1 (wall)`, C["text.jobs1"].wallMs / C["text.jobsN"].wallMs, ">=", 1.7, "×");
  // on idle cores the wall speed-up is at most CORES × (CPU of --jobs 1 ÷ CPU of --jobs N)
  target(`  bound on idle cores: ${CORES} × CPU(--jobs 1) ÷ CPU(--jobs ${CORES})`, (CORES * C["text.jobs1"].cpuMs) / C["text.jobsN"].cpuMs, ">=", 1.7, "×");
  target("peak RSS of the text NDJSON runs", Math.max(C["text.jobs1"].maxRSSMB, C["text.jobsN"].maxRSSMB), "<", 300, " MB");
}
if (C["pdf.jobs1"]) {
  if (C["pdf.pdftotext1"]) {
    target("PDF pages/s ÷ pdftotext pages/s (1 core)", C["pdf.jobs1"].pagesPerS / C["pdf.pdftotext1"].pagesPerS, ">=", 0.5, "");
    target("  same, by CPU time", C["pdf.pdftotext1"].cpuMs / C["pdf.jobs1"].cpuMs, ">=", 0.5, "");
  }
  else target("PDF pages/s ÷ pdftotext pages/s (1 core)", null, ">=", 0.5, "", "pdftotext not installed");
}
if (C["big.inproc"]) target("10 MB notice: CPU per MB ÷ small notices' CPU per MB", C["big.inproc"].ratio, "<=", 1.5, "×");
if (C["version"]) {
  target("gongkai --version (wall, median)", C["version"].wallMs, "<", 150, " ms");
  target("  same, CPU time", C["version"].cpuMs, "<", 150, " ms");
}

const f = (x, d = 1) => (x === undefined || x === null || Number.isNaN(x) ? "–" : x.toFixed(d));
const rows = [];
const row = (name, c, extra = {}) => rows.push({ name, wall: f(c.wallMs / 1000, 2), cpu: f(c.cpuMs / 1000, 2), docs: f(c.docsPerS, 0), mb: f(c.mbPerS, 2), pages: f(c.pagesPerS, 0), rss: f(c.maxRSSMB, 0), ...extra });
if (C["text.floor"]) {
  const fl = C["text.floor"];
  row("floor: read + decode + 1 regex (text)", fl, { vsFloor: "1.00", speedup: "" });
  row("gongkai --jobs 1 (text)", C["text.jobs1"], { vsFloor: f(C["text.jobs1"].mbPerS / fl.mbPerS, 3), speedup: "1.00" });
  row(`gongkai --jobs ${CORES} (text)`, C["text.jobsN"], { vsFloor: f(C["text.jobsN"].mbPerS / fl.mbPerS, 3), speedup: f(C["text.jobs1"].wallMs / C["text.jobsN"].wallMs, 2) });
}
if (C["pdf.jobs1"]) {
  const ref = C["pdf.pdftotext1"];
  if (ref) row("pdftotext, one process per file", ref, { vsPdftotext: "1.00" });
  if (C["pdf.pdftotextN"]) row(`pdftotext, xargs -P ${CORES}`, C["pdf.pdftotextN"], { vsPdftotext: f(C["pdf.pdftotextN"].pagesPerS / ref.pagesPerS, 2) });
  row("gongkai --jobs 1 (PDF)", C["pdf.jobs1"], { vsPdftotext: ref ? f(C["pdf.jobs1"].pagesPerS / ref.pagesPerS, 3) : "–" });
  row(`gongkai --jobs ${CORES} (PDF)`, C["pdf.jobsN"], { vsPdftotext: ref ? f(C["pdf.jobsN"].pagesPerS / ref.pagesPerS, 3) : "–", speedup: f(C["pdf.jobs1"].wallMs / C["pdf.jobsN"].wallMs, 2) });
}
if (C["big.cli"]) row(`gongkai, one ${f(corpus.big.bytes / MB)} MB notice`, C["big.cli"]);
if (C["version"]) row("gongkai --version", C["version"]);

const cols = [
  ["name", "case"], ["wall", "wall s"], ["cpu", "CPU s"], ["docs", "docs/s"], ["mb", "MB/s"], ["pages", "pages/s"], ["rss", "peak RSS MB"],
  ["vsFloor", "÷ floor"], ["speedup", "speed-up"], ["vsPdftotext", "÷ pdftotext"],
];
const table = [
  `| ${cols.map((c) => c[1]).join(" | ")} |`,
  `| ${cols.map((c, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
  ...rows.map((r) => `| ${cols.map(([k]) => r[k] ?? "").join(" | ")} |`),
].join("\n");
const ip = C["big.inproc"];
const notes = [
  `corpus: ${corpus.text.files} text/Markdown notices (${f(corpus.text.bytes / MB)} MB), ${corpus.pdf.files} PDFs (${corpus.pdf.pages} pages, ${corpus.pdf.real} LibreOffice + ${corpus.pdf.generated} generated), one ${f(corpus.big.bytes / MB)} MB notice; scale ${SCALE}, median of ${RUNS}`,
  `machine: ${CORES} cores, ${results.machine.cpu}, Node ${process.version}; load average ${results.machine.loadavgStart.map((x) => x.toFixed(1)).join(" ")} → ${results.machine.loadavgEnd.map((x) => x.toFixed(1)).join(" ")}`,
  ip ? `linear growth (in-process CPU): small notices ${f(ip.smallMsPerMB, 0)} ms/MB, the ${f(ip.bigBytes / MB)} MB notice ${f(ip.bigMsPerMB, 0)} ms/MB (×${f(ip.ratio, 2)})` : "",
  C["version.nodeBare"] ? `start-up: \`node -e 0\` alone takes ${f(C["version.nodeBare"].wallMs, 0)} ms here` : "",
  ...["text", "pdf"].filter((k) => C[`${k}.check`]).map((k) => `check (${k}): ${C[`${k}.check`].documents}/${C[`${k}.check`].expected} documents, ${C[`${k}.check`].tasks} tasks, exit ${C[`${k}.check`].exitCode}`),
  C["compare"] ? `compare: ${C["compare"].output.join(" / ")}` : "",
].filter(Boolean);
const targetLines = results.targets.map((t) => `- ${t.met === null ? "n/a " : t.met ? "MET " : "MISS"} ${t.name}: ${t.value ?? "–"} (target ${t.target})${t.note ? ` — ${t.note}` : ""}`);
results.table = table;
writeFileSync(join(BENCH, "results.json"), JSON.stringify(results, null, 2) + "\n");

// one line per run in bench/history.csv (committed), so that a regression shows against the commit before
if (process.env.BENCH_HISTORY !== "0") {
  const git = (args) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? "";
  const commit = git(["rev-parse", "--short", "HEAD"]) + (git(["status", "--porcelain", "--untracked-files=no"]) ? "-dirty" : "");
  const ratio = (a, b) => (a === undefined || b === undefined || !b ? "" : (a / b).toFixed(3));
  const fields = {
    date: results.machine.date ?? new Date().toISOString(),
    machine: `${CORES} cores ${results.machine.cpu} Node ${process.version}`.replaceAll(",", " "),
    commit,
    scale: SCALE,
    runs: RUNS,
    load_start: results.machine.loadavgStart?.[0]?.toFixed(1) ?? "",
    load_end: results.machine.loadavgEnd?.[0]?.toFixed(1) ?? "",
    text_vs_floor_wall: ratio(C["text.jobs1"]?.mbPerS, C["text.floor"]?.mbPerS),
    text_vs_floor_cpu: ratio(C["text.jobs1"]?.cpuMbPerS, C["text.floor"]?.cpuMbPerS),
    jobsN_speedup_wall: ratio(C["text.jobs1"]?.wallMs, C["text.jobsN"]?.wallMs),
    jobsN_cpu_vs_jobs1: ratio(C["text.jobsN"]?.cpuMs, C["text.jobs1"]?.cpuMs),
    pdf_vs_pdftotext_wall: ratio(C["pdf.jobs1"]?.pagesPerS, C["pdf.pdftotext1"]?.pagesPerS),
    pdf_vs_pdftotext_cpu: ratio(C["pdf.pdftotext1"]?.cpuMs, C["pdf.jobs1"]?.cpuMs),
    inproc_small_ms_per_mb: C["big.inproc"]?.smallMsPerMB?.toFixed(0) ?? "",
    inproc_big_ms_per_mb: C["big.inproc"]?.bigMsPerMB?.toFixed(0) ?? "",
    version_ms: C["version"]?.wallMs?.toFixed(0) ?? "",
    text_peak_rss_mb: C["text.jobsN"] ? Math.max(C["text.jobs1"].maxRSSMB, C["text.jobsN"].maxRSSMB).toFixed(0) : "",
  };
  const history = join(BENCH, "history.csv");
  if (!existsSync(history)) writeFileSync(history, Object.keys(fields).join(",") + "\n");
  appendFileSync(history, Object.values(fields).join(",") + "\n");
  log("appended a line to bench/history.csv");
}
process.stdout.write(`\n${table}\n\n${notes.join("\n")}\n\nTargets:\n${targetLines.join("\n")}\n\nwrote bench/results.json\n`);
