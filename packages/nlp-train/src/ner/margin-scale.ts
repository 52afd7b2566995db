import { normalizeText, splitParagraphs } from "@newsflow/nlp";
import { type NerModel, tagTokenSentences, tokenizeSentences } from "@newsflow/nlp/train";

/**
 * The mean score margin of the mentions `model` finds in `articles`, each paragraph tagged alone as
 * the entities worker tags it. A tagger's confidence is `sigmoid(margin / marginScale)`, and a run
 * selected on dev takes its scale from dev's margins; a model trained on dev too cannot (its dev
 * margins are those of its own training data), so its scale is the selected run's, times the ratio
 * of the two models' margins on text neither was trained on.
 */
export function meanMentionMargin(model: NerModel, articles: readonly string[]): number {
  let sum = 0;
  let count = 0;
  for (const article of articles) {
    for (const p of splitParagraphs(normalizeText(article)).paragraphs) {
      const sentences = tokenizeSentences(p.text).map((s) => s.map((t) => t.text));
      for (const mentions of tagTokenSentences(model, sentences)) {
        for (const m of mentions) {
          sum += m.margin;
          count++;
        }
      }
    }
  }
  return count > 0 ? sum / count : 1;
}
