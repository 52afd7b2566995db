import { QUOTE_MODEL_FORMAT, QUOTE_MODEL_VERSION, type QuoteModel, type QuoteModelJson, quoteModelFromJson } from "../quotes/quote-model.js";
import { readJsonArtefact } from "./artefacts.js";

/** The file name of the shipped quote model under models/. */
export const SHIPPED_QUOTE_MODEL = "quotes-model.json.gz";

/** Reads the quote model: the shipped one, or the file at an absolute path. Call once per process. */
export function loadQuoteModel(file: string = SHIPPED_QUOTE_MODEL): QuoteModel {
  return quoteModelFromJson(readJsonArtefact<QuoteModelJson>(file, QUOTE_MODEL_FORMAT, QUOTE_MODEL_VERSION));
}
