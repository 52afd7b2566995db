import { readFile } from "node:fs/promises";
import { parseConll, scoreSpans, spansFromTags, tagTokenSentences, type TypedSpan } from "@newsflow/nlp";
import { loadNerModel } from "@newsflow/nlp/node";

const TYPES = ["PER", "ORG", "LOC", "MISC"] as const;

/**
 * Scores the shipped NER model on a CoNLL file (IOB1 or IOB2): tags each document's sentences
 * from the token column alone, in order (a -DOCSTART- document is the context, as a paragraph
 * is in the pipeline), and scores exact spans the way conlleval does. tokensPerSecond times the
 * tagging only, on this one thread, with the model loaded and warmed up by one untimed pass
 * (best of three timed passes).
 */
export async function evalNer(dataPath: string): Promise<object> {
  const docs = parseConll(await readFile(dataPath, "utf8"));
  const loadStart = performance.now();
  const model = loadNerModel();
  process.stderr.write(`ner: model loaded in ${Math.round(performance.now() - loadStart)} ms\n`);
  const inputs = docs.map((d) => d.sentences.map((s) => s.tokens));
  // One untimed pass lets the JIT settle: a worker tags for hours, so steady speed is what counts.
  for (const doc of inputs) tagTokenSentences(model, doc);
  // The fastest of three timed passes: the machine is shared, and the least disturbed pass is
  // the closest to the tagger's own speed. Every pass tags the whole file; results are identical.
  let tagged: ReturnType<typeof tagTokenSentences>[] = [];
  let seconds = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    tagged = inputs.map((doc) => tagTokenSentences(model, doc));
    seconds = Math.min(seconds, (performance.now() - started) / 1000);
  }
  const gold: TypedSpan[][] = [];
  const predicted: TypedSpan[][] = [];
  let tokens = 0;
  docs.forEach((doc, d) => {
    doc.sentences.forEach((s, k) => {
      tokens += s.tokens.length;
      gold.push(spansFromTags(s.tags));
      predicted.push(tagged[d]![k]!.map((m) => ({ start: m.start, end: m.end, type: TYPES[m.type]! })));
    });
  });
  const scores = scoreSpans(gold, predicted, TYPES);
  const perType = Object.fromEntries(
    TYPES.map((t) => {
      const s = scores.perType[t]!;
      return [t, { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1) }];
    }),
  );
  return {
    task: "ner",
    f1: round(scores.f1),
    precision: round(scores.precision),
    recall: round(scores.recall),
    perType,
    sentences: gold.length,
    tokens,
    tokensPerSecond: Math.round(tokens / seconds),
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
