/** Word .docx reader. */
import { GongkaiError } from "../errors.js";
import type { DecodedInput } from "../text/blocks.js";
import type { ReadOptions } from "./index.js";

export async function readDocx(_bytes: Uint8Array, _opts: ReadOptions): Promise<DecodedInput> {
  throw new GongkaiError("E_UNSUPPORTED", "Word input is not supported yet");
}
