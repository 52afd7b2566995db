import type { DocumentInput } from "@newsflow/contracts";
import { extractHtml } from "./extract-html.js";

/** A document read from an input, or the one-line reason an input was rejected. */
export type InputItem =
  | { kind: "document"; source: string; doc: DocumentInput; titleKnown: boolean }
  | { kind: "rejected"; source: string; reason: string };

/** How a reader reports what it skipped or dropped without rejecting (a WARC's non-HTML records, a JSONL url that is not http(s)). */
export interface ReadOptions {
  onNotice?: (source: string, message: string) => void;
}

/** The largest single text/markdown/html file (or WARC record) read as one document. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * The largest web page whose article is extracted. The DOM of a page takes ~14 times its size
 * in memory (8.6 MB of HTML: +116 MB RSS), and the largest of 79 real news pages is 1.5 MB, so
 * a bigger page is rejected rather than let one input take the producer's memory.
 */
export const MAX_HTML_CHARS = 5 * 1024 * 1024;

/**
 * The document of an HTML page: its article text, headline, byline and published date. `known`
 * gives what the container knows (a WARC record's URL and capture date); the page's own
 * published date wins over the capture date.
 */
export function htmlDocument(source: string, html: string, known: { url?: string; publishedAt?: string } = {}): InputItem {
  if (html.length > MAX_HTML_CHARS) {
    return { kind: "rejected", source, reason: `web page is ${(html.length / 1024 / 1024).toFixed(1)} MB, over the ${MAX_HTML_CHARS / 1024 / 1024} MB limit for one page: not a news article` };
  }
  const article = extractHtml(html);
  if (!article.text.trim()) return { kind: "rejected", source, reason: "no article text found in the HTML" };
  const publishedAt = article.publishedAt ?? known.publishedAt;
  const doc: DocumentInput = {
    text: article.text,
    ...(article.title ? { title: article.title } : {}),
    ...(known.url ? { url: known.url } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(article.byline ? { byline: article.byline } : {}),
  };
  return { kind: "document", source, doc, titleKnown: true };
}
