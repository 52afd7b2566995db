export * from "./documents.js";
export * from "./entities.js";
export * from "./jobs.js";
export * from "./queues.js";
export * from "./quotes.js";
export * from "./results.js";
export * from "./spans.js";
export * from "./summaries.js";
