import type { EntityMention } from "@newsflow/contracts";
import { ENTITY_TYPES, type EntityTagger, type NerModel, type ReconcileOptions, reconcileEntities, tagTokenSentences } from "@newsflow/nlp/train";
import { type ConllDocument, type SpanScores, scoreSpans, spansFromTags, type TypedSpan } from "./conll.js";

/** A CoNLL sentence rebuilt as a paragraph of text: tokens joined by single spaces, with each token's offsets. */
export interface RebuiltParagraph {
  text: string;
  starts: number[];
  ends: number[];
}

/** Each sentence of a document as one paragraph of text (what `newsflow run` would be given). */
export function rebuildParagraphs(doc: ConllDocument): RebuiltParagraph[] {
  return doc.sentences.map((s) => {
    const starts: number[] = [];
    const ends: number[] = [];
    let text = "";
    for (const t of s.tokens) {
      if (text.length > 0) text += " ";
      starts.push(text.length);
      text += t;
      ends.push(text.length);
    }
    return { text, starts, ends };
  });
}

/** The mention types that are scored (not the values: dates, money...). */
export const SCORED_TYPES: ReadonlySet<string> = new Set<string>(ENTITY_TYPES);

/**
 * Character mentions of the scored types mapped back to gold token spans, in order; a mention
 * whose edges are not token edges can never match and keeps a span no gold mention has (start -1).
 */
export function mentionsToTokenSpans(p: RebuiltParagraph, mentions: readonly EntityMention[]): TypedSpan[] {
  return mentions
    .filter((m) => SCORED_TYPES.has(m.type))
    .map((m) => {
      const start = p.starts.indexOf(m.start);
      const end = p.ends.indexOf(m.end);
      return start < 0 || end < start ? { start: -1, end: -1, type: m.type } : { start, end: end + 1, type: m.type };
    });
}

/** What the document step takes from a model (as `loadEntityDocumentModel()` reads it from the file). */
export function documentModel(model: NerModel): Pick<ReconcileOptions, "aliases" | "context"> {
  return { aliases: model.aliasGroups, context: model.typer ? { typer: model.typer, resources: model.resources } : null };
}

/** What evaluateProductionPath measures. */
export interface ProductionEvaluation {
  /** Paragraph by paragraph from raw text, then reconciled per document: what production shows. */
  production: SpanScores;
  /** Before reconciliation (the entities worker's own output). */
  paragraphs: SpanScores;
  /** Each document's sentences tagged together from the token column. */
  tokenColumn: SpanScores;
  sentences: number;
  tokens: number;
  /** Seconds of `tagger.tag` over every paragraph (the worker's work), fastest of `passes`. */
  tagSeconds: number;
  /** Gold and production-path mentions per sentence, to pool several evaluations (cross-validation). */
  spans: { gold: TypedSpan[][]; production: TypedSpan[][] };
  /** Every paragraph's mentions as the worker gave them and as reconciled, in order: to compare two versions of the code. */
  mentions: { raw: EntityMention[][]; reconciled: EntityMention[][] };
  /** Gold and predicted mentions that differ, per sentence, for error reading. */
  errors: Array<{ text: string; missed: string[]; wrong: string[] }>;
  /** Each reconciled mention's confidence and whether it is a gold mention (span and type). */
  confidences: Array<{ confidence: number; right: boolean }>;
}

/** One sentence's errors for reading: the sentence, then its missed and its wrong mentions (`TYPE:words`), a line each. */
export function formatNerError(e: ProductionEvaluation["errors"][number]): string {
  return `${e.text}\n  missed: ${e.missed.join(" | ")}\n  wrong:  ${e.wrong.join(" | ")}\n`;
}

function describe(p: RebuiltParagraph, s: TypedSpan): string {
  if (s.start < 0) return `${s.type}:?`;
  return `${s.type}:${p.text.slice(p.starts[s.start]!, p.ends[s.end - 1]!)}`;
}

/**
 * Scores a tagger the way production runs it: every document rebuilt as text (one paragraph per
 * sentence), `tagger.tag(text)` per paragraph as the entities worker calls it, then
 * `reconcileEntities` over the document as the document step does, spans mapped back to the
 * gold tokens and scored like conlleval. Also scores the token-column path of `model`.
 */
export function evaluateProductionPath(
  docs: readonly ConllDocument[],
  tagger: EntityTagger,
  model: NerModel,
  passes = 3,
): ProductionEvaluation {
  const rebuilt = docs.map(rebuildParagraphs);
  const all = rebuilt.flat();
  for (const p of all) tagger.tag(p.text);
  let tagged: EntityMention[][] = [];
  let tagSeconds = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    tagged = all.map((p) => tagger.tag(p.text).mentions);
    tagSeconds = Math.min(tagSeconds, (performance.now() - started) / 1000);
  }
  const gold: TypedSpan[][] = [];
  const before: TypedSpan[][] = [];
  const after: TypedSpan[][] = [];
  const column: TypedSpan[][] = [];
  const errors: ProductionEvaluation["errors"] = [];
  const allReconciled: EntityMention[][] = [];
  const confidences: ProductionEvaluation["confidences"] = [];
  let tokens = 0;
  let k = 0;
  docs.forEach((doc, d) => {
    const paras = rebuilt[d]!;
    const raw = paras.map((p) => ({ text: p.text, mentions: tagged[k++]! }));
    const reconciled = reconcileEntities(raw, documentModel(model));
    allReconciled.push(...reconciled);
    const byColumn = tagTokenSentences(
      model,
      doc.sentences.map((s) => s.tokens),
    );
    doc.sentences.forEach((s, j) => {
      const p = paras[j]!;
      tokens += s.tokens.length;
      const g = spansFromTags(s.tags);
      const a = mentionsToTokenSpans(p, reconciled[j]!);
      gold.push(g);
      before.push(mentionsToTokenSpans(p, raw[j]!.mentions));
      after.push(a);
      column.push(byColumn[j]!.map((m) => ({ start: m.start, end: m.end, type: ENTITY_TYPES[m.type]! })));
      const key = (x: TypedSpan) => `${x.start}:${x.end}:${x.type}`;
      const gk = new Set(g.map(key));
      const ak = new Set(a.map(key));
      const scored = reconciled[j]!.filter((m) => SCORED_TYPES.has(m.type));
      scored.forEach((m, n) => {
        confidences.push({ confidence: m.confidence, right: gk.has(key(a[n]!)) });
      });
      const missed = g.filter((x) => !ak.has(key(x))).map((x) => describe(p, x));
      const wrong = a.filter((x) => !gk.has(key(x))).map((x) => describe(p, x));
      if (missed.length > 0 || wrong.length > 0) errors.push({ text: p.text, missed, wrong });
    });
  });
  return {
    production: scoreSpans(gold, after, ENTITY_TYPES),
    paragraphs: scoreSpans(gold, before, ENTITY_TYPES),
    tokenColumn: scoreSpans(gold, column, ENTITY_TYPES),
    sentences: gold.length,
    tokens,
    tagSeconds,
    spans: { gold, production: after },
    mentions: { raw: tagged, reconciled: allReconciled },
    errors,
    confidences,
  };
}
