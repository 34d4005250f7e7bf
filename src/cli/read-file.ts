/**
 * Reading an input file with typed errors: folders, devices, FIFOs and sockets are refused before
 * anything is read (a FIFO would block forever, /dev/zero never ends; stdin is `-`), and the read
 * itself stops at the size limit whatever `stat` said (a file that grows, a /proc file of size 0).
 */
import { constants as fsConstants, type Stats } from "node:fs";
import { open, stat } from "node:fs/promises";
import { msg } from "./messages.js";
import { GongkaiError } from "../errors.js";
import { formatSize } from "./size.js";

const fsErrorCode = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

const isDirectory = (): GongkaiError => new GongkaiError("E_IS_DIRECTORY", msg("inIsDirectory"), { hint: msg("inIsDirectoryHint") });

const tooLarge = (size: number | null, maxSize: number): GongkaiError =>
  new GongkaiError("E_TOO_LARGE", size === null ? msg("inTooLargeUnknown", { max: formatSize(maxSize) }) : msg("inTooLarge", { size: formatSize(size), max: formatSize(maxSize) }), {
    hint: msg("inTooLargeHint"),
  });

/** Anything but a regular file (after following links): refused with what it is. */
function notRegular(st: Stats): GongkaiError | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return isDirectory();
  const what = msg(st.isFIFO() ? "kindFifo" : st.isCharacterDevice() ? "kindCharDevice" : st.isBlockDevice() ? "kindBlockDevice" : st.isSocket() ? "kindSocket" : "kindOther");
  return new GongkaiError("E_UNSUPPORTED", msg("inNotRegular", { what }), { hint: msg("inNotRegularHint") });
}

function openError(e: unknown): GongkaiError | unknown {
  const code = fsErrorCode(e);
  if (code === "ENOENT" || code === "ENOTDIR") return new GongkaiError("E_NOT_FOUND", msg("inNoSuchFile"), { hint: msg("checkPath") });
  if (code === "EISDIR") return isDirectory();
  if (code === "EACCES" || code === "EPERM") return new GongkaiError("E_NOT_FOUND", msg("inPermission"), { hint: msg("checkPermissions") });
  if (code === "ELOOP") return new GongkaiError("E_NOT_FOUND", msg("inLinkLoop"), { hint: msg("checkPath") });
  if (code === "ENAMETOOLONG") return new GongkaiError("E_NOT_FOUND", msg("inNameTooLong"), { hint: msg("checkPath") });
  return e;
}

/** Read a whole regular file, refusing anything else and stopping at maxSize bytes. */
export async function readFileChecked(abs: string, maxSize: number): Promise<Uint8Array> {
  // stat first: opening a FIFO for reading blocks until a writer comes
  const before = await stat(abs).catch((e: unknown) => {
    throw openError(e);
  });
  const refused = notRegular(before);
  if (refused) throw refused;
  if (before.size > maxSize) throw tooLarge(before.size, maxSize);
  let handle;
  try {
    // O_NONBLOCK: should the path be swapped for a FIFO after the check, opening it still returns
    handle = await open(abs, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (e) {
    throw openError(e);
  }
  try {
    const st = await handle.stat();
    const swapped = notRegular(st);
    if (swapped) throw swapped;
    // Read at most maxSize + 1 bytes: one byte more than allowed proves the file too large.
    const chunks: Buffer[] = [];
    let total = 0;
    // The first read asks for the whole file as stat sees it (one buffer in the usual case).
    let next = Math.max(st.size + 1, 64 * 1024);
    for (;;) {
      const want = Math.min(next, maxSize + 1 - total);
      next = 1 << 20;
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buf, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? buf : buf.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > maxSize) throw tooLarge(null, maxSize);
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (e) {
    if (fsErrorCode(e) === "EISDIR") throw isDirectory();
    throw e;
  } finally {
    await handle.close();
  }
}
