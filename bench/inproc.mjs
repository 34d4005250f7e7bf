#!/usr/bin/env node
// In-process CPU cost of the library (no start-up, no I/O in the timed part): parseBuffer over the
// small notices vs the one large notice, as milliseconds per MB. Used for the linearity target.
// usage: node bench/inproc.mjs DIST_INDEX SMALL_DIR BIG_FILE [RUNS]  → JSON on stdout
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [dist, smallDir, bigFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const { parseBuffer } = await import(pathToFileURL(dist).href);
const files = readdirSync(smallDir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(txt|md)$/u.test(e.name))
  .map((e) => join(e.parentPath ?? e.path, e.name))
  .sort();
// every 5th notice, at most 1,000: enough for a stable average, same files every run
const sample = files.filter((_, i) => i % 5 === 0).slice(0, 1000).map((f) => ({ path: f, bytes: readFileSync(f) }));
const big = { path: bigFile, bytes: readFileSync(bigFile) };
const smallBytes = sample.reduce((s, f) => s + f.bytes.length, 0);

for (const f of sample.slice(0, 50)) await parseBuffer(f.bytes, { path: f.path }); // warm-up (JIT)
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// CPU time of this thread's process (user + system), robust to other load on the machine; wall too
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const small = [];
const large = [];
const smallWall = [];
const largeWall = [];
for (let r = 0; r < runs; r++) {
  let c = cpuMs();
  let t = performance.now();
  for (const f of sample) await parseBuffer(f.bytes, { path: f.path });
  small.push(cpuMs() - c);
  smallWall.push(performance.now() - t);
  c = cpuMs();
  t = performance.now();
  await parseBuffer(big.bytes, { path: big.path });
  large.push(cpuMs() - c);
  largeWall.push(performance.now() - t);
}
const MB = 2 ** 20;
const out = {
  smallFiles: sample.length, smallBytes, bigBytes: big.bytes.length,
  smallCpuMs: median(small), bigCpuMs: median(large),
  smallMsPerMB: median(small) / (smallBytes / MB), bigMsPerMB: median(large) / (big.bytes.length / MB),
  runsSmallCpuMs: small, runsBigCpuMs: large, runsSmallWallMs: smallWall, runsBigWallMs: largeWall,
};
out.ratio = out.bigMsPerMB / out.smallMsPerMB;
process.stdout.write(JSON.stringify(out) + "\n");
