#!/usr/bin/env node
import { extractQuotes } from "@newsflow/nlp";
import { runMain, startWorkerApp } from "@newsflow/queue";
import { createQuotesProcessor } from "./create-processor.js";
import { parseEnv } from "./env.js";

await runMain("worker-quotes", () => startWorkerApp("quotes", parseEnv(), (deployment) => createQuotesProcessor(deployment, extractQuotes)));
