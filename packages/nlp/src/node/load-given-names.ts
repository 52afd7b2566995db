import { GIVEN_NAMES_FORMAT, GIVEN_NAMES_VERSION, type GivenNames, type GivenNamesJson, givenNamesFromJson } from "../quotes/given-names.js";
import { readJsonArtefact } from "./artefacts.js";

/** The file name of the shipped given-name lists under models/. */
export const SHIPPED_GIVEN_NAMES = "given-names.json.gz";

/** Reads the given names the document step tells "she" from "he" by: the shipped file, or the file at an absolute path. Call once per process. */
export function loadGivenNames(file: string = SHIPPED_GIVEN_NAMES): GivenNames {
  return givenNamesFromJson(readJsonArtefact<GivenNamesJson>(file, GIVEN_NAMES_FORMAT, GIVEN_NAMES_VERSION));
}
