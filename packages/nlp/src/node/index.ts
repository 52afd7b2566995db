import { createEntityTagger, type EntityTagger } from "../ner/tag-entities.js";
import { loadNerModel } from "./load-ner-model.js";

export { type ArtefactHeader, MODELS_DIR, readArtefact, readJsonArtefact } from "./artefacts.js";
export { loadGivenNames, SHIPPED_GIVEN_NAMES } from "./load-given-names.js";
export { loadEntityDocumentModel, loadNerLexicon, loadNerModel, SHIPPED_NER_MODEL } from "./load-ner-model.js";
export { loadQuoteModel, SHIPPED_QUOTE_MODEL } from "./load-quote-model.js";
export { loadSummaryWeights, SHIPPED_SUMMARY_WEIGHTS } from "./load-summary-weights.js";

/**
 * Node-only entry (`@newsflow/nlp/node`): loads the shipped model files from disk. Call once per
 * process; the returned tagger is reused for every paragraph.
 */
export function loadEntityTagger(): EntityTagger {
  return createEntityTagger(loadNerModel());
}
