export * from "./create-server.js";
export * from "./env.js";
export { readHealth } from "./read-model.js";
export * from "./serve-viewer.js";
