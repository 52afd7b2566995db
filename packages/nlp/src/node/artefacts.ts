import { readFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import { gunzipSync } from "node:zlib";

/** The folder of the shipped learned artefacts (packages/nlp/models), found from src/ or dist/ alike. */
export const MODELS_DIR = new URL("../../models/", import.meta.url);

/**
 * The bytes of a learned artefact: `models/<file>`, or the file at an absolute path (a model
 * being trained or evaluated), gunzipped when the name ends in `.gz`. Every learned artefact is
 * read here and nowhere else; its own format checks its version.
 */
export function readArtefact(file: string): Buffer {
  const bytes = readFileSync(isAbsolute(file) ? file : new URL(file, MODELS_DIR));
  return file.endsWith(".gz") ? gunzipSync(bytes) : bytes;
}

/** The header every JSON artefact starts with. */
export interface ArtefactHeader {
  format: string;
  version: number;
}

/**
 * A JSON artefact, checked against the format and version the code reads.
 * @example readJsonArtefact<SummaryWeights>("summary-weights.json", "newsflow-summary-weights", 1)
 */
export function readJsonArtefact<T extends ArtefactHeader>(file: string, format: string, version: number): T {
  const value = JSON.parse(readArtefact(file).toString("utf8")) as Partial<ArtefactHeader>;
  if (value.format !== format || value.version !== version) {
    throw new Error(`${file} is ${value.format ?? "unknown"} v${value.version ?? "?"}, expected ${format} v${version}: retrain it with the nlp-train scripts`);
  }
  return value as T;
}
