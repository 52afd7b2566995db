export * from "./create-producer.js";
export { decodeHtml } from "./decode-html.js";
export { extractHtml } from "./extract-html.js";
export { extractMarkdown } from "./extract-markdown.js";
export * from "./prepare-document.js";
export { type DocumentItem, readDocuments } from "./read-documents.js";
export { decodeText, type InputItem, ioReason, MAX_FILE_BYTES, type ReadOptions, readInputs } from "./read-inputs.js";
export { readWarc } from "./read-warc.js";
