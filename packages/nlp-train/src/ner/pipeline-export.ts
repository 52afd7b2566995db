import type { EntityMention } from "@newsflow/contracts";
import { ENTITY_TYPES } from "@newsflow/nlp/train";
import { type ConllDocument, type SpanScores, scoreSpans, spansFromTags, type TypedSpan } from "./conll.js";
import { mentionsToTokenSpans, rebuildParagraphs } from "./production-eval.js";

/**
 * A CoNLL document as the text file the real pipeline is given: each sentence one paragraph
 * (tokens joined by single spaces), paragraphs separated by a blank line.
 */
export function documentText(doc: ConllDocument): string {
  return `${rebuildParagraphs(doc)
    .map((p) => p.text)
    .join("\n\n")}\n`;
}

/** The part of one line of `newsflow export` that the score reads. */
export interface ExportedDocument {
  paragraphs: Array<{ text: string; entities?: { mentions: EntityMention[] } | null }>;
}

/** What scoreExport measures. */
export interface ExportScores {
  scores: SpanScores;
  sentences: number;
  /** Sentences whose `paragraphs[i]` is missing or is not that sentence's text. */
  misaligned: number;
}

/**
 * Scores `newsflow export` lines against the gold documents they were written from, read the way
 * an evaluator reads them: sentence i of a document is `paragraphs[i]`, and a mention's offsets
 * are into that sentence's text (a mention that cuts a gold token counts as wrong).
 */
export function scoreExport(docs: readonly ConllDocument[], exported: ReadonlyArray<ExportedDocument | undefined>): ExportScores {
  const gold: TypedSpan[][] = [];
  const predicted: TypedSpan[][] = [];
  let misaligned = 0;
  docs.forEach((doc, d) => {
    const paragraphs = exported[d]?.paragraphs ?? [];
    rebuildParagraphs(doc).forEach((p, i) => {
      gold.push(spansFromTags(doc.sentences[i]!.tags));
      const got = paragraphs[i];
      if (got?.text !== p.text) misaligned++;
      predicted.push(got?.entities ? mentionsToTokenSpans(p, got.entities.mentions) : []);
    });
  });
  return { scores: scoreSpans(gold, predicted, ENTITY_TYPES), sentences: gold.length, misaligned };
}
