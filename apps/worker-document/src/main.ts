#!/usr/bin/env node
import { loadEntityAliases, loadSummaryWeights } from "@newsflow/nlp/node";
import { runMain, startWorkerApp } from "@newsflow/queue";
import { createDocumentProcessor } from "./create-processor.js";
import { parseEnv } from "./env.js";

await runMain("worker-document", async () => {
  const env = parseEnv();
  const summary = { weights: loadSummaryWeights(), budget: { sentences: env.SUMMARY_SENTENCES, words: env.SUMMARY_WORDS } };
  // The NER model's alias groups (its header only), so that reconciliation lets ISIS and Daesh vote together.
  const aliases = loadEntityAliases();
  await startWorkerApp("document", env, (deployment) => createDocumentProcessor(deployment.store, summary, aliases));
});
