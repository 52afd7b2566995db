import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { deserializeModel, type NerModel } from "../ner/model-format.js";

/** The model shipped with the package (models/ner.bin.gz), found from src/ or dist/ alike. */
export const SHIPPED_NER_MODEL = new URL("../../models/ner.bin.gz", import.meta.url);

/** Reads a gzipped NER model file from disk. */
export function loadNerModel(path: string | URL = SHIPPED_NER_MODEL): NerModel {
  return deserializeModel(gunzipSync(readFileSync(path)));
}
