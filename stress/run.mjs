#!/usr/bin/env node
/**
 * `npm run stress`: every hostile-input generator at full size, each parsed by the built CLI in a
 * child process under a time and memory limit; prints a table and exits 1 if any case hangs, runs
 * over the memory limit, ends in E_INTERNAL or crashes.
 *
 *   node stress/run.mjs [--time 10] [--mem 1024] [--scale 1] [--only TEXT] [--clock cpu|wall]
 *
 * Time is the child's CPU time (user + system, from /proc) by default: what the input costs,
 * whatever else the machine runs; a case is also stopped at 6× the limit in wall time, so a
 * process that hangs without burning CPU fails too. `--clock wall` judges by wall time alone.
 * `--scale` multiplies every size (the hidden check uses other sizes than these).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CASES } from "./generators.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const TIME_S = Number(arg("time", "10"));
const MEM_MB = Number(arg("mem", "1024"));
const SCALE = Number(arg("scale", "1"));
const ONLY = arg("only", "");
const CLOCK = arg("clock", "cpu");
const WALL_S = CLOCK === "wall" ? TIME_S : TIME_S * 6;

const dir = mkdtempSync(path.join(tmpdir(), "gongkai-stress-"));

/** Peak resident memory of a process, sampled from /proc (Linux); null elsewhere. */
function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used, from /proc (Linux); null elsewhere. */
function cpuS(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

function run(file) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [path.join(root, "bin/gongkai.js"), "parse", file, "-f", "json", "-o", "/dev/null"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let peak = 0;
    let cpu = 0;
    let killed = "";
    child.stderr.on("data", (d) => (stderr += d));
    const poll = setInterval(() => {
      const r = rssMb(child.pid);
      if (r !== null) peak = Math.max(peak, r);
      const c = cpuS(child.pid);
      if (c !== null) cpu = Math.max(cpu, c);
      if (peak > MEM_MB && !killed) {
        killed = "memory";
        child.kill("SIGKILL");
      }
      if (((CLOCK === "cpu" && cpu > TIME_S) || Date.now() - t0 > WALL_S * 1000) && !killed) {
        killed = "time";
        child.kill("SIGKILL");
      }
    }, 50);
    child.on("close", (code) => {
      clearInterval(poll);
      resolve({ code, ms: Date.now() - t0, cpu, peak, killed, stderr });
    });
  });
}

const rows = [];
let bad = 0;
for (const [name, ext, make, full] of CASES) {
  if (ONLY && !name.includes(ONLY)) continue;
  const size = Math.max(1, Math.round(full * SCALE));
  const file = path.join(dir, `case.${ext}`);
  writeFileSync(file, await make(size));
  const bytes = statSync(file).size;
  const r = await run(file);
  const codes = [...new Set([...r.stderr.matchAll(/\b([EW]_[A-Z_]+)\b/gu)].map((m) => m[1]))].join(" ");
  const lines = r.stderr.split("\n").filter(Boolean);
  const verdict = r.killed ? `FAIL (${r.killed})` : /E_INTERNAL/u.test(r.stderr) ? "FAIL (E_INTERNAL)" : r.code !== 0 && r.code !== 1 ? `FAIL (exit ${r.code})` : "ok";
  if (verdict !== "ok") bad++;
  rows.push([name, String(size), `${(bytes / 1024).toFixed(0)} KB`, `${r.cpu.toFixed(1)} s`, `${(r.ms / 1000).toFixed(1)} s`, `${r.peak.toFixed(0)} MB`, String(r.code), codes || "-", verdict]);
  process.stderr.write(`${verdict.padEnd(18)} ${name} (${size}) cpu ${r.cpu.toFixed(1)} s, wall ${(r.ms / 1000).toFixed(1)} s, ${r.peak.toFixed(0)} MB ${codes}${lines.length > 3 ? ` [${lines.length} stderr lines]` : ""}\n`);
  rmSync(file, { force: true });
}
rmSync(dir, { recursive: true, force: true });

const head = ["case", "size", "input", "cpu", "wall", "peak RSS", "exit", "codes", "verdict"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join("  ");
console.log(`limits: ${TIME_S} s of ${CLOCK} time${CLOCK === "cpu" ? ` (${WALL_S} s wall)` : ""}, ${MEM_MB} MB per case`);
console.log(line(head));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
console.log(bad === 0 ? "all cases within limits" : `${bad} case(s) over a limit`);
process.exit(bad === 0 ? 0 : 1);
