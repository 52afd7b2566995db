#!/usr/bin/env node
import { summarizeParagraph } from "@newsflow/nlp";
import { runMain, startWorkerApp } from "@newsflow/queue";
import { createSummarizeProcessor } from "./create-processor.js";
import { parseEnv } from "./env.js";

await runMain("worker-summarize", () => startWorkerApp("summarize", parseEnv(), (deployment) => createSummarizeProcessor(deployment, summarizeParagraph)));
