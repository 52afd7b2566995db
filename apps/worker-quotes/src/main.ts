#!/usr/bin/env node
import { extractQuotes } from "@newsflow/nlp";
import { loadQuoteModel } from "@newsflow/nlp/node";
import { runMain, startWorkerApp } from "@newsflow/queue";
import { createQuotesProcessor } from "./create-processor.js";
import { parseEnv } from "./env.js";

await runMain("worker-quotes", async () => {
  const env = parseEnv();
  // The model is read once per process and shared by every job.
  const model = loadQuoteModel();
  await startWorkerApp("quotes", env, (deployment) => createQuotesProcessor(deployment, (text) => extractQuotes(text, model)));
});
