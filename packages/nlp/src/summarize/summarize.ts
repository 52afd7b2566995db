import { type DocumentSummary, type DocumentSummarySentence, type EntitiesResult, EntityType, type ParagraphSummary, type ScoredSentence, type SummaryBudget } from "@newsflow/contracts";
import { PARTICLE_SURNAME_SOURCE } from "../ner/particles.js";
import { type SentenceSpan, splitSentences } from "../text/sentences.js";
import { listMarkerLength } from "../text/split-paragraphs.js";
import { contentWords, documentFeatures, isStopWord, type RankSentence, score } from "./features.js";
import type { SummaryWeights } from "./weights.js";

/** A paragraph with its summary, as the document step receives it. */
export interface ParagraphForSummary {
  index: number;
  text: string;
  summary: ParagraphSummary;
  /** The entities worker's result for the paragraph, when there is one. */
  entities?: EntitiesResult;
}

const CAPITALISED = /(?<![.!?]\s|^)\b\p{Lu}[\p{L}'-]+/gu;
const NAMED = new Set<string>(EntityType.options);

/**
 * Shorten a sentence where that keeps its meaning: drop parentheticals, a trailing attribution
 * (", he said.", ", according to X."), and an apposition set off by commas after a name.
 */
export function shortenSentence(text: string): string {
  let s = text.replace(/\s*\([^()]{1,80}\)/g, "");
  s = s.replace(/,\s*(?:[^,]{1,40}?\s+(?:said|says|added|told [\w ]{1,30}|announced|reported)|(?:said|says|added)\s+[A-Z][\w'-]+(?:\s+[\w'-]+){0,5}|according to [^,.]{1,60})\s*([.!?]["\u201D]?)$/u, "$1");
  s = s.replace(/^(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,3}),\s+(?:a|an|the)\s+[^,]{3,60},\s+/u, "$1 ");
  return s.trim();
}

/**
 * A capitalised word of a name: letters and digits, with apostrophes and hyphens only inside it
 * ("A-10", "KC-10", "O'Neill", "Thunderbolt-2"), never at its end ("US Air Force A-" was a key
 * phrase), or a surname joined to its particle ("al-Abadi", "bin-Laden").
 */
const NAME_WORD = String.raw`(?:\p{Lu}(?:[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|(?:['’-][\p{L}\p{N}]+)+)|${PARTICLE_SURNAME_SOURCE}[\p{L}\p{N}]*)`;
const NAMES = new RegExp(`${NAME_WORD}(?:\\s+${NAME_WORD})+`, "gu");
/** Words that open a sentence capitalised without being part of the name after them ("When ISIS", "On Friday"). */
const LEADS = new Set(["when", "while", "although", "though", "because", "since", "during", "meanwhile", "however", "yesterday", "today"]);

/** A run of capitalised words without the function words that open it ("When", "The"; not "US"), if two words or more are left. */
function nameOf(run: string): string | null {
  const words = run.split(/\s+/);
  let k = 0;
  const lead = (w: string) => (w.length === 1 || w !== w.toUpperCase()) && (isStopWord(w.toLowerCase()) || LEADS.has(w.toLowerCase()));
  while (k < words.length && lead(words[k]!)) k++;
  return words.length - k >= 2 ? words.slice(k).join(" ") : null;
}

/** Key phrases: the paragraph's most frequent content words and capitalised names. */
function keyPhrases(text: string): string[] {
  const names = [...new Set((text.match(NAMES) ?? []).flatMap((run) => nameOf(run) ?? []))];
  const counts = new Map<string, number>();
  for (const w of contentWords(text)) if (w.length > 3) counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  return [...names, ...words].slice(0, 5);
}

/**
 * Summarise one paragraph: every sentence with offsets and a salience score (content-word
 * density, earlier sentences first), the best sentence as its summary, a shortened form and
 * key phrases. The document step ranks from these sentences without re-splitting the text.
 */
export function summarizeParagraph(text: string): ParagraphSummary {
  const spans = withoutListMarker(text, splitSentences(text));
  const sentences: ScoredSentence[] = spans.map((s, i) => {
    const words = s.text.split(/\s+/).length;
    const content = contentWords(s.text).length;
    return { ...s, score: (content / Math.sqrt(Math.max(words, 1))) * (1 / (1 + 0.2 * i)) };
  });
  const best = sentences.reduce<ScoredSentence | undefined>((b, s) => (!b || s.score > b.score ? s : b), undefined);
  return { sentences, summary: best ? [best] : [], short: best ? shortenSentence(best.text) : "", keyPhrases: keyPhrases(text) };
}

/** The sentences with a paragraph's opening list marker (`listMarkerLength`) left out of the first: a summary quotes no bullet. */
function withoutListMarker(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  const bullet = listMarkerLength(text);
  const first = spans[0];
  if (bullet === 0 || !first || first.start !== 0 || first.end <= bullet) return spans;
  return [{ start: bullet, end: first.end, text: text.slice(bullet, first.end) }, ...spans.slice(1)];
}

/** A sentence of a document as the ranker sees it, with its offsets into its paragraph. */
export type DocumentSentence = RankSentence & { start: number; end: number };

/**
 * The sentences of a document in order, with what the ranker needs. Entities are the entities
 * worker's named mentions (PER, ORG, LOC, MISC; not dates or amounts) inside the sentence; for a
 * paragraph whose entities task left no result, the capitalised words not opening a sentence.
 */
function documentSentences(paragraphs: ParagraphForSummary[]): DocumentSentence[] {
  const out: DocumentSentence[] = [];
  for (const p of paragraphs) {
    p.summary.sentences.forEach((s, inParagraph) => {
      const entities = p.entities
        ? p.entities.mentions.filter((m) => m.start >= s.start && m.end <= s.end && NAMED.has(m.type)).length
        : (s.text.match(CAPITALISED) ?? []).length;
      out.push({ text: s.text, start: s.start, end: s.end, paragraphIndex: p.index, inParagraph, entities });
    });
  }
  return out;
}

/**
 * The document's sentences in order with their feature vectors (`FEATURE_NAMES`), exactly as
 * `summarizeDocument` scores them: the trainer learns its weights from these.
 */
export function summaryFeatures(title: string | null, paragraphs: ParagraphForSummary[]): { sentences: DocumentSentence[]; features: number[][] } {
  const sentences = documentSentences([...paragraphs].sort((a, b) => a.index - b.index));
  return { sentences, features: documentFeatures(title, sentences) };
}

/**
 * Summarise a document from its paragraph summaries: sentences scored by the learned model
 * (position, length, title overlap, centrality, entity and number density), picked greedily
 * with MMR redundancy control up to the budget (sentences, default 3, or words), returned in
 * document order.
 *
 * @example summarizeDocument(title, paragraphs, loadSummaryWeights(), { sentences: 3 })
 */
export function summarizeDocument(title: string | null, paragraphs: ParagraphForSummary[], weights: SummaryWeights, budget: SummaryBudget = {}): DocumentSummary {
  const { sentences, features } = summaryFeatures(title, paragraphs);
  const scores = features.map((x) => score(weights.weights, x));
  const bags = sentences.map((s) => new Set(contentWords(s.text)));
  const maxSentences = budget.sentences ?? (budget.words ? Number.POSITIVE_INFINITY : 3);
  const chosen: number[] = [];
  let words = 0;
  const remaining = new Set(scores.keys());
  while (chosen.length < maxSentences && remaining.size > 0) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const i of remaining) {
      let redundancy = 0;
      for (const j of chosen) redundancy = Math.max(redundancy, jaccard(bags[i]!, bags[j]!));
      const value = scores[i]! - 0.5 * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    remaining.delete(best);
    const w = sentences[best]!.text.split(/\s+/).length;
    if (budget.words && words + w > budget.words && chosen.length > 0) break;
    chosen.push(best);
    words += w;
  }
  const picked: DocumentSummarySentence[] = chosen
    .sort((a, b) => a - b)
    .map((i) => ({ paragraphIndex: sentences[i]!.paragraphIndex, start: sentences[i]!.start, end: sentences[i]!.end, text: sentences[i]!.text, score: scores[i]! }));
  return { sentences: picked, text: picked.map((s) => s.text).join(" ") };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}
