import { type ChainModel, type ChainModelJson, chainFromJson } from "./chain-model.js";
import type { CueLexicon } from "./quote-features.js";

/** The artefact format of the quote model (`models/quotes-model.json.gz`). */
export const QUOTE_MODEL_FORMAT = "newsflow-quote-model";
export const QUOTE_MODEL_VERSION = 1;

/** Labels of the cue tagger: a cue's first token, its other tokens, other words. */
export const CUE_LABEL = { O: 0, BEGIN: 1, INSIDE: 2 } as const;
/** Labels of the content/source labeller, per cue. */
export const ROLE_LABEL = { O: 0, SOURCE: 1, CONTENT: 2 } as const;

/** The quote model as `extractQuotes` uses it: a cue tagger, a per-cue labeller and the cue lexicon. */
export interface QuoteModel {
  cue: ChainModel;
  role: ChainModel;
  lexicon: CueLexicon;
}

/** The JSON artefact of a quote model. */
export interface QuoteModelJson {
  format: typeof QUOTE_MODEL_FORMAT;
  version: typeof QUOTE_MODEL_VERSION;
  meta: Record<string, unknown>;
  /** [word, share of its occurrences in the training texts that are (part of) a cue]. */
  lexicon: Array<[string, number]>;
  cue: ChainModelJson;
  role: ChainModelJson;
}

/** The runtime model from its JSON artefact (already checked for format and version). */
export function quoteModelFromJson(json: QuoteModelJson): QuoteModel {
  return { cue: chainFromJson(json.cue), role: chainFromJson(json.role), lexicon: new Map(json.lexicon) };
}
