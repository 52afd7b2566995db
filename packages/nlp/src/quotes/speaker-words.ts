/** Sources that need resolving in the document step. */
export const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you"]);
export const ROLE_NOUNS = new Set([
  "spokesman", "spokeswoman", "spokesperson", "official", "officials", "minister", "president", "senator", "governor",
  "mayor", "chairman", "chief", "director", "leader", "police", "authorities", "analysts", "experts", "lawyer", "aide",
  "aides", "campaign", "company", "statement", "report", "source", "sources", "administration", "agency", "ministry",
]);

const AUXILIARIES = new Set(["has", "have", "had", "will", "would", "could", "might", "may", "must", "should", "can"]);
const BE = new Set(["was", "were", "is", "are", "been", "be", "being"]);
const ADVERBS = new Set(["not", "also", "once", "never", "often", "sometimes", "already", "always", "still", "even", "long"]);
/** Past participles not in -ed that reporting verbs have ("is thought", "was told"). */
const IRREGULAR = new Set(["thought", "told", "known", "seen", "said", "given", "taken", "shown", "held", "found", "heard", "understood", "written"]);
const isAdverb = (w: string) => ADVERBS.has(w) || /^\p{L}+ly$/u.test(w);

/**
 * The participle of a passive cue ("was accused of", "has been harshly criticized for", "is not
 * thought": an auxiliary, forms of "be" and adverbs as they come, then a word in -ed or a common
 * irregular participle), lower-cased, or null. Pass the words the cue follows too
 * (`withAuxiliaries`): the tagger often leaves "was" out of "Ora was nominated". A passive
 * reporting verb's subject is what was said about, not who said it: PolNeAR gives "Mr. Quiros was
 * accused of using $50 million ..." no source.
 */
export function passiveParticiple(words: readonly string[]): string | null {
  const w = words.map((x) => x.toLowerCase());
  let i = 0;
  const skipAdverbs = () => {
    while (i < w.length && isAdverb(w[i]!)) i++;
  };
  if (AUXILIARIES.has(w[i] ?? "")) i++;
  skipAdverbs();
  if (!BE.has(w[i] ?? "")) return null;
  i++;
  skipAdverbs();
  if (BE.has(w[i] ?? "")) i++;
  skipAdverbs();
  const p = w[i] ?? "";
  return /^\p{L}+ed$/u.test(p) || IRREGULAR.has(p) ? p : null;
}

/**
 * The cue's words with the auxiliaries, forms of "be" and adverbs right before it (at most four),
 * for `passiveParticiple`.
 */
export function withAuxiliaries(before: readonly string[], cue: readonly string[]): string[] {
  let k = before.length;
  while (k > 0 && before.length - k < 4) {
    const w = before[k - 1]!.toLowerCase();
    if (!(AUXILIARIES.has(w) || BE.has(w) || isAdverb(w))) break;
    k--;
  }
  return [...before.slice(k), ...cue];
}

/** `passiveParticiple` of the cue `words[first..last]` with the auxiliaries before it. */
export function passiveCueParticiple(words: readonly string[], first: number, last: number): string | null {
  return passiveParticiple(withAuxiliaries(words.slice(Math.max(0, first - 4), first), words.slice(first, last + 1)));
}

/** Forms of "be", "become", "seem" and "appear" that link an expletive "it" to an adjective, with the clitic "'s". */
const LINKS = new Set([...BE, "'s", "’s", "become", "becomes", "became", "seem", "seems", "seemed", "appear", "appears", "appeared"]);
/** Verbs that take an expletive "it" with nothing after them: "It seems ...", "it appeared ...". */
const SEEM = new Set(["seem", "seems", "seemed", "appear", "appears", "appeared"]);
/** Adjectives of an expletive "it" ("It's not clear whether ...", "it is hard to see ..."). */
const EXPLETIVE_ADJECTIVES = new Set([
  "clear", "unclear", "hard", "easy", "difficult", "obvious", "likely", "unlikely", "possible", "impossible", "apparent", "evident",
  "true", "doubtful", "certain", "uncertain", "surprising", "conceivable", "plausible", "understandable", "ironic", "notable",
]);

/**
 * Whether the words after an "it" make it an expletive: auxiliaries, linking verbs and adverbs
 * as they come, then an adjective such as "clear" or "hard", or a form of "seem" or "appear"
 * ("'s not clear", "is hard to see", "seems increasingly likely", "appeared"). Such an "it" is no
 * speaker: of PolNeAR's training attributions whose cue an "it" so opens, 54 have no source, 1
 * has "it" ("it is unlikely to tell", a poll), and 3 another source.
 */
export function expletiveAfterIt(words: readonly string[]): boolean {
  for (const raw of words) {
    const w = raw.toLowerCase();
    if (SEEM.has(w) || EXPLETIVE_ADJECTIVES.has(w)) return true;
    if (!(AUXILIARIES.has(w) || LINKS.has(w) || isAdverb(w) || w === "n't" || w === "n’t")) return false;
  }
  return false;
}

/** Verbs whose subject receives what a nominal cue after them names ("faced criticism", "drew support", "came under fire"). */
const RECEIVING = new Set([
  "face", "faces", "faced", "facing", "field", "fields", "fielded", "fielding", "draw", "draws", "drew", "drawn", "drawing",
  "receive", "receives", "received", "receiving", "attract", "attracts", "attracted", "attracting", "under",
]);
/** Nouns of a nominal cue that names what others said of someone ("criticism", "questions about", "calls for"). */
const SAID_OF = new Set([
  "criticism", "complaints", "questions", "accusations", "attacks", "calls", "pressure", "scrutiny", "fire", "backlash",
  "condemnation", "opposition", "ridicule", "rebuke", "charges", "allegations", "protests", "support", "praise",
]);

/**
 * Whether the words from a source's end to its cue's end hold a receiving verb and, after it, a
 * noun of what others said ("Trump has faced | criticism", "He | has fielded sharp criticism on",
 * "Clinton | came under heavy criticism"): the subject received it, and is no speaker. Of PolNeAR's
 * 29 training attributions so written, none has the subject for source: 12 have none, 17 the
 * critics or supporters ("criticism from many environmentalists").
 */
export function receivedBySubject(words: readonly string[]): boolean {
  let received = false;
  for (const raw of words) {
    const w = raw.toLowerCase();
    if (RECEIVING.has(w)) received = true;
    else if (received && SAID_OF.has(w)) return true;
  }
  return false;
}

/**
 * Whether a cue opens with a raising verb ("Trump seemed to appreciate ...", "Enthusiasm for
 * Clinton appears to have plummeted"): its subject is part of what is reported, not a speaker
 * (PolNeAR's training cues that open so have no source 159 times in 196).
 */
export const raisingCue = (cue: string): boolean => /^(?:seem|seems|seemed|appear|appears|appeared)\b/i.test(cue);
