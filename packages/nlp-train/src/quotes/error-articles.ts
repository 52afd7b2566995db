import type { CanonicalEntity, Paragraph, ResolvedQuote } from "@newsflow/contracts";
import { canonicalizeEntities, type ExtractOptions, extractQuotes, type GivenNames, normalizeText, type QuoteModel, resolveQuotes, splitParagraphs } from "@newsflow/nlp";
import { loadEntityTagger, loadGivenNames } from "@newsflow/nlp/node";
import { type GoldArticle, readPolnear } from "./polnear.js";
import { emptyCounts, type QuoteCounts, scoreArticle } from "./score-quotes.js";
import { type PlacedParagraph, toAttributions } from "./to-attributions.js";

/** One article as the error scripts read it: its paragraphs, their canonical entities and where they lie. */
export interface ErrorArticle {
  article: GoldArticle;
  text: string;
  paragraphs: Paragraph[];
  canonical: CanonicalEntity[];
  placed: PlacedParagraph[];
}

/**
 * The articles of a PolNeAR-format file (or already read) much as `eval quotes` prepares them
 * (normalised text, paragraphs without a title, the shipped tagger's canonical entities, though
 * not reconciled as the document step does), for the quote error scripts. Articles whose text
 * `normalizeText` changes in length are left out (their offsets would shift) and counted in
 * `skipped`.
 */
export function* errorArticles(data: string | readonly GoldArticle[], skipped: { count: number }): Generator<ErrorArticle> {
  const tagger = loadEntityTagger();
  for (const article of typeof data === "string" ? readPolnear(data) : data) {
    const text = normalizeText(article.text);
    if (text.length !== article.text.length) {
      skipped.count++;
      continue;
    }
    const { paragraphs } = splitParagraphs(text, { detectTitle: false });
    const canonical = canonicalizeEntities(paragraphs.map((p) => ({ index: p.index, text: p.text, entities: tagger.tag(p.text) })));
    const placed = paragraphs.map((p) => ({ index: p.index, toArticle: (i: number) => p.start + i }));
    yield { article, text, paragraphs, canonical, placed };
  }
}

let givenNames: GivenNames | undefined;

/**
 * An article's quotes as the quotes worker and the document step give them: each paragraph's
 * extracted with `options`, then resolved with the article's canonical entities and the shipped
 * given names (loaded once). `beforeParagraph` runs before each paragraph is extracted.
 */
export function articleQuotes(
  a: Pick<ErrorArticle, "paragraphs" | "canonical">,
  model: QuoteModel,
  options: ExtractOptions = {},
  beforeParagraph: (paragraph: Paragraph) => void = () => {},
): ResolvedQuote[] {
  givenNames ??= loadGivenNames();
  const quoted = a.paragraphs.map((p) => {
    beforeParagraph(p);
    return { index: p.index, text: p.text, quotes: extractQuotes(p.text, model, options) };
  });
  return resolveQuotes(quoted, a.canonical, { givenNames });
}

/**
 * The counts of `eval quotes` over prepared articles: each paragraph's quotes extracted with
 * `options`, resolved with the article's canonical entities, scored against its attributions.
 * `beforeParagraph` runs before each paragraph is extracted (for a gate that reads the gold side).
 */
export function scoreErrorArticles(
  model: QuoteModel,
  articles: Iterable<ErrorArticle>,
  options: ExtractOptions = {},
  beforeParagraph: (article: ErrorArticle, paragraph: Paragraph) => void = () => {},
): QuoteCounts {
  const counts = emptyCounts();
  for (const a of articles) {
    const resolved = articleQuotes(a, model, options, (p) => beforeParagraph(a, p));
    scoreArticle(a.article.text, a.article.attributions, toAttributions(resolved, a.placed), counts);
  }
  return counts;
}
