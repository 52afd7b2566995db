#!/usr/bin/env node
import { summarizeParagraph } from "@newsflow/nlp";
import { startWorkerApp } from "@newsflow/queue";
import { createStore } from "@newsflow/store";
import { createSummarizeProcessor } from "./create-processor.js";

await startWorkerApp("summarize", (redis, prefix) => createSummarizeProcessor(createStore(redis, prefix), summarizeParagraph));
