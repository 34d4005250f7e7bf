/**
 * PDF entry point of the calling thread: the file goes to the reader thread (sandbox.ts), where pdf.ts
 * and pdf.js run. Kept apart from pdf.ts so that the thread running the pipeline does not load pdf.js
 * (about a megabyte of code to compile, and the polyfills it installs) only to hand the bytes on.
 */
import type { DecodedInput } from "../text/blocks.js";
import type { ReadOptions } from "./types.js";
import { readSandboxed } from "./sandbox.js";

/** Read a PDF on the reader thread (sandbox.ts): a stuck pdf.js is stopped from outside. */
export function readPdf(bytes: Uint8Array, opts: ReadOptions): Promise<DecodedInput> {
  return readSandboxed("pdf", bytes, opts, async () => (await import("./pdf.js")).readPdfInProcess(bytes, opts));
}
