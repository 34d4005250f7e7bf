/** HTML article-page reader. */
import { GongkaiError } from "../errors.js";
import type { DecodedInput } from "../text/blocks.js";

export function readHtml(_text: string, _encoding: string | null): DecodedInput {
  throw new GongkaiError("E_UNSUPPORTED", "HTML input is not supported yet");
}
