import { type PRF, prf } from "../metrics.js";

/** One sentence of a CoNLL column file: its tokens (first column) and tags (last column). */
export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

/** The sentences between two -DOCSTART- lines. */
export interface ConllDocument {
  sentences: ConllSentence[];
}

/** A gold or predicted mention as a token range and a type name. */
export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

/** Parses CoNLL column text into documents of sentences; a file without -DOCSTART- is one document. */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let sentence: ConllSentence = { tokens: [], tags: [] };
  const endSentence = () => {
    if (sentence.tokens.length > 0) doc.sentences.push(sentence);
    sentence = { tokens: [], tags: [] };
  };
  const endDocument = () => {
    endSentence();
    if (doc.sentences.length > 0) docs.push(doc);
    doc = { sentences: [] };
  };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "") {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === "-DOCSTART-") {
      endDocument();
      continue;
    }
    sentence.tokens.push(cols[0]!);
    sentence.tags.push(cols.length > 1 ? cols[cols.length - 1]! : "O");
  }
  endDocument();
  return docs;
}

/**
 * Fold `fold` of `folds` by document index (document d is in fold d % folds): the held-out
 * documents and the rest, for cross-validation.
 */
export function splitFolds<T>(docs: readonly T[], folds: number, fold: number): { train: T[]; heldOut: T[] } {
  if (!Number.isInteger(folds) || folds < 2 || !Number.isInteger(fold) || fold < 0 || fold >= folds) {
    throw new RangeError(`fold ${fold} of ${folds}: need 2 or more folds and 0 <= fold < folds`);
  }
  const train: T[] = [];
  const heldOut: T[] = [];
  docs.forEach((doc, d) => {
    (d % folds === fold ? heldOut : train).push(doc);
  });
  return { train, heldOut };
}

/**
 * Mentions in a tag sequence the way conlleval reads them: accepts IOB1 (I- starts a mention
 * after O or another type), IOB2 (B- starts one) and IOBES/BILOU (E-/L- end one, S-/U- are single).
 */
export function spansFromTags(tags: readonly string[]): TypedSpan[] {
  const spans: TypedSpan[] = [];
  let open = -1;
  let openType = "";
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag === "O" || tag.length < 2) {
      if (open >= 0) spans.push({ start: open, end: i, type: openType });
      open = -1;
      continue;
    }
    const prefix = tag[0]!;
    const type = tag.slice(2);
    if (open >= 0 && (type !== openType || prefix === "B" || prefix === "S" || prefix === "U")) {
      spans.push({ start: open, end: i, type: openType });
      open = -1;
    }
    if (open < 0) {
      open = i;
      openType = type;
    }
    if (prefix === "E" || prefix === "L" || prefix === "S" || prefix === "U") {
      spans.push({ start: open, end: i + 1, type });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ start: open, end: tags.length, type: openType });
  return spans;
}

/** Micro-averaged exact-span scores plus one score per type. */
export interface SpanScores extends PRF {
  perType: Record<string, PRF>;
}

/** Mentions of one type: predicted ones that a gold mention matches exactly, all predicted, all gold. */
export interface SpanCounts {
  correct: number;
  predicted: number;
  gold: number;
}

/**
 * conlleval's counts per type: a predicted mention is correct only when its start, end and type
 * all equal a gold mention's. `gold[k]` and `predicted[k]` are the mentions of sentence k.
 */
export function countSpans(gold: readonly (readonly TypedSpan[])[], predicted: readonly (readonly TypedSpan[])[]): Map<string, SpanCounts> {
  const counts = new Map<string, SpanCounts>();
  const bump = (type: string, field: keyof SpanCounts) => {
    let c = counts.get(type);
    if (!c) {
      c = { correct: 0, predicted: 0, gold: 0 };
      counts.set(type, c);
    }
    c[field]++;
  };
  for (let k = 0; k < gold.length; k++) {
    const g = gold[k]!;
    const p = predicted[k] ?? [];
    const goldKeys = new Set(g.map((s) => `${s.start}:${s.end}:${s.type}`));
    for (const s of g) bump(s.type, "gold");
    for (const s of p) {
      bump(s.type, "predicted");
      if (goldKeys.has(`${s.start}:${s.end}:${s.type}`)) bump(s.type, "correct");
    }
  }
  return counts;
}

/** The counts of all types together. */
export function sumCounts(counts: Iterable<SpanCounts>): SpanCounts {
  const total: SpanCounts = { correct: 0, predicted: 0, gold: 0 };
  for (const c of counts) {
    total.correct += c.correct;
    total.predicted += c.predicted;
    total.gold += c.gold;
  }
  return total;
}

/**
 * conlleval scoring (see countSpans): micro-averaged exact-span scores; `types` fixes which types
 * appear in perType (others still count in the micro average).
 */
export function scoreSpans(
  gold: readonly (readonly TypedSpan[])[],
  predicted: readonly (readonly TypedSpan[])[],
  types: readonly string[],
): SpanScores {
  const counts = countSpans(gold, predicted);
  const all = sumCounts(counts.values());
  const perType: Record<string, PRF> = {};
  for (const t of types) {
    const c = counts.get(t) ?? { correct: 0, predicted: 0, gold: 0 };
    perType[t] = prf(c.correct, c.predicted, c.correct, c.gold);
  }
  return { ...prf(all.correct, all.predicted, all.correct, all.gold), perType };
}
