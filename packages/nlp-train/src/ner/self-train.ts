import { normalizeText, splitParagraphs } from "@newsflow/nlp";
import { createEntityTagger, ENTITY_TYPES, GAZ_SOURCES, type NerModel, reconcileEntities, tokenize } from "@newsflow/nlp/train";
import type { ListedName } from "./gazetteer-sources.js";

/** Thresholds for keeping a name the tagger found in unlabeled text. */
export interface AutoNameOptions {
  /** Mentions of the name across the texts (default 3). */
  minCount?: number;
  /** Share of them with the name's majority type (default 0.8). */
  minShare?: number;
  /** Mean confidence of those mentions (default 0.75). */
  minConfidence?: number;
}

/**
 * Self-training for the gazetteer: tags unlabeled articles the way production does (paragraph by
 * paragraph, then reconciled per article) and lists the names found often, typed consistently and
 * confidently, as sources autoPER..autoMISC. Names of this decade that no list has (a group, a
 * town in the news) become features for the next model, which still weighs them like any list.
 */
export function findAutoNames(model: NerModel, articles: readonly string[], options: AutoNameOptions = {}): ListedName[] {
  const tagger = createEntityTagger(model, { values: false });
  const stats = new Map<string, { votes: number[]; confidence: number }>();
  for (const article of articles) {
    const { paragraphs } = splitParagraphs(normalizeText(article));
    const tagged = paragraphs.map((p) => ({ text: p.text, mentions: tagger.tag(p.text).mentions }));
    for (const mentions of reconcileEntities(tagged)) {
      for (const m of mentions) {
        const t = ENTITY_TYPES.indexOf(m.type as (typeof ENTITY_TYPES)[number]);
        if (t < 0) continue;
        let s = stats.get(m.text);
        if (s === undefined) {
          s = { votes: [0, 0, 0, 0], confidence: 0 };
          stats.set(m.text, s);
        }
        s.votes[t]!++;
        s.confidence += m.confidence;
      }
    }
  }
  const minCount = options.minCount ?? 3;
  const minShare = options.minShare ?? 0.8;
  const minConfidence = options.minConfidence ?? 0.75;
  const out: ListedName[] = [];
  for (const [name, s] of [...stats].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const count = s.votes.reduce((a, b) => a + b, 0);
    const best = s.votes.indexOf(Math.max(...s.votes));
    if (count < minCount || s.votes[best]! / count < minShare || s.confidence / count < minConfidence) continue;
    const tokens = tokenize(name).map((t) => t.text);
    if (tokens.length > 6) continue;
    out.push({ tokens, source: GAZ_SOURCES.indexOf(`auto${ENTITY_TYPES[best]!}` as (typeof GAZ_SOURCES)[number]) });
  }
  return out;
}
