/** Sources that need resolving in the document step. */
export const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you"]);
export const ROLE_NOUNS = new Set([
  "spokesman", "spokeswoman", "spokesperson", "official", "officials", "minister", "president", "senator", "governor",
  "mayor", "chairman", "chief", "director", "leader", "police", "authorities", "analysts", "experts", "lawyer", "aide",
  "aides", "campaign", "company", "statement", "report", "source", "sources", "administration", "agency", "ministry",
]);

const AUXILIARIES = new Set(["has", "have", "had", "will", "would", "could", "might", "may", "must", "should", "can"]);
const BE = new Set(["was", "were", "is", "are", "been", "be", "being"]);

/**
 * The participle of a passive cue ("was accused of", "has been harshly criticized for", "is
 * expected": an auxiliary, "not", a form of "be" and an -ly adverb as they come, then a word in
 * -ed), lower-cased, or null. A passive reporting verb's subject is what was said about, not who
 * said it: PolNeAR gives "Mr. Quiros was accused of using $50 million ..." no source.
 */
export function passiveParticiple(words: readonly string[]): string | null {
  let i = 0;
  if (AUXILIARIES.has(words[i]?.toLowerCase() ?? "")) i++;
  if (words[i]?.toLowerCase() === "not") i++;
  if (!BE.has(words[i]?.toLowerCase() ?? "")) return null;
  i++;
  if (BE.has(words[i]?.toLowerCase() ?? "")) i++;
  if (words[i]?.toLowerCase() === "not") i++;
  if (/^\p{L}+ly$/u.test(words[i] ?? "")) i++;
  const w = words[i]?.toLowerCase() ?? "";
  return /^\p{L}+ed$/u.test(w) ? w : null;
}
