import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file in src/ or dist/ alike. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The shared training and development data: `../shared/data` beside the repository. */
export const SHARED_DATA = join(REPO_ROOT, "..", "shared", "data");

/**
 * The path of a file or folder of the shared data, e.g.
 * `sharedDataPath("ner", "conll2003", "train.txt")`. The one place that spells where the data is.
 */
export function sharedDataPath(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}

/** Like `sharedDataPath`, but throws one readable line when the file is missing. */
export function requireSharedData(...parts: string[]): string {
  const path = sharedDataPath(...parts);
  if (!existsSync(path)) throw new Error(`no such file: ${path} (the shared data is read from ../shared/data beside the repository)`);
  return path;
}
