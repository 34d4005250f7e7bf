/**
 * What every reader shares: the options a read takes and the formats there are. Kept apart from
 * `index.ts` so that readers never import the dispatcher that imports them.
 */
import type { InputFormat } from "../schema.js";

export type ReadableFormat = Exclude<InputFormat, "json">;

export interface ReadOptions {
  /** Path or file name, used only for the extension hint and messages. */
  path?: string | null;
  /** Force a format instead of detecting it. */
  format?: ReadableFormat;
  /** Force a text encoding. */
  encoding?: string;
  /** Password for an encrypted PDF. */
  password?: string;
}
