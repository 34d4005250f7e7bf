/** Failures as plain data: they cross worker-thread boundaries and end up as one stderr line. */
import { type ErrorCode, isGongkaiError } from "../errors.js";
import { getLang, msg } from "./messages.js";
import { render, type Text } from "../messages.js";

export interface SerializedError {
  readonly code: ErrorCode;
  /** English for library errors; the CLI's own errors are already in the user's language. */
  readonly message: string;
  readonly hint?: string;
  readonly stack?: string;
  /** The library's catalogue entries (src/messages.ts): the main thread renders them in the user's language. */
  readonly text?: Text;
  readonly hintText?: Text;
}

export function serializeError(e: unknown): SerializedError {
  if (isGongkaiError(e)) {
    return {
      code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}), ...(e.stack ? { stack: e.stack } : {}),
      ...(e.text ? { text: e.text } : {}), ...(e.hintText ? { hintText: e.hintText } : {}),
    };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { code: "E_INTERNAL", message: err.message.split("\n")[0] ?? "", hint: msg("internalHint"), ...(err.stack ? { stack: err.stack } : {}) };
}

/** The failure's message in the user's language (a library error's catalogue entry, else the message as written). */
export const failureMessage = (e: SerializedError): string => (e.text ? render(e.text, getLang()) : e.message);

/** The failure's remedy in the user's language, if it has one. */
export const failureHint = (e: SerializedError): string | undefined => (e.hintText ? render(e.hintText, getLang()) : e.hint);
