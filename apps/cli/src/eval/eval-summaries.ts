import { loadEntityTagger, loadSummaryWeights } from "@newsflow/nlp/node";
import { evaluateSummaries, isHeldOut, readSummaryArticles, summaryCases } from "@newsflow/nlp-train";

/**
 * Score document summaries on BBC-format JSONL against the editors' extractive summaries, on the
 * production path: each article split by the producer, every paragraph summarised as the
 * summarize worker does and tagged by the shipped entity tagger as the entities worker does,
 * then `summarizeDocument` with the shipped weights as the document step calls it, with the
 * reference's sentence count as budget; Lead-N on the same articles beside it. ROUGE-1/2/L F1,
 * averaged over articles. `heldOut` scores the file's articles that training never saw (id
 * hash, as `train:summaries` splits). `articlesPerSecond` times `summarizeDocument` alone.
 */
export async function evalSummaries(dataPath: string): Promise<object> {
  const articles = readSummaryArticles(dataPath);
  const tagger = loadEntityTagger();
  const weights = loadSummaryWeights();
  const { cases, rejected } = summaryCases(articles, tagger, (done, total) => process.stderr.write(`eval summaries: ${done}/${total} articles\n`));
  const all = evaluateSummaries(cases, weights);
  const heldOut = evaluateSummaries(
    cases.filter((c) => isHeldOut(c.id)),
    weights,
  );
  return { task: "summaries", ...all, rejected, heldOut };
}
