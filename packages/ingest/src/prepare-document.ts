import { createHash } from "node:crypto";
import { type DocumentInput, JobSafeId, type Paragraph } from "@newsflow/contracts";
import { hasText, normalizeText, splitParagraphs } from "@newsflow/nlp";

/** The longest paragraph accepted; longer "paragraphs" are not prose (logs, dumps, minified text). */
export const MAX_PARAGRAPH_CHARS = 100_000;

/**
 * Whether a run or document id can be used as given: a job id BullMQ accepts, and not "." or
 * "..", which a URL path cannot hold (browsers and servers resolve `/runs/..` to `/`), so the
 * viewer's links and API could not name them.
 */
export function isUsableId(id: string): boolean {
  return JobSafeId.safeParse(id).success && id !== "." && id !== "..";
}

/** The document id: the given id when it is usable (`isUsableId`), else derived from it or from the content. */
export function documentId(doc: DocumentInput, text: string): string {
  if (doc.id !== undefined) {
    if (isUsableId(doc.id)) return doc.id;
    const slug = doc.id.replace(/[^A-Za-z0-9._~-]+/g, "_").slice(0, 80);
    return `${slug}-${createHash("sha256").update(doc.id).digest("hex").slice(0, 8)}`;
  }
  return `doc-${createHash("sha256").update(text).digest("hex").slice(0, 20)}`;
}

/** A prepared document, or the reason it cannot be processed. */
export type Prepared = { id: string; title: string | null; paragraphs: Paragraph[] } | { reason: string };

/** Normalise and split one document; reject it when it has nothing to process or is not prose. */
export function prepareDocument(doc: DocumentInput, titleKnown: boolean): Prepared {
  const text = normalizeText(doc.text);
  const split = splitParagraphs(text, { detectTitle: !titleKnown });
  const title = doc.title !== undefined ? normalizeText(doc.title).trim() || null : split.title;
  if (!split.paragraphs.some((p) => hasText(p.text))) return { reason: "no paragraphs with text" };
  const long = split.paragraphs.find((p) => p.text.length > MAX_PARAGRAPH_CHARS);
  if (long) {
    return { reason: `paragraph ${long.index + 1} has ${long.text.length.toLocaleString("en")} characters, over the ${MAX_PARAGRAPH_CHARS.toLocaleString("en")} limit: split it into paragraphs` };
  }
  return { id: documentId(doc, `${title ?? ""}\n${text}`), title, paragraphs: split.paragraphs };
}

