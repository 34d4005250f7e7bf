/**
 * An expanded-size cap for PDF, checked before pdf.js sees the file. A compression bomb (a few
 * hundred KB of Flate data that unpacks to gigabytes) would otherwise be inflated by pdf.js and
 * stopped only by the time or heap limit. The raw file is scanned for `stream … endstream` bodies
 * whose dictionary names /FlateDecode; each is inflated with a capped output, and the total is
 * counted. Images are left out (pdf.js does not need their pixels to read the text, and scanned
 * pages legitimately unpack to tens of MB each); encrypted streams do not inflate and are skipped.
 */
import { constants, inflateSync } from "node:zlib";
import { GongkaiError } from "../errors.js";
import { libText } from "../messages.js";

/** Total bytes the non-image Flate streams of one PDF may unpack to (text pages: ~10–50 KB each; fonts a few MB). */
export const PDF_MAX_EXPANDED_MB = 64;

const STREAM = Buffer.from("stream", "latin1");
const ENDSTREAM = Buffer.from("endstream", "latin1");
/** How far back from `stream` the stream's dictionary is looked for. */
const DICT_WINDOW = 4096;

/** The dictionary text before the `stream` keyword at `at` (from the nearest `obj`), latin1. */
function dictBefore(buf: Buffer, at: number): string {
  const from = Math.max(0, at - DICT_WINDOW);
  const head = buf.toString("latin1", from, at);
  const obj = head.lastIndexOf("obj");
  return obj >= 0 ? head.slice(obj + 3) : head;
}

/**
 * Bytes the Flate streams of a PDF unpack to, counted up to `maxBytes`; throws E_PDF_CORRUPT past it.
 * Linear in the file: one pass over it, and each stream's inflate stops at the cap.
 */
export function checkPdfExpansion(bytes: Uint8Array, maxBytes = PDF_MAX_EXPANDED_MB * 1024 * 1024): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let i = buf.indexOf(STREAM);
  while (i >= 0) {
    const isEnd = i >= 3 && buf.toString("latin1", i - 3, i) === "end";
    let start = i + STREAM.length;
    if (isEnd || (buf[start] !== 0x0a && buf[start] !== 0x0d)) {
      i = buf.indexOf(STREAM, start);
      continue;
    }
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf(ENDSTREAM, start);
    const stop = end < 0 ? buf.length : end;
    const dict = dictBefore(buf, i);
    if (dict.includes("/FlateDecode") && !/\/Subtype\s*\/Image\b/u.test(dict)) {
      total += inflatedSize(buf.subarray(start, stop), maxBytes - total);
      if (total > maxBytes) {
        throw new GongkaiError("E_PDF_CORRUPT", libText("pdfExpands", { mb: Math.round(maxBytes / 1048576) }), {
          hint: libText("mayBeBombFile"),
        });
      }
    }
    if (end < 0) break;
    i = buf.indexOf(STREAM, end + ENDSTREAM.length);
  }
  return total;
}

/** Unpacked size of one zlib stream, at most `room + 1` (past the room is all the caller needs to know). */
function inflatedSize(data: Buffer, room: number): number {
  try {
    // a truncated stream still counts what it unpacks to (pdf.js reads those too)
    return inflateSync(data, { maxOutputLength: Math.max(1, room + 1), finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return room + 1;
    return 0; // not zlib data (encrypted, damaged): pdf.js decides
  }
}
