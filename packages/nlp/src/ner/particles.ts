/**
 * Name particles joined to a surname with a hyphen ("al-Baghdadi", "bin-Laden", "el-Sisi",
 * "bint-Talal"): one list for the tagger's reconciliation, the canonical names and the key phrases.
 */
const JOINED = "al|el|ad|an|ar|as|ash|at|az|bin|ibn|ben|bint|abu";
const HYPHEN = "[-\\u2010\\u2011]";

/** A joined particle opening a word, matched case-blind: "Al-" in "Al-Qaim", "al-" in "al-Abadi". */
export const JOINED_PARTICLE = new RegExp(`^(?:${JOINED})${HYPHEN}`, "i");

/** A particle that starts the second half of a name: joined ("al-Baghdadi") or a word of its own ("van", "de"). */
export const NAME_PARTICLE = new RegExp(`^(?:${JOINED}|van|von|de|da|di|du|le|la)(?:${HYPHEN}|$)`);

/** The start of a surname joined to its particle, the particle in lower case ("al-B" of "al-Baghdadi", not "Al-Qaim"), as a pattern source (unicode flag). */
export const PARTICLE_SURNAME_SOURCE = `(?:${JOINED})${HYPHEN}\\p{Lu}`;

/** A word that starts with a surname joined to its particle: "al-Baghdadi". */
export const PARTICLE_SURNAME = new RegExp(`^${PARTICLE_SURNAME_SOURCE}`, "u");
