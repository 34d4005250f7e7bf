/**
 * pdf-parse's rule geometry (Line, Point, LineStore), loaded so that the thread keeps Node's own builtins.
 * pdf-parse loads pdf.js's legacy build, whose core-js polyfills replace Array.prototype.push (with a
 * JavaScript loop) and JSON.parse for the whole thread although Node 20 needs neither: measured, the
 * polyfilled push alone was a fifth of a PDF read's CPU time, and it slowed whatever ran after the first
 * PDF in the same thread. The originals are taken before pdf-parse is imported and put back after it;
 * a later import of pdf.js (its worker module) calls restoreBuiltins() again.
 */
const nativePush = Array.prototype.push;
const nativeJsonParse = JSON.parse;

/** Put Node's Array.prototype.push and JSON.parse back after pdf.js code has been loaded. */
export function restoreBuiltins(): void {
  if (Array.prototype.push !== nativePush) Array.prototype.push = nativePush;
  if (JSON.parse !== nativeJsonParse) JSON.parse = nativeJsonParse;
}

// a dynamic import: a static one would be evaluated before the originals above are taken
const pdfParse = await import("pdf-parse");
restoreBuiltins();

export const { Line, LineStore, Point } = pdfParse;
export type Line = InstanceType<typeof Line>;
export type LineStore = InstanceType<typeof LineStore>;
export type Point = InstanceType<typeof Point>;
