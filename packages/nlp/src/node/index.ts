import { createCapitalisedSpanTagger, type EntityTagger } from "../index.js";

/**
 * Node-only entry (`@newsflow/nlp/node`): loads the shipped model files from disk. Call once per
 * process; the returned tagger is reused for every paragraph.
 */
export function loadEntityTagger(): EntityTagger {
  return createCapitalisedSpanTagger();
}
