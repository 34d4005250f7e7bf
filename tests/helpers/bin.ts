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
  let stdout = "";
  let stderr = "";
  // setEncoding decodes across chunk boundaries: a character split between two chunks stays whole.
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", (d: string) => (stdout += d));
  child.stderr.on("data", (d: string) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
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
