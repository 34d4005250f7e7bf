/** Reading an input file with typed errors, refusing folders and oversize files before reading. */
import { open } from "node:fs/promises";
import { GongkaiError } from "../errors.js";
import { formatSize } from "./size.js";

const fsErrorCode = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/** Read a whole file, refusing folders and anything larger than maxSize before reading it. */
export async function readFileChecked(abs: string, maxSize: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(abs, "r");
  } catch (e) {
    const code = fsErrorCode(e);
    if (code === "ENOENT") throw new GongkaiError("E_NOT_FOUND", "no such file", { hint: "check the path" });
    if (code === "EISDIR") throw new GongkaiError("E_IS_DIRECTORY", "is a directory", { hint: "give a file, or the folder as an input to walk it" });
    if (code === "EACCES" || code === "EPERM") throw new GongkaiError("E_NOT_FOUND", "permission denied", { hint: "check the file's permissions" });
    throw e;
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new GongkaiError("E_IS_DIRECTORY", "is a directory", { hint: "give a file, or the folder as an input to walk it" });
    if (st.size > maxSize) {
      throw new GongkaiError("E_TOO_LARGE", `the file is ${formatSize(st.size)}, over the limit of ${formatSize(maxSize)}`, { hint: "raise --max-size if it really is a notice" });
    }
    return await handle.readFile();
  } catch (e) {
    if (fsErrorCode(e) === "EISDIR") throw new GongkaiError("E_IS_DIRECTORY", "is a directory", { hint: "give a file" });
    throw e;
  } finally {
    await handle.close();
  }
}

