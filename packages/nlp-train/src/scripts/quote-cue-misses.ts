// Which gold cues the quote model misses, by what its cue lexicon knows of their words: `node
// dist/scripts/quote-cue-misses.js [--data FILE] [--model PATH]` extracts quotes from every
// paragraph of a PolNeAR-format file as `eval quotes` splits them (dev by default, the shipped
// model unless `--model`), and counts the gold cues that no predicted cue overlaps. Each gold cue
// is put in a class by the highest cue share among its words (the share of a word's training
// occurrences that lie in an annotated cue, as the lexicon holds it): "unseen" (no word of it in the
// lexicon), "low" (under 0.1), "mid" (0.1 to 0.5) or "high" (0.5 or more). Unseen and low-share
// misses need knowledge of new words; mid-share misses are words that are cues in some contexts and
// not in others, where the context decides. A missed cue may have been found by the cue tagger
// (`labelParagraph`'s cues overlap it: `found`) and its attribution dropped by a later step (no
// content, an overlap with another attribution). Prints on stderr the classes (gold, missed, found)
// and the most often missed cues; on stdout one JSON line. Articles whose text `normalizeText` changes in
// length are left out.
import { parseArgs } from "node:util";
import { extractQuotes } from "@newsflow/nlp";
import { loadQuoteModel } from "@newsflow/nlp/node";
import { labelParagraph, quoteTokens } from "@newsflow/nlp/train";
import { errorArticles } from "../quotes/error-articles.js";
import { sharedDataPath } from "../shared-data.js";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: sharedDataPath("quotes", "polnear", "dev.jsonl") },
    model: { type: "string" },
  },
});
const model = loadQuoteModel(values.model);

const CLASSES = ["unseen", "low", "mid", "high"] as const;
type ShareClass = (typeof CLASSES)[number];
/** The class of a cue by the highest share of its words in the lexicon. */
function shareClass(words: readonly string[]): ShareClass {
  let best = -1;
  for (const w of words) best = Math.max(best, model.lexicon.get(w) ?? -1);
  return best < 0 ? "unseen" : best < 0.1 ? "low" : best < 0.5 ? "mid" : "high";
}

const counts = Object.fromEntries(CLASSES.map((c) => [c, { gold: 0, missed: 0, found: 0 }])) as Record<ShareClass, { gold: number; missed: number; found: number }>;
const missedCues = new Map<string, number>();
const skipped = { count: 0 };
for (const { article, paragraphs } of errorArticles(values.data, skipped)) {
  const predicted = paragraphs.flatMap((p) =>
    extractQuotes(p.text, model).quotes.flatMap((q) => (q.cue ? [{ start: p.start + q.cue.start, end: p.start + q.cue.end }] : [])),
  );
  const tagged = paragraphs.flatMap((p) => {
    const { tokens, cues } = labelParagraph(p.text, model);
    return cues.map(({ cue }) => ({ start: p.start + tokens.start[cue.first]!, end: p.start + tokens.end[cue.last]! }));
  });
  const overlapsCue = (spans: readonly { start: number; end: number }[], cue: readonly { start: number; end: number }[]) =>
    spans.some((p) => cue.some((s) => p.start < s.end && s.start < p.end));
  for (const { cue } of article.attributions) {
    if (cue.length === 0) continue;
    const words = cue.flatMap((s) => quoteTokens(article.text.slice(s.start, s.end)).lower);
    const c = counts[shareClass(words)];
    c.gold++;
    if (overlapsCue(predicted, cue)) continue;
    c.missed++;
    if (overlapsCue(tagged, cue)) c.found++;
    const key = words.join(" ");
    missedCues.set(key, (missedCues.get(key) ?? 0) + 1);
  }
}
const gold = CLASSES.reduce((n, c) => n + counts[c].gold, 0);
const missed = CLASSES.reduce((n, c) => n + counts[c].missed, 0);
for (const c of CLASSES) {
  const { gold: g, missed: m, found: f } = counts[c];
  process.stderr.write(`${c.padEnd(6)} gold ${g}, missed ${m} (${((100 * m) / Math.max(1, missed)).toFixed(0)}% of the misses; ${f} of them found by the cue tagger, then dropped)\n`);
}
const top = [...missedCues].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 30);
process.stderr.write(`most often missed: ${top.map(([w, n]) => `${w} ${n}`).join(", ")}\n`);
process.stdout.write(`${JSON.stringify({ gold, missed, skipped: skipped.count, byShare: counts })}\n`);
