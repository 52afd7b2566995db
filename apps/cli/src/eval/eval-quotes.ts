import { readFileSync } from "node:fs";
import type { EntitiesResult, QuotesResult } from "@newsflow/contracts";
import { canonicalizeEntities, emptyCounts, extractQuotes, prf, resolveQuotes, type ScoredAttribution, scoreArticle, splitParagraphs } from "@newsflow/nlp";
import { loadEntityTagger } from "@newsflow/nlp/node";

interface GoldArticle {
  id: string;
  text: string;
  attributions: Array<{ content: ScoredAttribution["content"]; source: ScoredAttribution["source"]; cue: ScoredAttribution["cue"] }>;
}

/**
 * Score quote extraction on PolNeAR-format JSONL: each article goes through what the pipeline
 * runs (paragraphs, `extractQuotes` per paragraph, entity tagging, `canonicalizeEntities`,
 * `resolveQuotes`), results are mapped to article offsets and scored as the contract defines.
 * `paragraphsPerSecond` times extraction and resolution (not entity tagging) on one core.
 */
export async function evalQuotes(dataPath: string): Promise<object> {
  const articles = readFileSync(dataPath, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as GoldArticle);
  const tagger = loadEntityTagger();
  const counts = emptyCounts();
  let paragraphsSeen = 0;
  let quoteMs = 0;
  for (const [n, article] of articles.entries()) {
    const { paragraphs } = splitParagraphs(article.text, { detectTitle: false });
    const entities: EntitiesResult[] = paragraphs.map((p) => tagger.tag(p.text));
    const canonical = canonicalizeEntities(paragraphs.map((p, i) => ({ index: p.index, text: p.text, entities: entities[i]! })));
    const t0 = performance.now();
    const perParagraph: QuotesResult[] = paragraphs.map((p) => extractQuotes(p.text));
    const resolved = resolveQuotes(paragraphs.map((p, i) => ({ index: p.index, text: p.text, quotes: perParagraph[i]! })), canonical);
    quoteMs += performance.now() - t0;
    paragraphsSeen += paragraphs.length;
    const shift = (s: { start: number; end: number } | null, paragraphIndex: number) => {
      const base = paragraphs[paragraphIndex]!.start;
      return s ? [{ start: base + s.start, end: base + s.end }] : [];
    };
    const predicted = resolved.map((q) => ({ content: shift(q.content, q.paragraphIndex), source: shift(q.source, q.paragraphIndex), cue: shift(q.cue, q.paragraphIndex) }));
    scoreArticle(article.text, article.attributions, predicted, counts);
    if ((n + 1) % 20 === 0) process.stderr.write(`eval quotes: ${n + 1}/${articles.length} articles\n`);
  }
  const content = prf(counts.matched, counts.predicted, counts.matched, counts.gold);
  return {
    task: "quotes",
    articles: articles.length,
    gold: counts.gold,
    predicted: counts.predicted,
    content,
    contentExact: prf(counts.exact, counts.predicted, counts.exact, counts.gold),
    source: { accuracy: counts.sourceGold ? counts.sourceRight / counts.sourceGold : 0 },
    cue: { accuracy: counts.cueGold ? counts.cueRight / counts.cueGold : 0 },
    attribution: prf(counts.attributionRight, counts.predicted, counts.attributionRight, counts.gold),
    direct: prf(counts.directMatchedPredicted, counts.directPredicted, counts.directMatchedGold, counts.directGold),
    paragraphsPerSecond: Math.round(paragraphsSeen / (quoteMs / 1000)),
  };
}
