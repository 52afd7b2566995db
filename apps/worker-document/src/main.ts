#!/usr/bin/env node
import { loadSummaryWeights } from "@newsflow/nlp/node";
import { parseEnvWith, startWorkerApp } from "@newsflow/queue";
import { createStore } from "@newsflow/store";
import { z } from "zod";
import { createDocumentProcessor } from "./create-processor.js";

/** Length of the document summary: sentences (default 3) or, when set, words. */
const SummaryEnv = z.object({
  SUMMARY_SENTENCES: z.coerce.number().int().min(1).max(50).optional(),
  SUMMARY_WORDS: z.coerce.number().int().min(5).max(2000).optional(),
});
const env = parseEnvWith(SummaryEnv, process.env);
const budget = { sentences: env.SUMMARY_SENTENCES, words: env.SUMMARY_WORDS };

const weights = loadSummaryWeights();

await startWorkerApp("document", (redis, prefix) => createDocumentProcessor(createStore(redis, prefix), { weights, budget }));
