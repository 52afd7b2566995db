import type { CanonicalEntity, EntitiesResult, Paragraph, ResolvedQuote } from "@newsflow/contracts";
import { documentEntities, extractQuotes, type GivenNames, normalizeText, type QuoteModel, resolveQuotes, splitParagraphs } from "@newsflow/nlp";
import { loadEntityDocumentModel, loadEntityTagger, loadGivenNames, loadQuoteModel } from "@newsflow/nlp/node";
import { emptyCounts, type PlacedParagraph, quoteFigures, readPolnear, scoreArticle, toAttributions } from "@newsflow/nlp-train";

/**
 * Score quote extraction on PolNeAR-format JSONL. Each article goes through what the pipeline
 * runs: `normalizeText` (as the producer does), `splitParagraphs` without a title, `extractQuotes`
 * with the shipped quote model (or the model file `modelPath`) per paragraph, entity tagging per paragraph,
 * `reconcileEntities` over the article and `canonicalizeEntities` (as the document step does),
 * then `resolveQuotes`. Predictions are mapped back to the article's own
 * offsets and scored as the contract defines (`scoreArticle`): `source` and `cue` carry the
 * accuracy over matched attributions and token-overlap P/R/F1, after resolution (a source written
 * in another paragraph counts); `sourceBeforeResolution` and `attributionBeforeResolution` score
 * each paragraph's own sources only. `resolutions` counts how the speakers were resolved.
 * `paragraphsPerSecond` is paragraphs divided by the time of `extractQuotes` over every paragraph
 * plus `resolveQuotes` per article, warmed up (`measureSpeed`), on this one thread, `paragraphsPerCpuSecond`
 * the same over this process's CPU time; reading, normalising, splitting, entity tagging and
 * scoring are not timed.
 */
export async function evalQuotes(dataPath: string, modelPath?: string): Promise<object> {
  const articles = readPolnear(dataPath);
  const tagger = loadEntityTagger();
  const entityModel = loadEntityDocumentModel();
  const models: QuoteModels = { model: loadQuoteModel(modelPath), givenNames: loadGivenNames() };
  const after = emptyCounts();
  const before = emptyCounts();
  const resolutions: Record<string, number> = {};
  const prepared: Prepared[] = [];
  for (const [n, article] of articles.entries()) {
    const { text, toOriginal } = normalizeWithOffsets(article.text);
    const { paragraphs } = splitParagraphs(text, { detectTitle: false });
    // The entities as the document step has them, which resolveQuotes gives the speakers from.
    const tagged: EntitiesResult[] = paragraphs.map((p) => tagger.tag(p.text));
    const { canonical } = documentEntities(paragraphs, tagged, entityModel);
    prepared.push({ paragraphs, canonical });
    const resolved = runQuotes(models, paragraphs, canonical);
    for (const q of resolved) resolutions[q.resolution] = (resolutions[q.resolution] ?? 0) + 1;
    const placed: PlacedParagraph[] = paragraphs.map((p) => ({ index: p.index, toArticle: (i) => toOriginal(p.start + i) }));
    scoreArticle(article.text, article.attributions, toAttributions(resolved, placed), after);
    scoreArticle(article.text, article.attributions, toAttributions(resolved.map(withoutContext), placed), before);
    if ((n + 1) % 20 === 0) process.stderr.write(`eval quotes: ${n + 1}/${articles.length} articles\n`);
  }
  const speed = measureSpeed(models, prepared);
  const f = quoteFigures(after);
  const b = quoteFigures(before);
  return {
    task: "quotes",
    articles: articles.length,
    gold: after.gold,
    predicted: after.predicted,
    content: f.content,
    contentExact: f.contentExact,
    source: { accuracy: f.sourceAccuracy, ...f.source },
    cue: { accuracy: f.cueAccuracy, ...f.cue },
    attribution: f.attribution,
    direct: f.direct,
    sourceBeforeResolution: { accuracy: b.sourceAccuracy, ...b.source },
    attributionBeforeResolution: b.attribution,
    resolutions,
    paragraphsPerSecond: speed.wall,
    paragraphsPerCpuSecond: speed.cpu,
  };
}

