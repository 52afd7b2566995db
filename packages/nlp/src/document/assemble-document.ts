import type { CanonicalEntity, DocumentResult, EntitiesResult, MissingResult, Paragraph, ParagraphSummary, QuotesResult, SummaryBudget, TaskName } from "@newsflow/contracts";
import { canonicalizeEntities } from "../ner/canonicalize.js";
import { type ReconcileOptions, reconcileEntities } from "../ner/reconcile.js";
import type { GivenNames } from "../quotes/given-names.js";
import { resolveQuotes } from "../quotes/resolve-quotes.js";
import { summarizeDocument } from "../summarize/summarize.js";
import type { SummaryWeights } from "../summarize/weights.js";

/** A document's paragraphs with whatever results the paragraph jobs produced. */
export interface DocumentInputs {
  docId: string;
  title: string | null;
  paragraphs: Paragraph[];
  summaries: (ParagraphSummary | null)[];
  entities: (EntitiesResult | null)[];
  quotes: (QuotesResult | null)[];
  /** Why a paragraph task has no result, keyed `<task>:<index>`. */
  failures: Record<string, string>;
  /** The NER model's alias groups (`loadEntityDocumentModel()`): aliases in one article vote together for a type. */
  entityAliases?: readonly (readonly string[])[];
  /** The NER model's context typer and its word resources (`loadEntityDocumentModel()`): names typed again from all their contexts. */
  entityContext?: ReconcileOptions["context"];
  /** Given names (`loadGivenNames()`), so that "she" is not resolved to a man. */
  givenNames?: GivenNames;
}

/** The assembled document: its result, and each paragraph's entity mentions where the document-level pass changed them. */
export interface AssembledDocument {
  result: DocumentResult;
  reconciled: (EntitiesResult | null)[];
}

/**
 * A document's entities as the document step settles them: the paragraphs' mentions reconciled over
 * the whole article (`reconcileEntities`), then merged into canonical entities (`canonicalizeEntities`,
 * which also makes the spellings of one name and the names of one of `options.aliases`' groups one
 * entity). A paragraph whose entities task left no result stays null. `eval quotes` resolves
 * speakers from these too.
 */
export function documentEntities(
  paragraphs: readonly Pick<Paragraph, "index" | "text">[],
  entities: readonly (EntitiesResult | null)[],
  options: Pick<ReconcileOptions, "title" | "aliases" | "context">,
): { final: (EntitiesResult | null)[]; canonical: CanonicalEntity[] } {
  // The paragraph worker saw one paragraph; here the whole document types its names consistently.
  const mentions = reconcileEntities(
    paragraphs.map((p, i) => ({ text: p.text, mentions: entities[i]?.mentions ?? [] })),
    { title: options.title ?? null, aliases: options.aliases ?? [], context: options.context ?? null },
  );
  const final = paragraphs.map((_, i) => (entities[i] ? { mentions: mentions[i]! } : null));
  const canonical = canonicalizeEntities(
    paragraphs.flatMap((p, i) => (final[i] ? [{ index: p.index, text: p.text, entities: final[i]! }] : [])),
    options.aliases ?? [],
  );
  return { final, canonical };
}

/** How the document summary is made: the ranker's learned weights and the length budget. */
export interface SummaryOptions {
  weights: SummaryWeights;
  budget?: SummaryBudget;
}

/**
 * Build the document result from the paragraph results: canonical entities, quotes with resolved
 * speakers, the document summary, and a list of what is missing (failed paragraph tasks).
 */
export function assembleDocument(input: DocumentInputs, summaryOptions: SummaryOptions, now = Date.now()): AssembledDocument {
  const missing: MissingResult[] = [];
  const note = (task: TaskName, index: number, present: unknown) => {
    if (present === null) missing.push({ paragraphIndex: index, task, reason: input.failures[`${task}:${index}`] ?? "no result" });
  };
  input.paragraphs.forEach((p, i) => {
    note("summarize", p.index, input.summaries[i] ?? null);
    note("entities", p.index, input.entities[i] ?? null);
    note("quotes", p.index, input.quotes[i] ?? null);
  });
  const { final: finalEntities, canonical: entities } = documentEntities(input.paragraphs, input.entities, {
    title: input.title,
    aliases: input.entityAliases ?? [],
    context: input.entityContext ?? null,
  });
  const reconciled = finalEntities.map((e, i) => (e && JSON.stringify(e) !== JSON.stringify(input.entities[i]) ? e : null));
  const quotes = resolveQuotes(
    input.paragraphs.flatMap((p, i) => (input.quotes[i] ? [{ index: p.index, text: p.text, quotes: input.quotes[i]! }] : [])),
    entities,
    { givenNames: input.givenNames },
  );
  const summary = summarizeDocument(
    input.title,
    input.paragraphs.flatMap((p, i) => (input.summaries[i] ? [{ index: p.index, text: p.text, summary: input.summaries[i]!, entities: finalEntities[i] ?? undefined }] : [])),
    summaryOptions.weights,
    summaryOptions.budget,
  );
  return { result: { docId: input.docId, summary, entities, quotes, missing, completedAt: now }, reconciled };
}
