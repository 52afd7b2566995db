import { deserializeDocumentModel, deserializeLexicon, deserializeModel, type NerModel } from "../ner/model-format.js";
import type { ReconcileOptions } from "../ner/reconcile.js";
import { readArtefact } from "./artefacts.js";

/** The file name of the shipped NER model under models/. */
export const SHIPPED_NER_MODEL = "ner.bin.gz";

/** Reads a gzipped NER model: the shipped one, or the file at an absolute path. */
export function loadNerModel(file: string = SHIPPED_NER_MODEL): NerModel {
  return deserializeModel(readArtefact(file));
}

/**
 * What the document step's reconcileEntities takes from the NER model: its alias groups and its
 * context typer with the word lexicon and name lists the typer reads, without the tagger's weight
 * table.
 */
export function loadEntityDocumentModel(file: string = SHIPPED_NER_MODEL): Required<Pick<ReconcileOptions, "aliases" | "context">> {
  const { aliasGroups, context } = deserializeDocumentModel(readArtefact(file));
  return { aliases: aliasGroups, context };
}

/** The NER model's word lexicon with its words (lower-cased word -> packed clusters), for training tools. */
export function loadNerLexicon(file: string = SHIPPED_NER_MODEL): Map<string, number> {
  return deserializeLexicon(readArtefact(file));
}
