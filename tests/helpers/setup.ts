// The library entry (src/index.ts) loads the Markdown tree reader up front for the synchronous
// parseNotice; tests that import src/pipeline.js or src/input/* directly get it here.
import "../../src/input/markdown-tree.js";
