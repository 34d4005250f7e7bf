/**
 * `--shard K/N`: a deterministic 1/N of the inputs, chosen by a stable hash of each input's path
 * relative to the folder it was found in, so N CI jobs running the same command cover a folder
 * exactly once whatever machine, OS or checkout path they run on.
 */
import { createHash } from "node:crypto";
import { msg } from "./messages.js";
import { GongkaiError } from "../errors.js";

export interface Shard {
  readonly index: number; // 1-based K
  readonly count: number; // N
}

const SHARD = /^(?<k>\d{1,6})\/(?<n>\d{1,6})$/u;

export function parseShard(text: string): Shard {
  const m = SHARD.exec(text.trim());
  const k = Number(m?.groups?.k), n = Number(m?.groups?.n);
  if (!m || n < 1 || k < 1 || k > n) {
    throw new GongkaiError("E_USAGE", msg("badShard", { text }), { hint: msg("badShardHint") });
  }
  return { index: k, count: n };
}

/** 0-based bucket of a relative path (forward slashes). */
export function shardBucket(relPath: string, count: number): number {
  const digest = createHash("sha256").update(relPath.replaceAll("\\", "/"), "utf8").digest();
  return digest.readUInt32BE(0) % count;
}

export const inShard = (relPath: string, shard: Shard): boolean => shardBucket(relPath, shard.count) === shard.index - 1;
