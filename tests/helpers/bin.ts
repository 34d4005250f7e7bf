/** The built CLI (bin/gongkai.js → dist/), for tests that need a real process: signals, worker threads. */
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";

export const BIN = path.resolve("bin/gongkai.js");

/** Compile src/ to dist/ (call once per test file, in beforeAll). */
export function buildDist(): void {
  execFileSync(process.execPath, [path.resolve("node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { stdio: "inherit" });
}

export interface Spawned {
  child: ReturnType<typeof spawn>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function spawnCli(args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Spawned {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: { ...process.env, NO_COLOR: "1", ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
  // Decode once at the end: a chunk boundary can fall inside a multi-byte character.
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (d: Buffer) => out.push(d));
  child.stderr.on("data", (d: Buffer) => err.push(d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") })),
  );
  return { child, done };
}

export const runBin = (args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }) => spawnCli(args, opts).done;

/** Resolve when `check` is true, polling. */
export async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
