/**
 * Typed failures. Every failure the library can report carries a stable `code`
 * (part of the public interface, documented in the README) and a one-line message.
 */
import { render, type Text } from "./messages.js";

export const ERROR_CODES = {
  E_NOT_FOUND: "the input file does not exist",
  E_IS_DIRECTORY: "a directory was given where a file was expected",
  E_EMPTY: "the input is empty",
  E_BINARY: "the input is binary, not text",
  E_ENCODING: "the text could not be decoded",
  E_TOO_LARGE: "the input is larger than --max-size",
  E_UNSUPPORTED: "the input format is not supported",
  E_PDF_NO_TEXT: "the PDF has no text layer",
  E_PDF_ENCRYPTED: "the PDF is encrypted",
  E_PDF_CORRUPT: "the PDF is corrupt or truncated",
  E_PDF_GARBLED: "the PDF text layer is garbled",
  E_DOCX_CORRUPT: "the Word file is corrupt",
  E_DOC_CORRUPT: "the Word 97–2003 (.doc/.wps) file is corrupt",
  E_XLS_CORRUPT: "the spreadsheet is corrupt",
  E_OFD_CORRUPT: "the OFD file is corrupt",
  E_ENCRYPTED: "the file is password-protected",
  E_INVALID_JSON: "the file is not valid JSON",
  E_SCHEMA: "the document does not match the schema",
  E_OUTPUT: "the output could not be written",
  E_USAGE: "bad command-line usage",
  E_INTERNAL: "internal error",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class GongkaiError extends Error {
  readonly code: ErrorCode;
  /** What the user should do about it (shown after the message), in English. */
  readonly hint: string | undefined;
  /** The catalogue entry of the message (src/messages.ts), so a front end can show it in another language. */
  readonly text: Text | undefined;
  /** The catalogue entry of the hint. */
  readonly hintText: Text | undefined;
  /** `message` and `hint` are catalogue entries (the library) or text already in the user's language (the CLI). */
  constructor(code: ErrorCode, message: string | Text, options?: { hint?: string | Text | undefined; cause?: unknown }) {
    super(render(message, "en"), options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "GongkaiError";
    this.code = code;
    this.hint = options?.hint === undefined ? undefined : render(options.hint, "en");
    this.text = typeof message === "string" ? undefined : message;
    this.hintText = typeof options?.hint === "object" ? options.hint : undefined;
  }
}

export const isGongkaiError = (e: unknown): e is GongkaiError => e instanceof GongkaiError;
