#!/usr/bin/env node
// Run a Node script in this process and, on exit, write process.resourceUsage() (max RSS of the
// whole process, worker threads included; user/system CPU time of all threads) as JSON to a file.
// usage: node bench/rss-wrap.mjs OUT.json SCRIPT [ARGS...]
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [out, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on("exit", (code) => {
  const u = process.resourceUsage();
  writeFileSync(out, JSON.stringify({ code, maxRSSKB: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
});
await import(pathToFileURL(resolve(script)).href);
