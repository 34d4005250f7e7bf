/** PDF reader (pdf-parse v2 / pdf.js). */
import { GongkaiError } from "../errors.js";
import type { DecodedInput } from "../text/blocks.js";
import type { ReadOptions } from "./index.js";

export async function readPdf(_bytes: Uint8Array, _opts: ReadOptions): Promise<DecodedInput> {
  throw new GongkaiError("E_UNSUPPORTED", "PDF input is not supported yet");
}
