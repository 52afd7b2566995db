export * from "./create-processor.js";
