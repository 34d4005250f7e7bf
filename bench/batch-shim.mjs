#!/usr/bin/env node
// Fallback used by bench/run.mjs only when `gongkai parse DIR --format ndjson --jobs N` is not
// available yet: the same work through the library (dist/index.js) — read each file, parseBuffer,
// one NDJSON line per notice in input order — with N worker threads (1 = in-process).
// usage: node bench/batch-shim.mjs DIR --jobs N
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker, isMainThread, parentPort } from "node:worker_threads";

const dist = new URL("../dist/index.js", import.meta.url).href;

if (!isMainThread) {
  const { parseBuffer } = await import(dist);
  parentPort.on("message", async ({ i, file }) => {
    try {
      parentPort.postMessage({ i, line: JSON.stringify(await parseBuffer(readFileSync(file), { path: file })) });
    } catch (e) {
      parentPort.postMessage({ i, error: String(e?.message ?? e) });
    }
  });
} else {
  const dir = process.argv[2];
  const j = process.argv.indexOf("--jobs");
  const jobs = j > 0 ? Number(process.argv[j + 1]) : availableParallelism();
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(txt|md|pdf|docx|html?)$/iu.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
  let failed = 0;
  if (jobs <= 1) {
    const { parseBuffer } = await import(dist);
    for (const file of files) {
      try {
        process.stdout.write(JSON.stringify(await parseBuffer(readFileSync(file), { path: file })) + "\n");
      } catch (e) {
        failed++;
        process.stderr.write(`${file}: ${e?.message ?? e}\n`);
      }
    }
  } else {
    const pending = new Map();
    let next = 0;
    let emit = 0;
    let done = 0;
    await new Promise((resolve) => {
      const workers = Array.from({ length: jobs }, () => new Worker(new URL(import.meta.url)));
      const feed = (w) => {
        if (next < files.length) {
          const i = next++;
          w.postMessage({ i, file: files[i] });
        }
      };
      for (const w of workers) {
        w.on("message", (m) => {
          pending.set(m.i, m);
          while (pending.has(emit)) {
            const r = pending.get(emit);
            pending.delete(emit++);
            if (r.error) {
              failed++;
              process.stderr.write(`${files[r.i]}: ${r.error}\n`);
            } else process.stdout.write(r.line + "\n");
          }
          if (++done === files.length) {
            for (const x of workers) void x.terminate();
            resolve();
          } else feed(w);
        });
        feed(w);
        feed(w); // two in flight per worker
      }
    });
  }
  process.exitCode = failed ? 1 : 0;
}
