import { loadSummaryWeights } from "@newsflow/nlp/node";
import { evaluateSummaries, isHeldOut, readSummaryArticles, shippedEntities, summaryCases } from "@newsflow/nlp-train";

/**
 * Score document summaries on BBC-format JSONL against the editors' extractive summaries, on the
 * production path: each article split by the producer, every paragraph summarised as the
 * summarize worker does and tagged by the shipped entity tagger as the entities worker does, the
 * mentions reconciled over the article (alias groups, context typer) and `summarizeDocument`
 * with the shipped weights, as the document step calls them, with the
 * reference's sentence count as budget; Lead-N on the same articles beside it. ROUGE-1/2/L F1,
 * averaged over articles. `heldOut` scores the file's articles that training never saw (id
 * hash, as `train:summaries` splits). `articlesPerSecond` times `summarizeDocument` alone.
 */
export async function evalSummaries(dataPath: string): Promise<object> {
  const articles = readSummaryArticles(dataPath);
  const weights = loadSummaryWeights();
  const { tagger, document } = shippedEntities();
  const { cases, rejected } = summaryCases(articles, tagger, document, (done, total) => process.stderr.write(`eval summaries: ${done}/${total} articles\n`));
  const all = evaluateSummaries(cases, weights);
  const heldOut = evaluateSummaries(
    cases.filter((c) => isHeldOut(c.id)),
    weights,
  );
  return { task: "summaries", ...all, rejected, heldOut };
}
