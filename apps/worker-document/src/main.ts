#!/usr/bin/env node
import { loadEntityDocumentModel, loadGivenNames, loadSummaryWeights } from "@newsflow/nlp/node";
import { runMain, startWorkerApp } from "@newsflow/queue";
import { createDocumentProcessor } from "./create-processor.js";
import { parseEnv } from "./env.js";

await runMain("worker-document", async () => {
  const env = parseEnv();
  const summary = { weights: loadSummaryWeights(), budget: { sentences: env.SUMMARY_SENTENCES, words: env.SUMMARY_WORDS } };
  // From the NER model, without the tagger's weights: its alias groups, so that reconciliation lets
  // ISIS and Daesh vote together, and its context typer with the lexicon and name lists it reads.
  // And the given names that tell "she" from "he" when a pronoun's speaker is resolved.
  const models = { ...loadEntityDocumentModel(), givenNames: loadGivenNames() };
  await startWorkerApp("document", env, (deployment) => createDocumentProcessor(deployment.store, summary, models));
});
