/** Reading `-` (stdin) whole, refusing more than the size limit. */
import { msg } from "./messages.js";
import { GongkaiError } from "../errors.js";
import { formatSize } from "./size.js";

export async function readStdin(stream: NodeJS.ReadableStream, maxSize: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    total += b.length;
    if (total > maxSize) {
      throw new GongkaiError("E_TOO_LARGE", msg("stdinTooLarge", { max: formatSize(maxSize) }), { hint: msg("raiseMaxSize") });
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
