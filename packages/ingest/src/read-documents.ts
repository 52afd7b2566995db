import type { Readable } from "node:stream";
import type { Paragraph } from "@newsflow/contracts";
import type { ReadOptions } from "./input-item.js";
import { prepareDocument } from "./prepare-document.js";
import { readInputs } from "./read-inputs.js";

/** A document as the producer stores it, or the one-line reason an input was rejected. */
export type DocumentItem =
  | {
      kind: "document";
      source: string;
      id: string;
      title: string | null;
      paragraphs: Paragraph[];
      url: string | null;
      publishedAt: string | null;
      byline: string | null;
    }
  | { kind: "rejected"; source: string; reason: string };

/**
 * Read and prepare every input: `readInputs` then `prepareDocument`, the path every document
 * takes into the store (`newsflow run`) and onto the screen (`newsflow extract`).
 */
export async function* readDocuments(paths: string[], stdin?: Readable, options: ReadOptions = {}): AsyncGenerator<DocumentItem> {
  for await (const item of readInputs(paths, stdin, options)) {
    if (item.kind === "rejected") {
      yield item;
      continue;
    }
    const prepared = prepareDocument(item.doc, item.titleKnown);
    if ("reason" in prepared) {
      yield { kind: "rejected", source: item.source, reason: prepared.reason };
      continue;
    }
    yield {
      kind: "document",
      source: item.source,
      id: prepared.id,
      title: prepared.title,
      paragraphs: prepared.paragraphs,
      url: item.doc.url ?? null,
      publishedAt: item.doc.publishedAt ?? null,
      byline: item.doc.byline ?? null,
    };
  }
}
