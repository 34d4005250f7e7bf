#!/usr/bin/env node
// The floor: read every notice under DIR, decode it as UTF-8 and run one pass of a simple regex
// over it, in one Node process. Nothing a parser could do with the same files is cheaper.
// usage: node bench/floor.mjs DIR   → prints {"files","bytes","matches"} as JSON
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const MARKER = /[一二三四五六七八九十]+、/gu;
let files = 0;
let bytes = 0;
let matches = 0;
for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!e.isFile() || !/\.(txt|md)$/u.test(e.name)) continue;
  const buf = readFileSync(join(e.parentPath ?? e.path, e.name));
  const text = buf.toString("utf8");
  MARKER.lastIndex = 0;
  while (MARKER.exec(text) !== null) matches++;
  files++;
  bytes += buf.length;
}
process.stdout.write(JSON.stringify({ files, bytes, matches }) + "\n");
