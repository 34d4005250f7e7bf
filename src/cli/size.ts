/** Byte sizes on the command line: `52428800`, `50MB`, `512k`, `1.5 GiB`. */
import { msg } from "./messages.js";
import { GongkaiError } from "../errors.js";

const SIZE = /^(?<num>\d+(?:\.\d+)?)\s*(?<unit>[kmg]?i?b?)$/iu;
const UNIT: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** Fits the default memory: text and HTML take up to ~50× their size while parsed (about 1 GB at 20 MB). */
export const DEFAULT_MAX_SIZE = 20 * 1024 * 1024;

export function parseSize(text: string): number {
  const m = SIZE.exec(text.trim());
  const unit = UNIT[(m?.groups?.unit ?? "").toLowerCase().replace(/b$/u, "").replace(/i$/u, "")];
  const n = Number(m?.groups?.num);
  if (!m || unit === undefined || !Number.isFinite(n) || n <= 0) {
    throw new GongkaiError("E_USAGE", msg("badSize", { text }), { hint: msg("badSizeHint") });
  }
  return Math.floor(n * unit);
}

export const formatSize = (bytes: number): string =>
  bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`;
