export * from "./assemble-document.js";
export * from "./create-processor.js";
