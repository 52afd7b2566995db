import { LEARNED_CUES } from "./cue-lexicon.js";
import { CUE_VERBS } from "./cues.js";

// The curated verbs plus the cue lexicon learned from PolNeAR's training articles, longest first
// so that "said in a statement" wins over "said".
const CUES = [...new Set([...CUE_VERBS, ...LEARNED_CUES.map(([cue]) => cue)])].sort((a, b) => b.length - a.length);
/** The cue phrases as one regular-expression alternation (apostrophes either way, any spacing). */
export const CUE_SOURCE = CUES.map((v) => v.replace(/'/g, "['’]").replace(/ /g, "\\s+")).join("|");
const AUX = "(?:is|are|was|were|been|has|have|had|also|later|previously|then|once|will|would|repeatedly|recently|now|again|publicly|privately|even|already|often|first)";
/** A cue, optionally with up to three auxiliaries or adverbs before it ("has said", "also said"). */
export const CUE_RE = new RegExp(`\\b(?:${AUX}\\s+){0,3}(?:${CUE_SOURCE})\\b`, "gi");

const SHARE = new Map<string, number>(LEARNED_CUES.map(([cue, , share]) => [cue, share]));

/** How often a cue phrase is an annotated cue in the training articles (0.5 for curated verbs not seen there). */
export function cueShare(cue: string): number {
  const key = cue.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ");
  return SHARE.get(key) ?? SHARE.get(key.split(" ").slice(-2).join(" ")) ?? SHARE.get(key.split(" ").pop()!) ?? 0.5;
}

/** Every cue in `text[from, to)`, with offsets into `text`. */
export function cuesIn(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const window = text.slice(from, to);
  const out: Array<{ start: number; end: number }> = [];
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(window); m; m = CUE_RE.exec(window)) {
    if (isCue(text, from + m.index)) out.push({ start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

/** A capitalised cue word inside a sentence is a name ("United States", "Fox News Shows"). */
function isCue(text: string, at: number): boolean {
  const c = text[at]!;
  if (c === c.toLowerCase()) return true;
  return /(?:^|[.!?:]["'\u201D\u2019]?\s+|["\u201C(]\s*)$/.test(text.slice(Math.max(0, at - 4), at));
}

/** The first cue in `text[from, to)`, or null. */
export function firstCue(text: string, from: number, to: number): { start: number; end: number } | null {
  return cuesIn(text, from, to)[0] ?? null;
}

/** The last cue in `text[from, to)`, or null. */
export function lastCue(text: string, from: number, to: number): { start: number; end: number } | null {
  const all = cuesIn(text, from, to);
  return all[all.length - 1] ?? null;
}
