import { readFile } from "node:fs/promises";
import { EntityType } from "@newsflow/contracts";
import { createEntityTagger } from "@newsflow/nlp";
import { loadNerModel } from "@newsflow/nlp/node";
import { evaluateProductionPath, formatNerError, parseConll, type SpanScores } from "@newsflow/nlp-train";

const TYPES = EntityType.options;

/**
 * Scores the shipped NER model (or the model file `modelPath`) on a CoNLL file (IOB1 or IOB2) the way production runs it: each
 * document rebuilt as text (tokens joined by single spaces, each sentence a paragraph), tagged
 * paragraph by paragraph with `tagger.tag(text)` as the entities worker does, reconciled with
 * `reconcileEntities` and the model's alias groups and context typer as the document step does,
 * spans mapped back to the gold tokens and scored
 * like conlleval. `paragraphs` is the score before reconciliation, `tokenColumn` the old figure
 * (each document's sentences tagged together from the token column). tokensPerSecond times
 * `tagger.tag` over every paragraph on this one thread, warmed up, fastest of three passes.
 * `onErrors`, when given, gets each sentence with a missed or wrong production-path mention as
 * text to read (`formatNerError`), before the figures are returned.
 */
export async function evalNer(dataPath: string, modelPath?: string, onErrors?: (text: string) => void): Promise<object> {
  const docs = parseConll(await readFile(dataPath, "utf8"));
  const loadStart = performance.now();
  const model = loadNerModel(modelPath);
  process.stderr.write(`ner: model loaded in ${Math.round(performance.now() - loadStart)} ms\n`);
  const result = evaluateProductionPath(docs, createEntityTagger(model), model);
  if (onErrors) for (const e of result.errors) onErrors(formatNerError(e));
  return {
    task: "ner",
    ...scores(result.production),
    paragraphs: scores(result.paragraphs),
    tokenColumn: scores(result.tokenColumn),
    sentences: result.sentences,
    tokens: result.tokens,
    tokensPerSecond: Math.round(result.tokens / result.tagSeconds),
  };
}

function scores(s: SpanScores): object {
  const perType = Object.fromEntries(
    TYPES.map((t) => {
      const x = s.perType[t]!;
      return [t, { precision: round(x.precision), recall: round(x.recall), f1: round(x.f1) }];
    }),
  );
  return { f1: round(s.f1), precision: round(s.precision), recall: round(s.recall), perType };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
