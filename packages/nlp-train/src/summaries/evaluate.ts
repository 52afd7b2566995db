import { type SummaryWeights, summarizeDocument } from "@newsflow/nlp";
import type { SummaryCase } from "./production.js";
import { leadSentences, referenceSentenceCount } from "./reference.js";
import { rougeF1 } from "./rouge.js";

/** ROUGE-1, ROUGE-2 and ROUGE-L F1, averaged over articles. */
export interface RougeAverages {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

/** The document summaries' ROUGE beside Lead-N on the same articles. */
export interface SummaryScores extends RougeAverages {
  articles: number;
  lead: RougeAverages;
  /** Articles a second through `summarizeDocument` alone (what the document step runs), one core, fastest of 3 passes. */
  articlesPerSecond: number;
}

/**
 * Scores the document summary of each case against its reference with the reference's
 * sentence count as budget, beside Lead-N (the first N sentences) with the same N.
 */
export function evaluateSummaries(cases: readonly SummaryCase[], weights: SummaryWeights): SummaryScores {
  const sum = { rouge1: 0, rouge2: 0, rougeL: 0 };
  const lead = { rouge1: 0, rouge2: 0, rougeL: 0 };
  const budgets = cases.map((c) => referenceSentenceCount(c.paragraphs, c.reference));
  cases.forEach((c, i) => {
    add(sum, rougeF1(summarizeDocument(c.title, c.paragraphs, weights, { sentences: budgets[i]! }).text, c.reference));
    add(lead, rougeF1(leadSentences(c.paragraphs, budgets[i]!).join(" "), c.reference));
  });
  // Timed apart from the scoring, best of three passes: one pass on a shared machine is noise.
  let documentMs = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = performance.now();
    for (const [i, c] of cases.entries()) summarizeDocument(c.title, c.paragraphs, weights, { sentences: budgets[i]! });
    documentMs = Math.min(documentMs, performance.now() - t0);
  }
  const k = cases.length || 1;
  return {
    articles: cases.length,
    rouge1: sum.rouge1 / k,
    rouge2: sum.rouge2 / k,
    rougeL: sum.rougeL / k,
    lead: { rouge1: lead.rouge1 / k, rouge2: lead.rouge2 / k, rougeL: lead.rougeL / k },
    articlesPerSecond: documentMs > 0 && cases.length > 0 ? Math.round(cases.length / (documentMs / 1000)) : 0,
  };
}

function add(total: RougeAverages, x: RougeAverages): void {
  total.rouge1 += x.rouge1;
  total.rouge2 += x.rouge2;
  total.rougeL += x.rougeL;
}
