import { logistic } from "../logistic.js";

const STOP = new Set(
  "a an the of to in and or for on at by with from as is was were are be been being it its that this these those he she they we i you his her their our my your them him us not no but if so than then there here has have had do does did will would can could should may might also after before over into about up out more most said says just".split(" "),
);

/** Whether a lower-cased word is a function word (`contentWords` leaves it out). */
export const isStopWord = (word: string): boolean => STOP.has(word);

/** Content words of a text, lower case (letters/digits runs, stop words dropped). */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !STOP.has(w));
}

/** Names of the sentence features, in the order of the weight vector. */
export const FEATURE_NAMES = [
  "bias",
  "firstInDocument",
  "relativePosition",
  "inversePosition",
  "firstInParagraph",
  "paragraphPosition",
  "logWords",
  "shortSentence",
  "titleOverlap",
  "centrality",
  "entityDensity",
  "numberDensity",
  "hasQuote",
  "startsWithQuote",
] as const;

/** One sentence of a document, as the ranker sees it. */
export interface RankSentence {
  text: string;
  paragraphIndex: number;
  /** Index of the sentence within its paragraph. */
  inParagraph: number;
  /** Capitalised or tagged entity mentions in the sentence. */
  entities: number;
}

/**
 * Feature vectors of a document's sentences: position (in the document and the paragraph),
 * length, overlap with the title, centrality (mean cosine similarity to the other sentences
 * over content-word counts, LexRank's degree in one pass), entity and number density, quotes.
 */
export function documentFeatures(title: string | null, sentences: RankSentence[]): number[][] {
  const bags = sentences.map((s) => {
    const m = new Map<string, number>();
    for (const w of contentWords(s.text)) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  });
  const norms = bags.map((b) => Math.sqrt([...b.values()].reduce((n, v) => n + v * v, 0)) || 1);
  // Document term frequencies: centrality as similarity to the document centroid, O(n) not O(n^2).
  const centroid = new Map<string, number>();
  for (const b of bags) for (const [w, v] of b) centroid.set(w, (centroid.get(w) ?? 0) + v);
  let centroidNorm = 0;
  for (const v of centroid.values()) centroidNorm += v * v;
  centroidNorm = Math.sqrt(centroidNorm);
  const titleWords = new Set(contentWords(title ?? ""));
  const n = sentences.length;
  return sentences.map((s, i) => {
    const bag = bags[i]!;
    let dot = 0;
    for (const [w, v] of bag) dot += v * ((centroid.get(w) ?? 0) - v);
    const words = s.text.split(/\s+/).length;
    const content = [...bag.keys()];
    const titleHits = content.filter((w) => titleWords.has(w)).length;
    const numbers = (s.text.match(/\d+/g) ?? []).length;
    return [
      1,
      i === 0 ? 1 : 0,
      n > 1 ? i / (n - 1) : 0,
      1 / (i + 1),
      s.inParagraph === 0 ? 1 : 0,
      Math.min(s.paragraphIndex, 20) / 20,
      Math.log(1 + words) / 4,
      words < 8 ? 1 : 0,
      titleWords.size ? titleHits / titleWords.size : 0,
      dot / (norms[i]! * centroidNorm || 1),
      words ? Math.min(1, s.entities / words) * 4 : 0,
      words ? Math.min(1, numbers / words) * 4 : 0,
      /["\u201C\u201D]/.test(s.text) ? 1 : 0,
      /^["\u201C]/.test(s.text) ? 1 : 0,
    ];
  });
}

/** Logistic score of a feature vector. */
export function score(weights: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (weights[i] ?? 0) * x[i]!;
  return logistic(z);
}
