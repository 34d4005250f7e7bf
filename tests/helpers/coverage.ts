/** A coverage block for hand-built documents: nothing unread. */
import type { Coverage } from "../../src/schema.js";

export const FULL_COVERAGE: Coverage = {
  phrases: { found: 0, read: 0, ratio: null, firstUnreadLine: null },
  markers: { found: 0, read: 0, ratio: null, firstUnreadLine: null },
};
