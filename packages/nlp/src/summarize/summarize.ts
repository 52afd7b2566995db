import type { DocumentSummary, ParagraphSummary, SummaryBudget } from "@newsflow/contracts";
import { splitSentences } from "../text/sentences.js";

/** A paragraph with its summary, as the document step receives it. */
export interface ParagraphForSummary {
  index: number;
  text: string;
  summary: ParagraphSummary;
}

const STOP = new Set("the a an of to in and or for on at by with from as is was were are be been it its that this".split(" "));

/** Summarise one paragraph: every sentence scored by content-word density, the best one kept. */
export function summarizeParagraph(text: string): ParagraphSummary {
  const sentences = splitSentences(text).map((s) => {
    const words = s.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const content = words.filter((w) => !STOP.has(w)).length;
    return { ...s, score: words.length ? content / Math.sqrt(words.length) : 0 };
  });
  const best = [...sentences].sort((a, b) => b.score - a.score)[0];
  return { sentences, summary: best ? [best] : [], short: best?.text ?? "", keyPhrases: [] };
}

/** Summarise a document from its paragraph summaries: the highest-scored sentences, in order. */
export function summarizeDocument(
  _title: string | null,
  paragraphs: ParagraphForSummary[],
  budget: SummaryBudget = { sentences: 3 },
): DocumentSummary {
  const all = paragraphs.flatMap((p) => p.summary.sentences.map((s) => ({ ...s, paragraphIndex: p.index })));
  const n = budget.sentences ?? 3;
  const chosen = [...all]
    .sort((a, b) => b.score - a.score)
    .slice(0, n)
    .sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.start - b.start);
  return { sentences: chosen, text: chosen.map((s) => s.text).join(" ") };
}
