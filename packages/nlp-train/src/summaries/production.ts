import type { EntitiesResult } from "@newsflow/contracts";
import { prepareDocument } from "@newsflow/ingest";
import { createEntityTagger, documentEntities, type ParagraphForSummary, type ReconcileOptions, summarizeParagraph } from "@newsflow/nlp";
import { loadNerModel } from "@newsflow/nlp/node";
import { documentModel } from "../ner/production-eval.js";
import type { SummaryArticle } from "./articles.js";

/** What tags a paragraph's entities: the shipped tagger (`loadEntityTagger()`), or a stand-in in tests. */
export interface ParagraphTagger {
  tag(text: string): EntitiesResult;
}

/** What the document step reconciles entities with: the NER model's alias groups and context typer (`documentModel(model)`). */
export type DocumentEntityModel = Pick<ReconcileOptions, "aliases" | "context">;

/** The shipped entity model as the summaries' production path uses it: the paragraph tagger and the document step's reconciliation. */
export function shippedEntities(): { tagger: ParagraphTagger; document: DocumentEntityModel } {
  const model = loadNerModel();
  return { tagger: createEntityTagger(model), document: documentModel(model) };
}

/** An article as the document step sees it, beside its reference summary. */
export interface SummaryCase {
  id: string;
  title: string | null;
  paragraphs: ParagraphForSummary[];
  reference: string;
}

/**
 * An article taken through the production path up to the document summary: split by the
 * producer's `prepareDocument` (title given, as a JSONL input with a title), each paragraph
 * summarised as the summarize worker does and tagged as the entities worker does, then the
 * mentions reconciled over the article as the document step does before it ranks sentences
 * (`documentEntities`, with `document`'s alias groups and context typer). Null when the producer
 * would reject the article.
 */
export function summaryCase(article: SummaryArticle, tagger: ParagraphTagger, document: DocumentEntityModel = {}): SummaryCase | null {
  const prepared = prepareDocument({ id: article.id, title: article.title, text: article.text }, true);
  if ("reason" in prepared) return null;
  const tagged = prepared.paragraphs.map((p) => tagger.tag(p.text));
  const { final } = documentEntities(prepared.paragraphs, tagged, { title: prepared.title, ...document });
  const paragraphs = prepared.paragraphs.map((p, i) => ({ index: p.index, text: p.text, summary: summarizeParagraph(p.text), entities: final[i]! }));
  return { id: article.id, title: prepared.title, paragraphs, reference: article.summary };
}

/**
 * Many articles through `summaryCase`, with progress every 200 articles; `rejected` counts the
 * articles the producer would refuse (none in the BBC set).
 */
export function summaryCases(
  articles: readonly SummaryArticle[],
  tagger: ParagraphTagger,
  document: DocumentEntityModel = {},
  progress?: (done: number, total: number) => void,
): { cases: SummaryCase[]; rejected: number } {
  const cases: SummaryCase[] = [];
  articles.forEach((a, i) => {
    const c = summaryCase(a, tagger, document);
    if (c) cases.push(c);
    if (progress && ((i + 1) % 200 === 0 || i + 1 === articles.length)) progress(i + 1, articles.length);
  });
  return { cases, rejected: articles.length - cases.length };
}
