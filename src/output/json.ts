/** JSON and NDJSON renderers. Pure: records in, strings out. */
import type { ErrorRecord, Result } from "../schema.js";

export type OutputRecord = Result | ErrorRecord;

export const renderJson = (record: OutputRecord, pretty: boolean): string =>
  JSON.stringify(record, null, pretty ? 2 : undefined) + "\n";

/** One NDJSON line: JSON.stringify escapes every line break inside strings, so a record is one line. */
export const renderNdjsonLine = (record: OutputRecord): string => JSON.stringify(record) + "\n";

/**
 * A JSON array built piece by piece, so a batch is streamed: `open`, then `item` for each record
 * (`first` decides the comma), then `close`.
 */
export const jsonArray = {
  open: (): string => "[",
  item: (record: OutputRecord, first: boolean, pretty: boolean): string => {
    const body = pretty ? JSON.stringify(record, null, 2).replace(/\n/gu, "\n  ") : JSON.stringify(record);
    return (first ? "\n  " : ",\n  ") + body;
  },
  close: (empty: boolean): string => (empty ? "]\n" : "\n]\n"),
};
