import { deserializeAliasGroups, deserializeLexicon, deserializeModel, type NerModel } from "../ner/model-format.js";
import { readArtefact } from "./artefacts.js";

/** The file name of the shipped NER model under models/. */
export const SHIPPED_NER_MODEL = "ner.bin.gz";

/** Reads a gzipped NER model: the shipped one, or the file at an absolute path. */
export function loadNerModel(file: string = SHIPPED_NER_MODEL): NerModel {
  return deserializeModel(readArtefact(file));
}

/** The NER model's alias groups alone (for the document step's reconcileEntities), without building its tables. */
export function loadEntityAliases(file: string = SHIPPED_NER_MODEL): string[][] {
  return deserializeAliasGroups(readArtefact(file));
}

/** The NER model's word lexicon with its words (lower-cased word -> packed clusters), for training tools. */
export function loadNerLexicon(file: string = SHIPPED_NER_MODEL): Map<string, number> {
  return deserializeLexicon(readArtefact(file));
}
