/** Failures as plain data: they cross worker-thread boundaries and end up as one stderr line. */
import { type ErrorCode, isGongkaiError } from "../errors.js";

export interface SerializedError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint?: string;
  readonly stack?: string;
}

export function serializeError(e: unknown): SerializedError {
  if (isGongkaiError(e)) {
    return { code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}), ...(e.stack ? { stack: e.stack } : {}) };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { code: "E_INTERNAL", message: err.message.split("\n")[0] ?? "", hint: "run with --debug for details, and please report it", ...(err.stack ? { stack: err.stack } : {}) };
}

