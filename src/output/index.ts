/** Output renderers: pure functions from documents to strings or bytes. */
export * from "./columns.js";
export * from "./csv.js";
export * from "./json.js";
export * from "./schemas.js";
export * from "./xlsx.js";
