import { readFileSync } from "node:fs";
import { articleParagraphs, leadSentences, referenceSentenceCount, rougeL, rougeN, rougeTokens, summarizeDocument } from "@newsflow/nlp";

interface BbcArticle {
  id: string;
  title: string;
  text: string;
  summary: string;
}

/**
 * Score document summaries on BBC-format JSONL against the editors' extractive summaries, with
 * the reference's sentence count as budget, beside Lead-N in the same run. ROUGE-1/2/L F1,
 * averaged over articles. `articlesPerSecond` times `summarizeDocument` from paragraph results
 * (what the document step does), on one core.
 */
export async function evalSummaries(dataPath: string): Promise<object> {
  const articles = readFileSync(dataPath, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as BbcArticle);
  const sum = { r1: 0, r2: 0, rl: 0, l1: 0, l2: 0, ll: 0 };
  let documentMs = 0;
  for (const [i, a] of articles.entries()) {
    const paragraphs = articleParagraphs(a.text);
    const n = referenceSentenceCount(paragraphs, a.summary);
    const t0 = performance.now();
    const summary = summarizeDocument(a.title, paragraphs, { sentences: n });
    documentMs += performance.now() - t0;
    const ref = rougeTokens(a.summary);
    const cand = rougeTokens(summary.text);
    const lead = rougeTokens(leadSentences(paragraphs, n).join(" "));
    sum.r1 += rougeN(cand, ref, 1).f1;
    sum.r2 += rougeN(cand, ref, 2).f1;
    sum.rl += rougeL(cand, ref).f1;
    sum.l1 += rougeN(lead, ref, 1).f1;
    sum.l2 += rougeN(lead, ref, 2).f1;
    sum.ll += rougeL(lead, ref).f1;
    if ((i + 1) % 200 === 0) process.stderr.write(`eval summaries: ${i + 1}/${articles.length} articles\n`);
  }
  const k = articles.length || 1;
  return {
    task: "summaries",
    articles: articles.length,
    rouge1: sum.r1 / k,
    rouge2: sum.r2 / k,
    rougeL: sum.rl / k,
    lead: { rouge1: sum.l1 / k, rouge2: sum.l2 / k, rougeL: sum.ll / k },
    articlesPerSecond: Math.round(articles.length / (documentMs / 1000)),
  };
}
