export * from "./create-producer.js";
export * from "./prepare-document.js";
export { extractHtml } from "./extract-html.js";
export { extractMarkdown } from "./extract-markdown.js";
export { decodeText, type InputItem, MAX_FILE_BYTES, readInputs } from "./read-inputs.js";
