import { readFileSync } from "node:fs";
import { hasText, listMarkerLength, normalizeText, splitParagraphs } from "@newsflow/nlp";
import type { Spans } from "./score-quotes.js";

/** One attribution of a PolNeAR-format article, spans in article offsets. */
export interface GoldAttribution {
  content: Spans;
  source: Spans;
  cue: Spans;
}

/** One article of a PolNeAR-format JSONL file. */
export interface GoldArticle {
  id: string;
  text: string;
  attributions: GoldAttribution[];
}

/** The articles of a PolNeAR-format JSONL file (`quotes/polnear/*.jsonl`, see the shared data README). */
export function readPolnear(path: string): GoldArticle[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as GoldArticle);
}

/** A paragraph of an article as the workers see it, with the attributions whose cue it holds, in paragraph offsets. */
export interface GoldParagraph {
  articleId: string;
  /** Position of the paragraph in its article. */
  index: number;
  /** Offset of the paragraph in its article. */
  offset: number;
  text: string;
  attributions: GoldAttribution[];
}

const within = (spans: Spans, from: number, to: number): Spans =>
  spans.filter((s) => s.start >= from && s.end <= to).map((s) => ({ start: s.start - from, end: s.end - from }));

/**
 * The paragraphs of the articles, split as the producer splits them (no title) and read as
 * `extractQuotes` reads them (without an opening list marker; a paragraph with no letter or digit
 * holds nothing to learn), each with the attributions whose cue lies in it; content and source are
 * kept where they lie in the same paragraph (a source written in another paragraph is the document
 * step's to find). Articles whose text `normalizeText` would change in length are left out: their
 * offsets would shift.
 */
export function goldParagraphs(articles: readonly GoldArticle[]): GoldParagraph[] {
  const out: GoldParagraph[] = [];
  for (const a of articles) {
    const text = normalizeText(a.text);
    if (text.length !== a.text.length) continue;
    for (const para of splitParagraphs(text, { detectTitle: false }).paragraphs) {
      if (text.slice(para.start, para.end) !== para.text || !hasText(para.text)) continue;
      const marker = listMarkerLength(para.text);
      const p = { index: para.index, start: para.start + marker, end: para.end, text: para.text.slice(marker) };
      const attributions = a.attributions
        .filter((at) => at.cue.length > 0 && at.cue.every((c) => c.start >= p.start && c.end <= p.end))
        .map((at) => ({ content: within(at.content, p.start, p.end), source: within(at.source, p.start, p.end), cue: within(at.cue, p.start, p.end) }));
      out.push({ articleId: a.id, index: p.index, offset: p.start, text: p.text, attributions });
    }
  }
  return out;
}