/** A resolved quote as the paragraph step gave it: no source taken from another paragraph. */
const withoutContext = ({ contextSource: _, ...q }: ResolvedQuote): ResolvedQuote => q;

interface Prepared {
  paragraphs: Paragraph[];
  canonical: CanonicalEntity[];
}

/** The quote model, and the given names the document step resolves "she" and "he" with. */
interface QuoteModels {
  model: QuoteModel;
  givenNames: GivenNames;
}

/** What the quotes worker and the document step run for one document. */
function runQuotes({ model, givenNames }: QuoteModels, paragraphs: Paragraph[], canonical: CanonicalEntity[]): ResolvedQuote[] {
  return resolveQuotes(
    paragraphs.map((p) => ({ index: p.index, text: p.text, quotes: extractQuotes(p.text, model) })),
    canonical,
    { givenNames },
  );
}

/**
 * Untimed paragraphs before the timed passes. V8 compiles the hot code on background threads over
 * the first ten or so passes over dev (about 18,000 paragraphs), and those threads count in this
 * process's CPU time: the three passes that were timed right after the scoring pass measured that
 * warm-up (one dev run, pass by pass on stderr: passes 1-3 at 2,757-4,710 per CPU second, passes
 * 10-16 at 4,796-6,405). A worker replica runs for hours, so its rate is the warm one.
 */
const WARM_UP_PARAGRAPHS = 20_000;
const TIMED_PASSES = 5;
/** A small file takes thousands of warm-up passes: their lines go to stderr only when they are this few. */
const MAX_WARM_UP_LINES = 30;

/**
 * Paragraphs per second of `runQuotes` over every article, on this one thread: the fastest of
 * `TIMED_PASSES` passes after `WARM_UP_PARAGRAPHS` untimed ones (the machine is shared, and the
 * fastest pass is the one least disturbed by other processes), by the wall clock and by this
 * process's CPU time (what one core does when other processes share it). Each pass's figures go
 * to stderr (the warm-up's only when its passes are few).
 */
function measureSpeed(models: QuoteModels, prepared: Prepared[]): { wall: number; cpu: number } {
  const total = prepared.reduce((n, a) => n + a.paragraphs.length, 0);
  const rate = (ms: number) => (ms > 0 ? Math.round(total / (ms / 1000)) : 0);
  const warmUp = Math.ceil(WARM_UP_PARAGRAPHS / Math.max(1, total));
  let wall = Infinity;
  let cpu = Infinity;
  for (let pass = 0; pass < warmUp + TIMED_PASSES; pass++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const a of prepared) runQuotes(models, a.paragraphs, a.canonical);
    const passWall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const passCpu = (c.user + c.system) / 1000;
    const timed = pass >= warmUp;
    if (timed) {
      wall = Math.min(wall, passWall);
      cpu = Math.min(cpu, passCpu);
    }
    if (timed || warmUp <= MAX_WARM_UP_LINES) process.stderr.write(`eval quotes: speed pass ${pass + 1}/${warmUp + TIMED_PASSES}${timed ? "" : " (warm-up)"}: ${rate(passWall)} paragraphs/s, ${rate(passCpu)} per CPU second\n`);
  }
  return { wall: rate(wall), cpu: rate(cpu) };
}

/**
 * `normalizeText(text)` with a map from its offsets back to `text`'s. The map is rebuilt here
 * character by character (the normaliser only drops invisible marks and the CR of CRLF; every
 * other change keeps the length) and checked against `normalizeText` itself, so a change there
 * that this does not follow fails loudly instead of shifting offsets.
 */
export function normalizeWithOffsets(original: string): { text: string; toOriginal: (i: number) => number } {
  const text = normalizeText(original);
  if (text.length === original.length) return { text, toOriginal: (i) => i };
  const kept: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const c = original[i]!;
    if (c === "\r" && original[i + 1] === "\n") continue;
    if (normalizeText(c) === "") continue;
    kept.push(i);
  }
  const rebuilt = kept.map((i) => normalizeText(original[i]!)).join("");
  if (rebuilt !== text) throw new Error("eval quotes: normalizeText changed text in a way the offset map does not follow; update normalizeWithOffsets");
  kept.push(original.length);
  return { text, toOriginal: (i) => kept[i]! };
}
