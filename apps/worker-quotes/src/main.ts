#!/usr/bin/env node
import { extractQuotes } from "@newsflow/nlp";
import { startWorkerApp } from "@newsflow/queue";
import { createStore } from "@newsflow/store";
import { createQuotesProcessor } from "./create-processor.js";

await startWorkerApp("quotes", (redis, prefix) => createQuotesProcessor(createStore(redis, prefix), extractQuotes));
