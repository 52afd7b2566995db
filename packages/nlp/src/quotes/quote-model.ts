import { type ChainModel, type ChainModelJson, chainFromJson } from "./chain-model.js";

/** The artefact format of the quote model (`models/quotes-model.json.gz`). */
export const QUOTE_MODEL_FORMAT = "newsflow-quote-model";
export const QUOTE_MODEL_VERSION = 2;

/** Labels of the cue tagger: a cue's first token, its other tokens, other words. */
export const CUE_LABEL = { O: 0, BEGIN: 1, INSIDE: 2 } as const;
/** Labels of the content/source labeller, per cue. */
export const ROLE_LABEL = { O: 0, SOURCE: 1, CONTENT: 2 } as const;

/** Per word, the share of its occurrences in the training texts that are (part of) an annotated cue. */
export type CueLexicon = ReadonlyMap<string, number>;

/** A cue share as a bucket 0-10 (0: never a cue, or unseen). */
export const shareBucket = (share: number | undefined): number => (share === undefined ? 0 : 1 + Math.min(9, Math.floor(share * 10)));

/**
 * What the model knows of each word in one look-up: clusters (`c1 | c2 << 11`) and the cue-share
 * bucket (`<< 22`), the form `quoteTokens` takes.
 */
export function wordKnowledge(lexicon: CueLexicon, clusters: ReadonlyMap<string, number>): Map<string, number> {
  const words = new Map<string, number>();
  for (const [w, c] of clusters) words.set(w, c & 0x3fffff);
  for (const [w, share] of lexicon) words.set(w, ((words.get(w) ?? 0) | (shareBucket(share) << 22)) >>> 0);
  return words;
}

/** The quote model as `extractQuotes` uses it: a cue tagger, a per-cue labeller and the cue lexicon. */
export interface QuoteModel {
  cue: ChainModel;
  role: ChainModel;
  lexicon: CueLexicon;
  /** Clusters and cue-share bucket per word (`wordKnowledge`). */
  words: ReadonlyMap<string, number>;
  /** The words after which a training cue ends in "to" ("according to", "pointed to"; `QuoteModelJson.endsWithTo`). */
  endsWithTo: ReadonlySet<string>;
  /** Participles whose passive cues have no source before them (`QuoteModelJson.agentlessPassives`). */
  agentlessPassives: ReadonlySet<string>;
}

/** The JSON artefact of a quote model. */
export interface QuoteModelJson {
  format: typeof QUOTE_MODEL_FORMAT;
  version: typeof QUOTE_MODEL_VERSION;
  meta: Record<string, unknown>;
  /** [word, share of its occurrences in the training texts that are (part of) a cue]. */
  lexicon: Array<[string, number]>;
  /** [word, clusters `c1 | c2 << 11`] (the entity tagger's clusterings of unlabeled news text). */
  clusters: Array<[string, number]>;
  /**
   * The words that stand before the final "to" of a training cue ("according", "referring",
   * "pointed"), in word order. A cue the tagger ends in "to" after another word ("has continued
   * to") is missing its verb: no training cue ends in "continued to".
   */
  endsWithTo: string[];
  /**
   * Participles whose passive training cues ("was accused of", `passiveCueParticiple`) come twice or
   * more and have a source before them at most one time in ten: their subject is what was said
   * about ("Mr. Quiros"), not a speaker, unlike "is worried about". Absent from older files.
   */
  agentlessPassives?: string[];
  cue: ChainModelJson;
  role: ChainModelJson;
}

/** The runtime model from its JSON artefact (already checked for format and version). */
export function quoteModelFromJson(json: QuoteModelJson): QuoteModel {
  return {
    cue: chainFromJson(json.cue),
    role: chainFromJson(json.role),
    lexicon: new Map(json.lexicon),
    words: wordKnowledge(new Map(json.lexicon), new Map(json.clusters)),
    endsWithTo: new Set(json.endsWithTo),
    agentlessPassives: new Set(json.agentlessPassives ?? []),
  };
}
